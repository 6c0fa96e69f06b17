#include "ecusson/proofs/signing_identity.h"

#include "ecusson/crypto/did.h"
#include "test_support.h"

namespace ecusson::proofs {

using crypto::Key;
using crypto::KeyType;
using crypto::did_key;
using crypto::did_key_verification_method;
namespace {

TEST(signing_identity, did_key_issuer_must_be_the_keys_own_did) {
  auto key = Key::generate(KeyType::ed25519);
  auto other = Key::generate(KeyType::ed25519);
  ASSERT_OK(key);
  ASSERT_OK(other);
  auto vm = signing_verification_method(*did_key(*key), *key, "");
  ASSERT_OK(vm);
  EXPECT_EQ(*vm, *did_key_verification_method(*key));
  EXPECT_ERROR(signing_verification_method(*did_key(*other), *key, ""), "sign.issuer_mismatch");
  EXPECT_ERROR(signing_verification_method(*did_key(*key), *key, "did:key:zOther#zOther"),
               "sign.issuer_mismatch");
}

TEST(signing_identity, rsa_cannot_sign_for_a_did_key) {
  auto ed = Key::generate(KeyType::ed25519);
  auto rsa = Key::generate(KeyType::rsa2048);
  ASSERT_OK(ed);
  ASSERT_OK(rsa);
  EXPECT_ERROR(signing_verification_method(*did_key(*ed), *rsa, ""), "sign.issuer_mismatch");
}

TEST(signing_identity, did_web_needs_a_method_of_the_issuer) {
  auto key = Key::generate(KeyType::p256);
  ASSERT_OK(key);
  EXPECT_ERROR(signing_verification_method("did:web:example.fr", *key, ""),
               "sign.verification_method_required");
  EXPECT_ERROR(signing_verification_method("did:web:example.fr", *key, "did:web:evil.fr#k"),
               "sign.issuer_mismatch");
  EXPECT_ERROR(signing_verification_method("did:web:example.fr", *key, "did:web:example.fr.evil#k"),
               "sign.issuer_mismatch");
  EXPECT_EQ(*signing_verification_method("did:web:example.fr", *key, "did:web:example.fr#key-1"),
            "did:web:example.fr#key-1");
}

TEST(signing_identity, https_issuer_key_on_the_same_host) {
  auto key = Key::generate(KeyType::rsa2048);
  ASSERT_OK(key);
  EXPECT_EQ(*signing_verification_method("https://badges.example.fr/issuer", *key, ""), "");
  EXPECT_ERROR(signing_verification_method("https://badges.example.fr/issuer", *key, "", true),
               "sign.verification_method_required");
  EXPECT_OK(signing_verification_method("https://badges.example.fr/issuer", *key,
                                        "https://badges.example.fr/keys/1"));
  EXPECT_ERROR(signing_verification_method("https://badges.example.fr/issuer", *key,
                                           "https://badges.example.fr.evil.com/keys/1"),
               "sign.issuer_mismatch");
  EXPECT_ERROR(signing_verification_method("https://badges.example.fr/issuer", *key,
                                           "https://badges.example.fr@evil.com/k"),
               "sign.issuer_mismatch");
}

TEST(signing_identity, other_issuer_schemes_are_refused) {
  auto key = Key::generate(KeyType::ed25519);
  ASSERT_OK(key);
  EXPECT_ERROR(signing_verification_method("urn:uuid:1234", *key, ""), "sign.issuer_unsupported");
  EXPECT_ERROR(signing_verification_method("http://example.fr", *key, ""), "sign.issuer_unsupported");
  EXPECT_ERROR(signing_verification_method("http://127.0.0.1.evil.fr", *key, ""),
               "sign.issuer_unsupported");
}

TEST(signing_identity, plain_http_only_for_loopback_testing) {
  auto key = Key::generate(KeyType::rsa2048);
  ASSERT_OK(key);
  EXPECT_OK(signing_verification_method("http://127.0.0.1:8080", *key, ""));
  EXPECT_OK(signing_verification_method("http://localhost:8080/issuer", *key,
                                        "http://localhost:8080/keys/1"));
  EXPECT_ERROR(signing_verification_method("http://127.0.0.1:8080", *key,
                                           "http://127.0.0.1:9090/keys/1"),
               "sign.issuer_mismatch");
}

}  // namespace
}  // namespace ecusson::proofs
