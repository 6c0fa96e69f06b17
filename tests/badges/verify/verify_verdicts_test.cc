// Issue 9, "verdicts that are wrong today": each verdict through verify_credential (the
// one pipeline), with tokens made as the `jose` npm package makes them (jose_token.h).
// The same verdicts through `ecusson verify`: tests/cli/verify_cli_test.cc; with tokens
// made by jose itself: tests/interop/jose.test.mjs.
#include "ecusson/verify/verify.h"

#include <gtest/gtest.h>

#include "ecusson/crypto/jwk.h"
#include "jose_token.h"
#include "test_http_server.h"
#include "verify_test_util.h"

namespace ecusson::verify {

using credentials::Check;
using credentials::CheckStatus;
using credentials::VerificationResult;
using crypto::Key;
using crypto::KeyType;
using crypto::public_jwk;
using net::HttpFetcher;
using proofs::VcJwtSignOptions;
using proofs::sign_vc_jwt;
namespace {

using namespace testing;
using ecusson::test::jose_sign;
using ecusson::test::TestHttpServer;
namespace json = boost::json;

constexpr std::int64_t kValidFrom = 1704067200;  // 2024-01-01T00:00:00Z (make_badge)
constexpr std::int64_t kPast = 1735689600;       // 2025-01-01, before fixed_now()
constexpr std::int64_t kFuture = 1893456000;     // 2030-01-01

VerificationResult verify_offline(std::string_view text) {
  static OfflineFetcher net;
  VerifyOptions o;
  o.now = fixed_now();
  o.fetcher = &net;
  return verify_credential(VerifyInput{text, InputHint::automatic, "test"}, o);
}

CheckStatus status(const VerificationResult& r, std::string_view code) {
  const Check* c = find_check(r, code);
  return c ? c->status : CheckStatus::skipped;
}

bool refused_with(const VerificationResult& r, std::string_view code) {
  return !r.verified && status(r, code) == CheckStatus::failed;
}

// The VCDM 1.1-era form: the credential in a `vc` claim, dates only as nbf/exp.
std::string legacy_token(const TestIssuer& issuer, const std::string& exp_json) {
  json::object cred = make_badge(issuer.id);
  std::string payload = R"({"iss":")" + issuer.id + R"(","jti":")" +
                        std::string(cred.at("id").as_string()) +
                        R"(","sub":"did:example:holder-1","nbf":)" +
                        std::to_string(kValidFrom) + R"(,"exp":)" + exp_json + R"(,"vc":)" +
                        json::serialize(cred) + "}";
  return jose_sign(json::object{{"alg", "EdDSA"}, {"kid", issuer.vm}, {"typ", "JWT"}}, payload,
                   issuer.key);
}

// --- 1. legacy `vc` claim whose exp has passed -------------------------------------------

TEST(verify_verdicts, legacy_vc_claim_with_past_exp_is_expired) {
  auto issuer = TestIssuer::did_key();
  auto r = verify_offline(legacy_token(issuer, std::to_string(kPast)));
  EXPECT_TRUE(refused_with(r, "validity.expired")) << describe(r);
  EXPECT_EQ(status(r, "proof.signature"), CheckStatus::passed) << describe(r);
  EXPECT_EQ(r.credential.valid_until, "2025-01-01T00:00:00Z");
}

TEST(verify_verdicts, legacy_vc_claim_with_future_exp_verifies) {
  auto issuer = TestIssuer::did_key();
  auto r = verify_offline(legacy_token(issuer, std::to_string(kFuture)));
  EXPECT_TRUE(r.verified) << describe(r);
  EXPECT_EQ(r.credential.valid_until, "2030-01-01T00:00:00Z");
}

TEST(verify_verdicts, ob3_exp_without_valid_until_sets_the_end) {
  // OB 3.0 §8.2.6: exp sets validUntil. Past → expired; future → verified.
  auto issuer = TestIssuer::did_key();
  for (std::int64_t exp : {kPast, kFuture}) {
    json::object payload = make_badge(issuer.id);
    payload["iss"] = issuer.id;
    payload["jti"] = payload.at("id");
    payload["sub"] = "did:example:holder-1";
    payload["nbf"] = kValidFrom;
    payload["exp"] = exp;
    auto jwt = jose_sign(json::object{{"alg", "EdDSA"}, {"kid", issuer.vm}}, payload, issuer.key);
    auto r = verify_offline(jwt);
    if (exp == kPast) EXPECT_TRUE(refused_with(r, "validity.expired")) << describe(r);
    else EXPECT_TRUE(r.verified) << describe(r);
  }
}

// --- 2. typ / cty -------------------------------------------------------------------------

// A VC 2.0 JOSE token as VC-JOSE-COSE §3.1.1 makes it: the payload is the credential.
std::string jose_cose_token(const TestIssuer& issuer, json::object header, json::object extra = {}) {
  json::object payload = make_badge(issuer.id);
  for (auto& [k, v] : extra) payload[k] = v;
  header["alg"] = "EdDSA";
  header["kid"] = issuer.vm;
  return jose_sign(header, payload, issuer.key);
}

TEST(verify_verdicts, vc_jose_cose_token_with_typ_and_cty_verifies) {
  auto issuer = TestIssuer::did_key();
  auto r = verify_offline(jose_cose_token(issuer, {{"typ", "vc+jwt"}, {"cty", "vc"}}));
  EXPECT_TRUE(r.verified) << describe(r);
  EXPECT_EQ(r.format, "ob3-vc-jwt");
  EXPECT_EQ(status(r, "jwt.header"), CheckStatus::passed);
  EXPECT_EQ(status(r, "jwt.claims"), CheckStatus::passed);
}

struct HeaderCase {
  const char* typ;  // nullptr: absent
  const char* cty;
  bool accepted;
};

TEST(verify_verdicts, typ_and_cty_values_from_the_specs) {
  // Accepted: OB 3.0 §8.2.2 (typ JWT or absent, no other header) and VC-JOSE-COSE §3.1.1
  // (typ vc+jwt, cty vc); media types compare case-insensitively, "application/"
  // optional (RFC 7515 §4.1.9). Everything else is refused with jwt.header.
  const HeaderCase cases[] = {
      {nullptr, nullptr, true},
      {"JWT", nullptr, true},
      {"jwt", nullptr, true},
      {"vc+jwt", nullptr, true},
      {"vc+jwt", "vc", true},
      {nullptr, "vc", true},
      {"application/vc+jwt", "application/vc", true},
      {"VC+JWT", "VC", true},
      {"vc+ld+json+jwt", nullptr, false},  // superseded draft
      {"vp+jwt", nullptr, false},
      {"vc+sd-jwt", nullptr, false},
      {"text/plain", nullptr, false},
      {"JWT", "vc", false},                // OB 3.0 allows no cty
      {"vc+jwt", "vp", false},
      {"vc+jwt", "vc+ld+json", false},
      {nullptr, "json", false},
  };
  auto issuer = TestIssuer::did_key();
  // Claims valid under both profiles (OB 3.0 requires them).
  json::object claims{{"iss", issuer.id},
                      {"jti", "urn:uuid:2f1c1b2e-7d0c-4a57-9a59-4b1f3f0e8a11"},
                      {"sub", "did:example:holder-1"},
                      {"nbf", kValidFrom}};
  for (const auto& c : cases) {
    json::object header;
    if (c.typ) header["typ"] = c.typ;
    if (c.cty) header["cty"] = c.cty;
    auto r = verify_offline(jose_cose_token(issuer, header, claims));
    std::string what = std::string("typ=") + (c.typ ? c.typ : "-") + " cty=" + (c.cty ? c.cty : "-");
    if (c.accepted) {
      EXPECT_TRUE(r.verified) << what << "\n" << describe(r);
    } else {
      EXPECT_TRUE(refused_with(r, "jwt.header")) << what << "\n" << describe(r);
    }
  }
}

TEST(verify_verdicts, vc_jose_cose_exp_bounds_the_token) {
  // VC-JOSE-COSE: exp is the signature's expiry, not validUntil; jose refuses it once past.
  auto issuer = TestIssuer::did_key();
  auto live = verify_offline(
      jose_cose_token(issuer, {{"typ", "vc+jwt"}}, {{"iat", kValidFrom}, {"exp", kFuture}}));
  EXPECT_TRUE(live.verified) << describe(live);
  auto expired = verify_offline(
      jose_cose_token(issuer, {{"typ", "vc+jwt"}}, {{"iat", kValidFrom}, {"exp", kPast}}));
  EXPECT_TRUE(refused_with(expired, "validity.expired")) << describe(expired);
  auto early = verify_offline(jose_cose_token(issuer, {{"typ", "vc+jwt"}}, {{"nbf", kFuture}}));
  EXPECT_TRUE(refused_with(early, "validity.not_yet_valid")) << describe(early);
}

TEST(verify_verdicts, vc_jose_cose_refuses_vc_claim_and_conflicting_iss) {
  auto issuer = TestIssuer::did_key();
  json::object header{{"alg", "EdDSA"}, {"kid", issuer.vm}, {"typ", "vc+jwt"}};
  json::object payload{{"vc", make_badge(issuer.id)}, {"iss", issuer.id}};
  auto with_vc = verify_offline(jose_sign(header, payload, issuer.key));
  EXPECT_TRUE(refused_with(with_vc, "jwt.claims")) << describe(with_vc);
  auto other_iss = verify_offline(
      jose_cose_token(issuer, {{"typ", "vc+jwt"}}, {{"iss", "did:example:someone-else"}}));
  EXPECT_TRUE(refused_with(other_iss, "jwt.claims")) << describe(other_iss);
}

// --- 3. http(s) issuer, kid naming a key of its /.well-known/jwks.json --------------------

struct HttpIssuer {
  TestHttpServer server;
  Key key = Key::generate(KeyType::rsa2048).value();
  std::string id = server.url("/issuers/1");

  HttpIssuer() {
    json::object jwk = public_jwk(key);
    jwk["kid"] = "key-1";
    jwk["alg"] = "RS256";
    server.add("/.well-known/jwks.json",
               {200, "application/jwk-set+json",
                json::serialize(json::object{{"keys", json::array{jwk}}})});
  }
  std::string token(const std::string& kid) const {
    VcJwtSignOptions o;
    o.kid = kid;
    o.check_issuer = false;
    return sign_vc_jwt(make_badge(id), key, o).value();
  }
  VerificationResult verify(const std::string& jwt, bool allow_private) const {
    HttpFetcher http;
    VerifyOptions o;
    o.now = fixed_now();
    o.fetcher = &http;
    o.allow_private_network = allow_private;
    return verify_credential(VerifyInput{jwt, InputHint::automatic, "test"}, o);
  }
};

TEST(verify_verdicts, http_issuer_bare_kid_resolves_through_its_jwks) {
  HttpIssuer issuer;
  auto r = issuer.verify(issuer.token("key-1"), /*allow_private=*/true);
  EXPECT_TRUE(r.verified) << describe(r);
  EXPECT_EQ(status(r, "key.resolution"), CheckStatus::passed);
  EXPECT_EQ(status(r, "key.issuer_binding"), CheckStatus::passed);
  EXPECT_EQ(issuer.server.hits("/.well-known/jwks.json"), 1);  // one fetch per run
}

TEST(verify_verdicts, http_issuer_kid_needs_the_private_network_flag_on_loopback) {
  HttpIssuer issuer;
  auto r = issuer.verify(issuer.token("key-1"), /*allow_private=*/false);
  EXPECT_TRUE(refused_with(r, "key.resolution")) << describe(r);
  EXPECT_NE(find_check(r, "key.resolution")->message.find("fetch.private_address"),
            std::string::npos)
      << describe(r);
  EXPECT_EQ(issuer.server.hits("/.well-known/jwks.json"), 0);
}

TEST(verify_verdicts, http_issuer_unknown_kid_is_refused) {
  HttpIssuer issuer;
  auto r = issuer.verify(issuer.token("key-2"), /*allow_private=*/true);
  EXPECT_TRUE(refused_with(r, "key.resolution")) << describe(r);
}

TEST(verify_verdicts, http_issuer_kid_with_another_key_fails_the_signature) {
  HttpIssuer issuer;
  HttpIssuer other;  // its own "key-1", another key
  VcJwtSignOptions o;
  o.kid = "key-1";
  o.check_issuer = false;
  auto forged = sign_vc_jwt(make_badge(issuer.id), other.key, o).value();
  auto r = issuer.verify(forged, true);
  EXPECT_TRUE(refused_with(r, "proof.signature")) << describe(r);
}

// --- 4. NumericDates range-checked before conversion ----------------------------------------

class HostileNumericDate : public ::testing::TestWithParam<const char*> {};

TEST_P(HostileNumericDate, exp_is_a_clear_jwt_claims_failure) {
  auto issuer = TestIssuer::did_key();
  json::object cred = make_badge(issuer.id);
  // OB 3.0 form: the claims beside the credential members.
  std::string body = json::serialize(cred);
  body.pop_back();
  body += R"(,"iss":")" + issuer.id + R"(","jti":")" + std::string(cred.at("id").as_string()) +
          R"(","sub":"did:example:holder-1","nbf":)" + std::to_string(kValidFrom) +
          R"(,"exp":)" + GetParam() + "}";
  auto jwt = jose_sign(json::object{{"alg", "EdDSA"}, {"kid", issuer.vm}}, body, issuer.key);
  auto r = verify_offline(jwt);
  EXPECT_TRUE(refused_with(r, "jwt.claims")) << GetParam() << "\n" << describe(r);
  // The legacy form converts nbf/exp into dates: the same refusal, no cast.
  auto legacy = verify_offline(legacy_token(issuer, GetParam()));
  EXPECT_TRUE(refused_with(legacy, "jwt.claims")) << GetParam() << "\n" << describe(legacy);
}

TEST_P(HostileNumericDate, nbf_and_iat_are_clear_jwt_claims_failures) {
  auto issuer = TestIssuer::did_key();
  for (const char* claim : {"nbf", "iat"}) {
    json::object cred = make_badge(issuer.id);
    std::string body = json::serialize(cred);
    body.pop_back();
    body += std::string(R"(,")") + claim + R"(":)" + GetParam() + "}";
    auto jwt = jose_sign(json::object{{"alg", "EdDSA"}, {"kid", issuer.vm}, {"typ", "vc+jwt"}},
                         body, issuer.key);
    auto r = verify_offline(jwt);
    EXPECT_TRUE(refused_with(r, "jwt.claims")) << claim << "=" << GetParam() << "\n" << describe(r);
  }
}

INSTANTIATE_TEST_SUITE_P(verify_verdicts, HostileNumericDate,
                         ::testing::Values("1e300", "-1e300", "1.7976931348623157e308",
                                           "18446744073709551615", "9223372036854775807",
                                           "-9223372036854775808", "253402300800", "-62135596801",
                                           "\"NaN\"", "\"1700000000\"", "null", "true"));

// --- 6. the report of design §3 ------------------------------------------------------------

TEST(verify_verdicts, input_that_is_not_a_credential_has_format_unknown) {
  for (std::string_view text : {std::string_view("bonjour"), std::string_view(R"({"a":1})"),
                                std::string_view("[1,2]"), std::string_view("")}) {
    auto r = verify_offline(text);
    EXPECT_FALSE(r.verified);
    EXPECT_EQ(r.format, "unknown") << text;
    EXPECT_EQ(json::value_to<std::string>(to_json(r).at("format")), "unknown");
  }
}

TEST(verify_verdicts, absent_valid_until_is_absent_from_the_report) {
  auto issuer = TestIssuer::did_key();
  auto r = verify_offline(sign(make_badge(issuer.id), issuer));
  ASSERT_TRUE(r.verified) << describe(r);
  const json::value report = to_json(r);
  const json::object& cred = report.at("credential").as_object();
  EXPECT_FALSE(cred.contains("validUntil")) << json::serialize(cred);
  EXPECT_EQ(cred.at("validFrom"), json::value("2024-01-01T00:00:00Z"));
  json::object with_until = make_badge(issuer.id);
  with_until["validUntil"] = "2030-01-01T00:00:00Z";
  auto r2 = verify_offline(sign(with_until, issuer));
  EXPECT_EQ(to_json(r2).at("credential").at("validUntil"), json::value("2030-01-01T00:00:00Z"));
}

TEST(verify_verdicts, unreachable_hosted_ob2_assertion_is_hosted_fetch) {
  TestHttpServer server;  // answers 404 to the assertion
  std::string id = server.url("/assertions/1");
  json::object assertion{{"@context", "https://w3id.org/openbadges/v2"},
                         {"type", "Assertion"},
                         {"id", id},
                         {"recipient", json::object{{"type", "email"}, {"hashed", false},
                                                    {"identity", "ana@example.org"}}},
                         {"badge", server.url("/badges/1")},
                         {"verification", json::object{{"type", "HostedBadge"}}},
                         {"issuedOn", "2024-01-01T00:00:00Z"}};
  HttpFetcher http;
  VerifyOptions o;
  o.now = fixed_now();
  o.fetcher = &http;
  o.allow_private_network = true;
  auto r = verify_credential(VerifyInput{json::serialize(assertion), InputHint::automatic, ""}, o);
  EXPECT_TRUE(refused_with(r, "hosted.fetch")) << describe(r);
  EXPECT_EQ(r.format, "ob2-hosted");
  // The same document given by its URL.
  auto by_url = verify_credential(VerifyInput{id, InputHint::url, ""}, o);
  EXPECT_TRUE(refused_with(by_url, "hosted.fetch")) << describe(by_url);
  EXPECT_EQ(by_url.source, "url");
}

}  // namespace
}  // namespace ecusson::verify
