#include "ecusson/crypto/jws.h"

#include "ecusson/common/base64url.h"
#include "ecusson/crypto/jwk.h"
#include "test_support.h"

namespace ecusson::crypto {
namespace {

std::string b64(std::string_view s) { return base64url_encode(s); }

Key ed25519() { return std::move(Key::generate(KeyType::ed25519).value()); }

TEST(jws, rfc8037_example_verifies) {
  auto key = key_from_jwk_json(
      R"({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})");
  ASSERT_OK(key);
  auto jws = jws_decode(
      "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
      "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
  ASSERT_OK(jws);
  EXPECT_EQ(jws->alg, "EdDSA");
  EXPECT_EQ(jws->payload, "Example of Ed25519 signing");
  EXPECT_OK(jws_verify(*jws, *key));
}

TEST(jws, sign_then_verify_each_algorithm) {
  for (KeyType t : {KeyType::ed25519, KeyType::p256, KeyType::rsa2048}) {
    auto key = Key::generate(t);
    ASSERT_OK(key);
    auto compact = jws_sign(JwsHeader{"kid-1", false, "JWT"}, R"({"a":1})", *key);
    ASSERT_OK(compact);
    auto jws = jws_decode(*compact);
    ASSERT_OK(jws);
    EXPECT_EQ(jws->alg, key->alg());
    EXPECT_EQ(jws->kid, "kid-1");
    EXPECT_EQ(jws->typ, "JWT");
    EXPECT_EQ(jws->payload, R"({"a":1})");
    EXPECT_OK(jws_verify(*jws, *key));
    auto other = Key::generate(t);
    ASSERT_OK(other);
    EXPECT_ERROR(jws_verify(*jws, *other), "jws.bad_signature");
  }
}

TEST(jws, embedded_jwk_never_holds_d) {
  Key key = ed25519();
  JwsHeader h;
  h.embed_jwk = true;
  auto compact = jws_sign(h, "x", key);
  ASSERT_OK(compact);
  auto jws = jws_decode(*compact);
  ASSERT_OK(jws);
  ASSERT_TRUE(jws->has_jwk);
  EXPECT_EQ(jws->jwk_json.find("\"d\""), std::string::npos);
  EXPECT_OK(key_from_jwk_json(jws->jwk_json));
}

TEST(jws, refuses_alg_none) {
  EXPECT_ERROR(jws_decode(b64(R"({"alg":"none"})") + "." + b64("{}") + ".AA"), "jws.alg_none");
  EXPECT_ERROR(jws_decode(b64(R"({"alg":"NONE"})") + "." + b64("{}") + ".AA"), "jws.alg_none");
}

TEST(jws, refuses_hmac) {
  for (const char* alg : {"HS256", "HS384", "HS512"}) {
    SCOPED_TRACE(alg);
    EXPECT_ERROR(jws_decode(b64(std::string(R"({"alg":")") + alg + "\"}") + "." + b64("{}") + ".AA"),
                 "jws.alg_hmac");
  }
}

TEST(jws, refuses_algorithms_outside_the_allow_list) {
  EXPECT_ERROR(jws_decode(b64(R"({"alg":"PS256"})") + "." + b64("{}") + ".AA"),
               "jws.alg_not_allowed");
  JwsDecodeOptions rs_only;
  rs_only.allowed_algs = {"RS256"};
  EXPECT_ERROR(jws_decode(b64(R"({"alg":"EdDSA"})") + "." + b64("{}") + ".AA", rs_only),
               "jws.alg_not_allowed");
}

TEST(jws, refuses_extra_header_parameters) {
  for (const char* h : {R"({"alg":"EdDSA","crit":["b64"],"b64":false})", R"({"alg":"EdDSA","jku":"https://evil"})",
                        R"({"alg":"EdDSA","x5u":"https://evil"})", R"({"alg":"EdDSA","cty":"vc"})"}) {
    SCOPED_TRACE(h);
    EXPECT_ERROR(jws_decode(b64(h) + "." + b64("{}") + ".AA"), "jws.header_param");
  }
}

TEST(jws, refuses_duplicate_header_members) {
  // Two "alg" members: a parser keeping the first and one keeping the last would disagree.
  EXPECT_ERROR(jws_decode(b64(R"({"alg":"EdDSA","alg":"none"})") + "." + b64("{}") + ".AA"),
               "jws.malformed");
}

TEST(jws, refuses_wrong_number_of_parts) {
  EXPECT_ERROR(jws_decode("a.b"), "jws.malformed");
  EXPECT_ERROR(jws_decode("a.b.c.d"), "jws.malformed");
  EXPECT_ERROR(jws_decode(""), "jws.malformed");
  EXPECT_ERROR(jws_decode(".."), "jws.malformed");
}

TEST(jws, refuses_invalid_base64url_in_each_part) {
  Key key = ed25519();
  auto compact = jws_sign(JwsHeader{}, "payload", key);
  ASSERT_OK(compact);
  std::string s = *compact;
  auto d1 = s.find('.'), d2 = s.rfind('.');
  EXPECT_ERROR(jws_decode("e+" + s.substr(2)), "jws.malformed");
  EXPECT_ERROR(jws_decode(s.substr(0, d1 + 1) + "cGF5bG9hZA==" + s.substr(d2)), "jws.malformed");
  EXPECT_ERROR(jws_decode(s + "="), "jws.malformed");
  EXPECT_ERROR(jws_decode(s.substr(0, d2 + 1) + "!" + s.substr(d2 + 2)), "jws.malformed");
}

TEST(jws, refuses_header_that_is_not_an_object) {
  EXPECT_ERROR(jws_decode(b64(R"(["EdDSA"])") + "." + b64("{}") + ".AA"), "jws.malformed");
  EXPECT_ERROR(jws_decode(b64(R"({"alg":5})") + "." + b64("{}") + ".AA"), "jws.malformed");
  EXPECT_ERROR(jws_decode(b64("not json") + "." + b64("{}") + ".AA"), "jws.malformed");
}

TEST(jws, refuses_oversized_token) {
  JwsDecodeOptions small;
  small.max_bytes = 1024;
  EXPECT_ERROR(jws_decode(std::string(1025, 'a'), small), "jws.too_large");
}

TEST(jws, alg_must_fit_the_key) {
  // An RS256 token checked with an Ed25519 key (and vice versa) is refused before any crypto.
  auto rsa = Key::generate(KeyType::rsa2048);
  ASSERT_OK(rsa);
  auto compact = jws_sign(JwsHeader{}, "x", *rsa);
  ASSERT_OK(compact);
  auto jws = jws_decode(*compact);
  ASSERT_OK(jws);
  EXPECT_ERROR(jws_verify(*jws, ed25519()), "jws.alg_key_mismatch");
}

TEST(jws, tampered_payload_fails) {
  Key key = ed25519();
  auto compact = jws_sign(JwsHeader{}, R"({"grade":"A"})", key);
  ASSERT_OK(compact);
  std::string s = *compact;
  auto d1 = s.find('.'), d2 = s.rfind('.');
  std::string forged = s.substr(0, d1 + 1) + b64(R"({"grade":"B"})") + s.substr(d2);
  auto jws = jws_decode(forged);
  ASSERT_OK(jws);
  EXPECT_ERROR(jws_verify(*jws, key), "jws.bad_signature");
}

TEST(jws, kid_with_quotes_is_escaped) {
  Key key = ed25519();
  auto compact = jws_sign(JwsHeader{"a\"b\\c", false, ""}, "x", key);
  ASSERT_OK(compact);
  auto jws = jws_decode(*compact);
  ASSERT_OK(jws);
  EXPECT_EQ(jws->kid, "a\"b\\c");
}

}  // namespace
}  // namespace ecusson::crypto
