#include "ecusson/crypto/key_resolver.h"

#include "ecusson/crypto/did.h"
#include "test_support.h"

namespace ecusson::crypto {
namespace {

TEST(local_key_resolver, resolves_did_key_verification_methods) {
  auto key = Key::generate(KeyType::ed25519);
  ASSERT_OK(key);
  LocalKeyResolver resolver;
  auto r = resolver.resolve(*did_key_verification_method(*key));
  ASSERT_OK(r);
  EXPECT_EQ(r->controller, *did_key(*key));
  EXPECT_TRUE(r->key.same_public(*key));
  EXPECT_FALSE(r->key.has_private());
}

TEST(local_key_resolver, issuer_keys_of_a_did_key_issuer) {
  auto key = Key::generate(KeyType::p256);
  ASSERT_OK(key);
  LocalKeyResolver resolver;
  auto keys = resolver.issuer_keys(*did_key(*key));
  ASSERT_OK(keys);
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ((*keys)[0].id, *did_key_verification_method(*key));
  EXPECT_TRUE((*keys)[0].key.same_public(*key));
}

TEST(local_key_resolver, registered_keys_are_public_only) {
  auto key = Key::generate(KeyType::rsa2048);
  ASSERT_OK(key);
  LocalKeyResolver resolver;
  resolver.add("https://issuer.example/keys/1", "https://issuer.example", *key);
  auto r = resolver.resolve("https://issuer.example/keys/1");
  ASSERT_OK(r);
  EXPECT_FALSE(r->key.has_private());
  EXPECT_TRUE(r->key.same_public(*key));
  auto keys = resolver.issuer_keys("https://issuer.example");
  ASSERT_OK(keys);
  EXPECT_EQ(keys->size(), 1u);
}

TEST(local_key_resolver, refuses_network_methods) {
  LocalKeyResolver resolver;
  EXPECT_ERROR(resolver.resolve("did:web:example.com#key-1"), "key.unsupported_method");
  EXPECT_ERROR(resolver.resolve("https://example.com/keys/1"), "key.unsupported_method");
  EXPECT_ERROR(resolver.issuer_keys("https://example.com"), "key.unsupported_method");
}

TEST(local_key_resolver, malformed_did_key_is_a_resolution_failure) {
  LocalKeyResolver resolver;
  EXPECT_ERROR(resolver.resolve("did:key:z6MkNOTBASE58l0"), "key.resolution");
}

}  // namespace
}  // namespace ecusson::crypto
