#include "ecusson/crypto/did.h"

#include <boost/json.hpp>

#include "ecusson/crypto/jwk.h"
#include "ecusson/crypto/multibase.h"
#include "test_support.h"

namespace ecusson::crypto {
namespace {

namespace json = boost::json;

TEST(did_key, of_the_ob3_test_vector_key) {
  auto kp = json::parse(test::read_file(test::conformance_dir() /
                                        "ob3/test-vectors/ob-eddsa-rdfc-2022/keyPair.json"))
                .as_object();
  auto key = multikey_decode(kp["publicKeyMultibase"].as_string());
  ASSERT_OK(key);
  EXPECT_EQ(*did_key(*key), "did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
  EXPECT_EQ(*did_key_verification_method(*key),
            "did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi#"
            "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi");
}

TEST(did_key, of_the_vc_di_eddsa_test_vector_key) {
  auto key = multikey_decode_secret("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq");
  ASSERT_OK(key);
  EXPECT_EQ(*did_key(*key), "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
}

TEST(did_key, resolves_did_and_verification_method) {
  auto key = Key::generate(KeyType::ed25519);
  ASSERT_OK(key);
  std::string did = *did_key(*key);
  for (const std::string& id : {did, *did_key_verification_method(*key)}) {
    auto r = resolve_did_key(id);
    ASSERT_OK(r);
    EXPECT_EQ(r->did, did);
    EXPECT_EQ(r->verification_method, *did_key_verification_method(*key));
    EXPECT_TRUE(r->key.same_public(*key));
    EXPECT_FALSE(r->key.has_private());
  }
}

TEST(did_key, p256_roundtrip) {
  auto key = Key::generate(KeyType::p256);
  ASSERT_OK(key);
  std::string did = *did_key(*key);
  EXPECT_TRUE(did.starts_with("did:key:zDn"));
  auto r = resolve_did_key(did);
  ASSERT_OK(r);
  EXPECT_TRUE(r->key.same_public(*key));
}

TEST(did_key, rsa_has_no_did_key) {
  auto key = Key::generate(KeyType::rsa2048);
  ASSERT_OK(key);
  EXPECT_ERROR(did_key(*key), "did.unsupported_key");
}

TEST(did_key, refuses_fragment_of_another_key) {
  auto a = Key::generate(KeyType::ed25519);
  auto b = Key::generate(KeyType::ed25519);
  ASSERT_OK(a);
  ASSERT_OK(b);
  std::string id = *did_key(*a) + "#" + *multikey_encode(*b);
  EXPECT_ERROR(resolve_did_key(id), "did.invalid");
}

TEST(did_key, refuses_malformed_identifiers) {
  EXPECT_ERROR(resolve_did_key("did:web:example.com"), "did.invalid");
  EXPECT_ERROR(resolve_did_key("did:key:"), "did.invalid");
  EXPECT_ERROR(resolve_did_key("did:key:u7QE"), "did.invalid");
  EXPECT_ERROR(resolve_did_key("did:key:z6Mk0OIl"), "did.invalid");
  EXPECT_ERROR(resolve_did_key("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme"),
               "did.unsupported_key");
}

TEST(did_key, document_lists_the_key_under_every_relationship) {
  const std::string did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
  auto doc = did_key_document(did);
  ASSERT_OK(doc);
  EXPECT_EQ((*doc)["id"], json::value(did));
  auto& vm = (*doc)["verificationMethod"].as_array()[0].as_object();
  EXPECT_EQ(vm["id"], json::value(did + "#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"));
  EXPECT_EQ(vm["type"], json::value("Multikey"));
  EXPECT_EQ(vm["controller"], json::value(did));
  EXPECT_EQ(vm["publicKeyMultibase"], json::value("z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"));
  EXPECT_EQ((*doc)["assertionMethod"].as_array()[0], vm["id"]);
  // And the document reads back to the same key.
  auto keys = keys_from_did_document(*doc, did);
  ASSERT_OK(keys);
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ((*keys)[0].controller, did);
  auto jwk_doc = did_key_document(did, VerificationMethodFormat::json_web_key);
  ASSERT_OK(jwk_doc);
  auto& jvm = (*jwk_doc)["verificationMethod"].as_array()[0].as_object();
  EXPECT_EQ(jvm["publicKeyJwk"].as_object()["kty"], json::value("OKP"));
}

TEST(did_web, maps_to_document_url) {
  EXPECT_EQ(*did_web_document_url("did:web:w3c-ccg.github.io"),
            "https://w3c-ccg.github.io/.well-known/did.json");
  EXPECT_EQ(*did_web_document_url("did:web:w3c-ccg.github.io:user:alice"),
            "https://w3c-ccg.github.io/user/alice/did.json");
  EXPECT_EQ(*did_web_document_url("did:web:example.com%3A3000:user:alice"),
            "https://example.com:3000/user/alice/did.json");
  EXPECT_EQ(*did_web_document_url("did:web:example.com#key-1"),
            "https://example.com/.well-known/did.json");
}

TEST(did_web, refuses_ip_literals_and_path_tricks) {
  EXPECT_ERROR(did_web_document_url("did:web:127.0.0.1"), "did.invalid");
  EXPECT_ERROR(did_web_document_url("did:web:[::1]"), "did.invalid");
  EXPECT_ERROR(did_web_document_url("did:web:example.com:.."), "did.invalid");
  EXPECT_ERROR(did_web_document_url("did:web:example.com::a"), "did.invalid");
  EXPECT_ERROR(did_web_document_url("did:web:example.com:a%2Fb"), "did.invalid");
  EXPECT_ERROR(did_web_document_url("did:web:example.com/evil"), "did.invalid");
  EXPECT_ERROR(did_web_document_url("did:web:user@example.com"), "did.invalid");
  EXPECT_ERROR(did_web_document_url("did:web:example.com%3A99999"), "did.invalid");
  EXPECT_ERROR(did_web_document_url("did:web:"), "did.invalid");
}

TEST(did_web, from_url_roundtrips) {
  auto did = did_web_from_url("https://Badges.Example.fr:8443/issuers/1/");
  ASSERT_OK(did);
  EXPECT_EQ(*did, "did:web:badges.example.fr%3A8443:issuers:1");
  EXPECT_EQ(*did_web_document_url(*did), "https://badges.example.fr:8443/issuers/1/did.json");
  EXPECT_EQ(*did_web_from_url("https://example.com"), "did:web:example.com");
  EXPECT_ERROR(did_web_from_url("http://example.com"), "did.invalid");
  EXPECT_ERROR(did_web_from_url("https://example.com/?q=1"), "did.invalid");
}

TEST(did_web, document_publishes_keys_and_reads_back) {
  auto ed = Key::generate(KeyType::ed25519);
  auto ec = Key::generate(KeyType::p256);
  auto rsa = Key::generate(KeyType::rsa2048);
  ASSERT_OK(ed);
  ASSERT_OK(ec);
  ASSERT_OK(rsa);
  const std::string did = "did:web:badges.example.fr";
  json::object doc = did_document(did, {{"key-1", &*ed, VerificationMethodFormat::multikey},
                                        {"key-2", &*ec, VerificationMethodFormat::json_web_key},
                                        {"key-3", &*rsa, VerificationMethodFormat::multikey}});
  std::string text = json::serialize(doc);
  EXPECT_EQ(text.find("\"d\""), std::string::npos);
  auto& vms = doc["verificationMethod"].as_array();
  ASSERT_EQ(vms.size(), 3u);
  EXPECT_EQ(vms[0].as_object()["type"], json::value("Multikey"));
  EXPECT_EQ(vms[1].as_object()["type"], json::value("JsonWebKey2020"));
  EXPECT_EQ(vms[2].as_object()["type"], json::value("JsonWebKey2020"));  // RSA: always JWK
  auto keys = keys_from_did_document(doc, did);
  ASSERT_OK(keys);
  ASSERT_EQ(keys->size(), 3u);
  EXPECT_EQ((*keys)[0].id, did + "#key-1");
  EXPECT_TRUE((*keys)[0].key.same_public(*ed));
  EXPECT_TRUE((*keys)[1].key.same_public(*ec));
  EXPECT_TRUE((*keys)[2].key.same_public(*rsa));
}

TEST(did_web, reads_relative_and_embedded_methods_and_checks_id) {
  auto key = Key::generate(KeyType::ed25519);
  ASSERT_OK(key);
  std::string mk = *multikey_encode(*key);
  json::object doc{{"id", "did:web:example.com"},
                   {"verificationMethod",
                    json::array{json::object{{"id", "#k1"},
                                             {"type", "Ed25519VerificationKey2020"},
                                             {"controller", "did:web:example.com"},
                                             {"publicKeyMultibase", mk}}}},
                   {"assertionMethod",
                    json::array{"#k1", json::object{{"id", "did:web:example.com#k2"},
                                                    {"type", "JsonWebKey2020"},
                                                    {"controller", "did:web:example.com"},
                                                    {"publicKeyJwk", public_jwk(*key)}}}}};
  auto keys = keys_from_did_document(doc, "did:web:example.com");
  ASSERT_OK(keys);
  ASSERT_EQ(keys->size(), 2u);
  EXPECT_EQ((*keys)[0].id, "did:web:example.com#k1");
  EXPECT_EQ((*keys)[1].id, "did:web:example.com#k2");
  // Only assertionMethod keys count: a key listed only under authentication is not returned.
  auto auth = keys_from_did_document(doc, "did:web:example.com", "authentication");
  ASSERT_OK(auth);
  EXPECT_TRUE(auth->empty());
  EXPECT_ERROR(keys_from_did_document(doc, "did:web:other.example"), "did.invalid");
}

}  // namespace
}  // namespace ecusson::crypto
