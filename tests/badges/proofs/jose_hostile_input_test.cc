// Hostile input against the JOSE / JSON entry points (style C18): one test per case.
#include <chrono>
#include <boost/json.hpp>

#include "ecusson/common/base64url.h"
#include "ecusson/crypto/did.h"
#include "ecusson/crypto/jws.h"
#include "ecusson/common/strict_json.h"
#include "ecusson/proofs/vc_jwt.h"
#include "test_support.h"

namespace ecusson::proofs {

using credentials::CheckStatus;
using credentials::VerificationResult;
using crypto::Key;
using crypto::KeyType;
using crypto::LocalKeyResolver;
using crypto::did_key;
using crypto::did_key_verification_method;
using crypto::jws_decode;
namespace {

namespace json = boost::json;

std::string b64(std::string_view s) { return base64url_encode(s); }

struct Signer {
  Key key = std::move(Key::generate(KeyType::ed25519).value());
  std::string vm = did_key_verification_method(key).value();
  std::string jwt(std::string_view payload) const {
    std::string input = b64(R"({"alg":"EdDSA","kid":")" + vm + R"("})") + "." + b64(payload);
    return input + "." + b64(key.sign(input).value());
  }
};

VerificationResult verify(std::string_view jwt) {
  LocalKeyResolver resolver;
  JwtVerifyOptions o;
  o.now = std::chrono::sys_seconds{std::chrono::seconds{1767225600}};
  VerificationResult r;
  verify_vc_jwt(jwt, resolver, o, r);
  r.finish();
  return r;
}

TEST(jose_hostile_input, invalid_base64url_in_a_jwt_is_refused) {
  Signer s;
  std::string jwt = s.jwt("{}");
  jwt[jwt.find('.') + 1] = '*';
  auto r = verify(jwt);
  EXPECT_FALSE(r.verified);
  ASSERT_FALSE(r.checks.empty());
  EXPECT_EQ(r.checks[0].code, "jwt.header");
  EXPECT_EQ(r.checks[0].status, CheckStatus::failed);
}

TEST(jose_hostile_input, payload_nested_100000_deep_is_refused_without_crashing) {
  Signer s;
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += R"({"a":)";
  deep += "1" + std::string(100000, '}');
  auto r = verify(s.jwt(deep));
  EXPECT_FALSE(r.verified);
  EXPECT_EQ(r.errors().back(), "jwt.claims");
  // And the signing side refuses the same document.
  auto signed_jwt = sign_vc_jwt(std::string_view(deep), s.key);
  ASSERT_FALSE(signed_jwt.has_value());
  EXPECT_EQ(signed_jwt.error().code, "vc_jwt.credential");
  EXPECT_NE(signed_jwt.error().message.find("imbriqué"), std::string::npos);
}

TEST(jose_hostile_input, header_nested_deep_is_refused) {
  // 5,000 levels fit in the header size cap, so the depth limit is what refuses it.
  std::string deep = R"({"alg":"EdDSA","jwk":)";
  for (int i = 0; i < 5000; ++i) deep += "[";
  deep += std::string(5000, ']') + "}";
  auto r = jws_decode(b64(deep) + ".e30.AAAA");
  EXPECT_ERROR(r, "jws.malformed");
  EXPECT_NE(r.error().message.find("imbriqué"), std::string::npos) << r.error().message;
}

TEST(jose_hostile_input, one_megabyte_strings_are_handled) {
  Signer s;
  json::object c{{"id", "urn:uuid:1"},
                 {"issuer", did_key(s.key).value()},
                 {"validFrom", "2025-01-01T00:00:00Z"},
                 {"name", std::string(1 << 20, 'x')},
                 {"credentialSubject", json::object{{"id", "did:example:a"}}}};
  auto jwt = sign_vc_jwt(c, s.key, {.kid = s.vm});
  ASSERT_OK(jwt);
  EXPECT_TRUE(verify(*jwt).verified);
  // A 1 MB kid, though, is not a sane header: refused before any key lookup.
  std::string huge_kid = b64(R"({"alg":"EdDSA","kid":")" + std::string(1 << 20, 'k') + R"("})");
  EXPECT_ERROR(jws_decode(huge_kid + ".e30.AAAA"), "jws.malformed");
}

TEST(jose_hostile_input, duplicate_claims_are_refused) {
  Signer s;
  std::string did = did_key(s.key).value();
  std::string payload = R"({"iss":")" + did + R"(","iss":"did:web:evil.example","id":"urn:x","jti":"urn:x",)"
                        R"("issuer":")" + did + R"(","validFrom":"2025-01-01T00:00:00Z","nbf":1735689600})";
  auto r = verify(s.jwt(payload));
  EXPECT_FALSE(r.verified);
  bool found = false;
  for (const auto& c : r.checks)
    if (c.code == "jwt.claims" && c.status == CheckStatus::failed &&
        c.message.find("double") != std::string::npos)
      found = true;
  EXPECT_TRUE(found);
}

TEST(jose_hostile_input, two_hundred_megabyte_input_is_refused_by_the_size_cap) {
  std::string huge(200u << 20, 'A');
  huge[100] = '.';
  huge[200] = '.';
  EXPECT_ERROR(jws_decode(huge), "jws.too_large");
  EXPECT_ERROR(parse_json_strict(huge), "json.too_large");
  auto r = verify(huge);
  EXPECT_FALSE(r.verified);
  EXPECT_NE(r.checks[0].evidence.find("jws.too_large"), std::string::npos);
}

}  // namespace
}  // namespace ecusson::proofs
