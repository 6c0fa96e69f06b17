#include "ecusson/crypto/jwk.h"

#include <boost/json.hpp>

#include "ecusson/common/base64url.h"
#include "test_support.h"

namespace ecusson::crypto {
namespace {

namespace json = boost::json;

constexpr const char* kRfc7638N =
    "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWK"
    "RXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMi"
    "cAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRw"
    "r3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

TEST(jwk, rfc7638_thumbprint_example) {
  json::object jwk{{"kty", "RSA"}, {"n", kRfc7638N}, {"e", "AQAB"}, {"alg", "RS256"},
                   {"kid", "2011-04-29"}};
  auto key = key_from_jwk(jwk);
  ASSERT_OK(key);
  EXPECT_EQ(jwk_thumbprint(*key), "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
  // Exported back with the same members (public only).
  json::object out = public_jwk(*key);
  EXPECT_EQ(out["n"], json::value(kRfc7638N));
  EXPECT_EQ(out["e"], json::value("AQAB"));
  EXPECT_FALSE(out.contains("d"));
}

TEST(jwk, rfc8037_ed25519_public_jwk_and_thumbprint) {
  auto key = key_from_jwk_json(
      R"({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})");
  ASSERT_OK(key);
  EXPECT_EQ(key->type(), KeyType::ed25519);
  // RFC 8037 Appendix A.3.
  EXPECT_EQ(jwk_thumbprint(*key), "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
  EXPECT_EQ(public_jwk_json(*key),
            R"({"crv":"Ed25519","kty":"OKP","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})");
  // RFC 8037 Appendix A.4 signature verifies with the key read from the JWK.
  auto sig = base64url_decode(
      "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
  ASSERT_OK(sig);
  EXPECT_TRUE(key->verify("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc", *sig));
}

TEST(jwk, roundtrips_generated_keys_of_every_type) {
  for (KeyType t : {KeyType::ed25519, KeyType::p256, KeyType::rsa2048}) {
    auto key = Key::generate(t);
    ASSERT_OK(key);
    json::object jwk = public_jwk(*key);
    EXPECT_FALSE(jwk.contains("d")) << to_string(t);
    auto back = key_from_jwk(jwk);
    ASSERT_OK(back);
    EXPECT_TRUE(back->same_public(*key));
    EXPECT_FALSE(back->has_private());
    EXPECT_EQ(jwk_thumbprint(*back), jwk_thumbprint(*key));
  }
}

TEST(jwk, refuses_private_member_d) {
  EXPECT_ERROR(
      key_from_jwk_json(R"({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"})"),
      "jwk.private_material");
}

TEST(jwk, refuses_symmetric_keys) {
  EXPECT_ERROR(key_from_jwk_json(R"({"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ"})"),
               "jwk.private_material");
  EXPECT_ERROR(key_from_jwk_json(R"({"kty":"oct"})"), "jwk.unsupported");
}

TEST(jwk, refuses_unsupported_curves) {
  EXPECT_ERROR(key_from_jwk_json(R"({"kty":"OKP","crv":"X25519","x":"3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08"})"),
               "jwk.unsupported");
  EXPECT_ERROR(key_from_jwk_json(R"({"kty":"EC","crv":"P-384","x":"AA","y":"AA"})"),
               "jwk.unsupported");
}

TEST(jwk, refuses_bad_encodings_and_lengths) {
  EXPECT_ERROR(key_from_jwk_json(R"({"kty":"OKP","crv":"Ed25519","x":"11qYAYKx+rfVS"})"),
               "jwk.invalid");
  EXPECT_ERROR(key_from_jwk_json(R"({"kty":"OKP","crv":"Ed25519","x":"AAAA"})"), "jwk.invalid");
  EXPECT_ERROR(key_from_jwk_json(R"({"kty":"OKP","crv":"Ed25519"})"), "jwk.invalid");
  EXPECT_ERROR(key_from_jwk_json(R"([1,2])"), "jwk.invalid");
}

TEST(jwk, refuses_point_off_curve) {
  std::string x = base64url_encode(std::string(32, '\x01'));
  std::string y = base64url_encode(std::string(32, '\x02'));
  EXPECT_ERROR(key_from_jwk_json(R"({"kty":"EC","crv":"P-256","x":")" + x + R"(","y":")" + y + R"("})"),
               "jwk.invalid");
}

TEST(jwk, refuses_alg_that_does_not_fit_the_key) {
  EXPECT_ERROR(key_from_jwk_json(R"({"kty":"OKP","crv":"Ed25519","alg":"RS256","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})"),
               "jwk.invalid");
  EXPECT_OK(key_from_jwk_json(R"({"kty":"OKP","crv":"Ed25519","alg":"EdDSA","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})"));
}

TEST(jwk, refuses_encryption_use) {
  EXPECT_ERROR(key_from_jwk_json(R"({"kty":"OKP","crv":"Ed25519","use":"enc","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})"),
               "jwk.unsupported");
}

TEST(jwk, refuses_duplicate_members) {
  EXPECT_ERROR(key_from_jwk_json(R"({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","x":"AAAA"})"),
               "jwk.invalid");
}

TEST(jwk, set_roundtrip_skips_unusable_entries) {
  auto a = Key::generate(KeyType::ed25519);
  auto b = Key::generate(KeyType::p256);
  ASSERT_OK(a);
  ASSERT_OK(b);
  json::object set = jwk_set({{"key-1", &*a}, {"key-2", &*b}});
  set["keys"].as_array().push_back(json::object{{"kty", "oct"}, {"k", "AAAA"}});
  auto keys = keys_from_jwk_set(set, "https://issuer.example");
  ASSERT_OK(keys);
  ASSERT_EQ(keys->size(), 2u);
  EXPECT_EQ((*keys)[0].id, "key-1");
  EXPECT_EQ((*keys)[0].controller, "https://issuer.example");
  EXPECT_TRUE((*keys)[0].key.same_public(*a));
  EXPECT_TRUE((*keys)[1].key.same_public(*b));
  EXPECT_ERROR(keys_from_jwk_set(json::object{{"nokeys", 1}}, "x"), "jwk.invalid");
}

}  // namespace
}  // namespace ecusson::crypto
