#include "ecusson/proofs/vc_jwt.h"

#include <chrono>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <boost/json.hpp>

#include "ecusson/common/base64url.h"
#include "ecusson/common/datetime.h"
#include "ecusson/crypto/did.h"
#include "ecusson/crypto/jwk.h"
#include "test_support.h"

namespace ecusson::proofs {

using credentials::Check;
using credentials::CheckStatus;
using credentials::VerificationResult;
using crypto::Key;
using crypto::KeyResolver;
using crypto::KeyType;
using crypto::LocalKeyResolver;
using crypto::did_key;
using crypto::did_key_verification_method;
using crypto::jwk_thumbprint;
using crypto::public_jwk;
namespace {

namespace json = boost::json;

constexpr std::int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z

Key make(KeyType t) { return std::move(Key::generate(t).value()); }

json::object credential(std::string issuer) {
  return json::object{
      {"@context", json::array{"https://www.w3.org/ns/credentials/v2",
                               "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}},
      {"id", "urn:uuid:2f9a1c1e-8a4b-4c77-9a0e-6d1e5b2c3f40"},
      {"type", json::array{"VerifiableCredential", "OpenBadgeCredential"}},
      {"issuer", json::object{{"id", issuer}, {"type", json::array{"Profile"}}, {"name", "Mission Locale"}}},
      {"validFrom", "2025-06-01T08:00:00Z"},
      {"validUntil", "2030-06-01T08:00:00Z"},
      {"name", "Travailler en équipe"},
      {"credentialSubject",
       json::object{{"id", "did:example:recipient"},
                    {"type", json::array{"AchievementSubject"}},
                    {"achievement", json::object{{"id", "https://competences.example.fr/a/1"},
                                                 {"type", json::array{"Achievement"}},
                                                 {"name", "Travailler en équipe — niveau 2"},
                                                 {"description", "d"},
                                                 {"criteria", json::object{{"narrative", "n"}}}}}}}};
}

std::string b64(std::string_view s) { return base64url_encode(s); }

// A JWS with exactly the header and payload given, signed by `key`.
std::string sign_raw(std::string_view header, std::string_view payload, const Key& key) {
  std::string input = b64(header) + "." + b64(payload);
  return input + "." + b64(key.sign(input).value());
}

std::string payload_of(std::string_view compact) {
  auto p1 = compact.find('.'), p2 = compact.rfind('.');
  return base64url_decode(compact.substr(p1 + 1, p2 - p1 - 1)).value();
}

// A NumericDate as the verifier's instant.
std::chrono::sys_seconds instant(std::int64_t t) { return std::chrono::sys_seconds{std::chrono::seconds{t}}; }

JwtVerifyOptions at_now() {
  JwtVerifyOptions o;
  o.now = instant(kNow);
  return o;
}

VerificationResult verify(std::string_view jwt, KeyResolver& resolver,
                          const JwtVerifyOptions& o = at_now(), json::value* out = nullptr) {
  VerificationResult r;
  verify_vc_jwt(jwt, resolver, o, r, out);
  r.finish();
  return r;
}

const Check* find(const VerificationResult& r, std::string_view code) {
  for (const auto& c : r.checks)
    if (c.code == code) return &c;
  return nullptr;
}

::testing::AssertionResult refused_with(const VerificationResult& r, std::string_view code) {
  if (r.verified) return ::testing::AssertionFailure() << "verified, expected failure " << code;
  const Check* c = find(r, code);
  if (c == nullptr || c->status != CheckStatus::failed) {
    std::string got;
    for (const auto& e : r.errors()) got += e + " ";
    return ::testing::AssertionFailure() << "expected failed " << code << ", errors: " << got;
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult accepted(const VerificationResult& r) {
  if (r.verified) return ::testing::AssertionSuccess();
  std::string got;
  for (const auto& c : r.checks)
    if (c.status == CheckStatus::failed) got += c.code + ": " + c.message + "\n";
  return ::testing::AssertionFailure() << got;
}

struct DidKeyIssuer {
  Key key;
  std::string did, vm;
  explicit DidKeyIssuer(KeyType t = KeyType::ed25519)
      : key(make(t)), did(did_key(key).value()), vm(did_key_verification_method(key).value()) {}
};

TEST(vc_jwt, did_key_issuer_signs_and_verifies_eddsa_and_es256) {
  for (KeyType t : {KeyType::ed25519, KeyType::p256}) {
    DidKeyIssuer issuer(t);
    auto jwt = sign_vc_jwt(credential(issuer.did), issuer.key, {.kid = issuer.vm});
    ASSERT_OK(jwt);
    LocalKeyResolver resolver;
    json::value out;
    auto r = verify(*jwt, resolver, at_now(), &out);
    EXPECT_TRUE(accepted(r)) << to_string(t);
    EXPECT_EQ(r.format, "ob3-vc-jwt");
    EXPECT_EQ(r.credential.issuer_id, issuer.did);
    EXPECT_EQ(r.credential.issuer_name, "Mission Locale");
    EXPECT_EQ(r.credential.achievement_name, "Travailler en équipe — niveau 2");
    EXPECT_EQ(r.credential.subject_id, "did:example:recipient");
    // The credential handed back carries no JWT claims.
    ASSERT_TRUE(out.is_object());
    EXPECT_FALSE(out.as_object().contains("iss"));
    EXPECT_FALSE(out.as_object().contains("nbf"));
    EXPECT_EQ(out.as_object()["name"], json::value("Travailler en équipe"));
  }
}

TEST(vc_jwt, claims_equal_the_credential_fields) {
  DidKeyIssuer issuer;
  auto jwt = sign_vc_jwt(credential(issuer.did), issuer.key, {.kid = issuer.vm});
  ASSERT_OK(jwt);
  json::object p = json::parse(payload_of(*jwt)).as_object();
  EXPECT_EQ(p["iss"], json::value(issuer.did));
  EXPECT_EQ(p["jti"], json::value("urn:uuid:2f9a1c1e-8a4b-4c77-9a0e-6d1e5b2c3f40"));
  EXPECT_EQ(p["sub"], json::value("did:example:recipient"));
  EXPECT_EQ(p["nbf"], json::value(1748764800));   // 2025-06-01T08:00:00Z
  EXPECT_EQ(p["exp"], json::value(1906531200));   // 2030-06-01T08:00:00Z
  EXPECT_EQ(p["validFrom"], json::value("2025-06-01T08:00:00Z"));  // credential is the payload
  auto h = json::parse(base64url_decode(jwt->substr(0, jwt->find('.'))).value()).as_object();
  EXPECT_EQ(h.size(), 3u);
  EXPECT_EQ(h["alg"], json::value("EdDSA"));
  EXPECT_EQ(h["kid"], json::value(issuer.vm));
  EXPECT_EQ(h["typ"], json::value("JWT"));
}

TEST(vc_jwt, rs256_https_issuer_with_published_key) {
  Key key = make(KeyType::rsa2048);
  LocalKeyResolver resolver;
  resolver.add("https://badges.example.fr/keys/1", "https://badges.example.fr/issuer", key);
  auto jwt = sign_vc_jwt(credential("https://badges.example.fr/issuer"), key,
                         {.kid = "https://badges.example.fr/keys/1"});
  ASSERT_OK(jwt);
  EXPECT_TRUE(accepted(verify(*jwt, resolver)));
}

TEST(vc_jwt, embedded_jwk_verifies_when_the_issuer_publishes_it) {
  Key key = make(KeyType::p256);
  LocalKeyResolver resolver;
  resolver.add("https://badges.example.fr/.well-known/jwks.json#" + jwk_thumbprint(key),
               "https://badges.example.fr", key);
  auto jwt = sign_vc_jwt(credential("https://badges.example.fr"), key);
  ASSERT_OK(jwt);
  EXPECT_TRUE(accepted(verify(*jwt, resolver)));
}

TEST(vc_jwt, refuses_embedded_jwk_the_issuer_does_not_publish) {
  Key key = make(KeyType::p256);
  Key published = make(KeyType::p256);
  LocalKeyResolver resolver;
  resolver.add("https://badges.example.fr/k", "https://badges.example.fr", published);
  auto jwt = sign_vc_jwt(credential("https://badges.example.fr"), key);
  ASSERT_OK(jwt);
  auto r = verify(*jwt, resolver);
  EXPECT_TRUE(refused_with(r, "key.issuer_binding"));
  EXPECT_EQ(find(r, "proof.signature")->status, CheckStatus::passed);
}

TEST(vc_jwt, refuses_a_did_key_that_is_not_the_issuers) {
  DidKeyIssuer issuer, attacker;
  // Self-consistent token by the attacker's key, claiming the issuer's DID.
  json::object payload = credential(issuer.did);
  payload["iss"] = issuer.did;
  payload["jti"] = payload["id"];
  payload["sub"] = "did:example:recipient";
  payload["nbf"] = 1748764800;
  payload["exp"] = 1906531200;
  std::string header = R"({"alg":"EdDSA","kid":")" + attacker.vm + R"("})";
  std::string jwt = sign_raw(header, json::serialize(payload), attacker.key);
  LocalKeyResolver resolver;
  auto r = verify(jwt, resolver);
  EXPECT_TRUE(refused_with(r, "key.issuer_binding"));
  EXPECT_EQ(find(r, "proof.signature")->status, CheckStatus::passed);
}

TEST(vc_jwt, refuses_tampered_payload) {
  DidKeyIssuer issuer;
  auto jwt = sign_vc_jwt(credential(issuer.did), issuer.key, {.kid = issuer.vm});
  ASSERT_OK(jwt);
  json::object p = json::parse(payload_of(*jwt)).as_object();
  p["name"] = "Diplôme d'ingénieur";
  std::string forged = jwt->substr(0, jwt->find('.') + 1) + b64(json::serialize(p)) +
                       jwt->substr(jwt->rfind('.'));
  LocalKeyResolver resolver;
  EXPECT_TRUE(refused_with(verify(forged, resolver), "proof.signature"));
}

TEST(vc_jwt, refuses_signature_by_another_key_under_the_issuers_kid) {
  DidKeyIssuer issuer, other;
  auto jwt = sign_vc_jwt(credential(issuer.did), other.key, {.kid = issuer.vm, .check_issuer = false});
  ASSERT_OK(jwt);
  LocalKeyResolver resolver;
  EXPECT_TRUE(refused_with(verify(*jwt, resolver), "proof.signature"));
}

TEST(vc_jwt, refuses_alg_none) {
  DidKeyIssuer issuer;
  auto jwt = sign_vc_jwt(credential(issuer.did), issuer.key, {.kid = issuer.vm});
  ASSERT_OK(jwt);
  std::string none = b64(R"({"alg":"none","kid":")" + issuer.vm + R"("})") + "." +
                     b64(payload_of(*jwt)) + ".";
  LocalKeyResolver resolver;
  EXPECT_TRUE(refused_with(verify(none, resolver), "jwt.header"));
  std::string none_sig = none + "AAAA";
  EXPECT_TRUE(refused_with(verify(none_sig, resolver), "jwt.header"));
}

TEST(vc_jwt, refuses_hs256_signed_with_the_public_key_as_secret) {
  // The classic key-confusion attack: HMAC keyed with the issuer's public key (PEM or JWK).
  Key key = make(KeyType::rsa2048);
  LocalKeyResolver resolver;
  resolver.add("https://badges.example.fr/keys/1", "https://badges.example.fr", key);
  auto jwt = sign_vc_jwt(credential("https://badges.example.fr"), key,
                         {.kid = "https://badges.example.fr/keys/1"});
  ASSERT_OK(jwt);
  std::string input = b64(R"({"alg":"HS256","kid":"https://badges.example.fr/keys/1"})") + "." +
                      b64(payload_of(*jwt));
  std::string secret = key.public_pem();
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &len);
  std::string forged = input + "." + b64(std::string_view(reinterpret_cast<char*>(mac), len));
  EXPECT_TRUE(refused_with(verify(forged, resolver), "jwt.header"));
}

TEST(vc_jwt, refuses_alg_that_does_not_fit_the_key) {
  DidKeyIssuer issuer;  // Ed25519
  auto jwt = sign_vc_jwt(credential(issuer.did), issuer.key, {.kid = issuer.vm});
  ASSERT_OK(jwt);
  std::string rest = jwt->substr(jwt->find('.'));
  std::string swapped = b64(R"({"alg":"ES256","kid":")" + issuer.vm + R"("})") + rest;
  LocalKeyResolver resolver;
  EXPECT_TRUE(refused_with(verify(swapped, resolver), "jwt.header"));
}

TEST(vc_jwt, refuses_jwk_holding_private_key) {
  DidKeyIssuer issuer;
  json::object jwk = public_jwk(issuer.key);
  jwk["d"] = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
  auto signed_ok = sign_vc_jwt(credential(issuer.did), issuer.key, {.kid = issuer.vm});
  ASSERT_OK(signed_ok);
  std::string jwt = sign_raw(R"({"alg":"EdDSA","jwk":)" + json::serialize(jwk) + "}",
                             payload_of(*signed_ok), issuer.key);
  LocalKeyResolver resolver;
  EXPECT_TRUE(refused_with(verify(jwt, resolver), "jwt.header"));
}

TEST(vc_jwt, refuses_extra_header_parameters) {
  DidKeyIssuer issuer;
  auto ok = sign_vc_jwt(credential(issuer.did), issuer.key, {.kid = issuer.vm});
  ASSERT_OK(ok);
  // (cty is allowed since issue 9: VC-JOSE-COSE §3.1.1; see verify_verdicts_test.cc.)
  for (std::string extra : {R"("x5u":"https://evil.example/c.pem")", R"("crit":["exp"])",
                            R"("jku":"https://evil.example/jwks.json")"}) {
    std::string jwt = sign_raw(R"({"alg":"EdDSA","kid":")" + issuer.vm + R"(",)" + extra + "}",
                               payload_of(*ok), issuer.key);
    LocalKeyResolver resolver;
    EXPECT_TRUE(refused_with(verify(jwt, resolver), "jwt.header")) << extra;
  }
}

TEST(vc_jwt, refuses_typ_other_than_jwt) {
  DidKeyIssuer issuer;
  auto ok = sign_vc_jwt(credential(issuer.did), issuer.key, {.kid = issuer.vm});
  ASSERT_OK(ok);
  std::string jwt = sign_raw(R"({"alg":"EdDSA","kid":")" + issuer.vm + R"(","typ":"vc+ld+json"})",
                             payload_of(*ok), issuer.key);
  LocalKeyResolver resolver;
  EXPECT_TRUE(refused_with(verify(jwt, resolver), "jwt.header"));
}

TEST(vc_jwt, refuses_header_without_kid_or_jwk) {
  DidKeyIssuer issuer;
  auto ok = sign_vc_jwt(credential(issuer.did), issuer.key, {.kid = issuer.vm});
  ASSERT_OK(ok);
  std::string jwt = sign_raw(R"({"alg":"EdDSA"})", payload_of(*ok), issuer.key);
  LocalKeyResolver resolver;
  EXPECT_TRUE(refused_with(verify(jwt, resolver), "jwt.header"));
}

TEST(vc_jwt, unresolvable_kid_is_a_key_resolution_failure) {
  Key key = make(KeyType::ed25519);
  auto jwt = sign_vc_jwt(credential("did:web:badges.example.fr"), key,
                         {.kid = "did:web:badges.example.fr#key-1"});
  ASSERT_OK(jwt);
  LocalKeyResolver resolver;  // knows nothing about did:web
  auto r = verify(*jwt, resolver);
  EXPECT_TRUE(refused_with(r, "key.resolution"));
  EXPECT_EQ(find(r, "proof.signature")->status, CheckStatus::skipped);
}

TEST(vc_jwt, did_web_issuer_through_the_resolver) {
  Key key = make(KeyType::ed25519);
  LocalKeyResolver resolver;
  resolver.add("did:web:badges.example.fr#key-1", "did:web:badges.example.fr", key);
  auto jwt = sign_vc_jwt(credential("did:web:badges.example.fr"), key,
                         {.kid = "did:web:badges.example.fr#key-1"});
  ASSERT_OK(jwt);
  EXPECT_TRUE(accepted(verify(*jwt, resolver)));
}

// Re-signs the issuer's payload after `edit`, so only the claim check can catch it.
std::string resigned(const DidKeyIssuer& issuer, const std::function<void(json::object&)>& edit) {
  auto ok = sign_vc_jwt(credential(issuer.did), issuer.key, {.kid = issuer.vm});
  json::object p = json::parse(payload_of(ok.value())).as_object();
  edit(p);
  return sign_raw(R"({"alg":"EdDSA","kid":")" + issuer.vm + R"(","typ":"JWT"})",
                  json::serialize(p), issuer.key);
}

TEST(vc_jwt, refuses_wrong_iss) {
  DidKeyIssuer issuer;
  LocalKeyResolver resolver;
  auto r = verify(resigned(issuer, [](json::object& p) { p["iss"] = "did:web:autre.example"; }), resolver);
  EXPECT_TRUE(refused_with(r, "jwt.claims"));
}

TEST(vc_jwt, refuses_wrong_jti) {
  DidKeyIssuer issuer;
  LocalKeyResolver resolver;
  EXPECT_TRUE(refused_with(verify(resigned(issuer, [](json::object& p) { p["jti"] = "urn:uuid:x"; }), resolver),
                           "jwt.claims"));
}

TEST(vc_jwt, refuses_wrong_sub) {
  DidKeyIssuer issuer;
  LocalKeyResolver resolver;
  EXPECT_TRUE(refused_with(verify(resigned(issuer, [](json::object& p) { p["sub"] = "did:example:other"; }), resolver),
                           "jwt.claims"));
}

TEST(vc_jwt, refuses_nbf_not_matching_valid_from) {
  DidKeyIssuer issuer;
  LocalKeyResolver resolver;
  EXPECT_TRUE(refused_with(verify(resigned(issuer, [](json::object& p) { p["nbf"] = 1748764801; }), resolver),
                           "jwt.claims"));
}

TEST(vc_jwt, refuses_missing_exp_when_valid_until_is_set) {
  DidKeyIssuer issuer;
  LocalKeyResolver resolver;
  EXPECT_TRUE(refused_with(verify(resigned(issuer, [](json::object& p) { p.erase("exp"); }), resolver),
                           "jwt.claims"));
}

// exp is the JWT form of validUntil (OB 3.0 §8.2.6: it sets validUntil): an exp the
// credential does not carry is never dropped; past, the token is expired (as jose says).
TEST(vc_jwt, exp_without_valid_until_bounds_the_validity) {
  DidKeyIssuer issuer;
  LocalKeyResolver resolver;
  auto jwt = resigned(issuer, [](json::object& p) {
    p.erase("validUntil");
    p["exp"] = kNow - 86400;  // expired yesterday
  });
  auto r = verify(jwt, resolver);
  EXPECT_TRUE(refused_with(r, "validity.expired"));
  EXPECT_EQ(r.credential.valid_until, format_datetime(kNow - 86400));
  auto live = resigned(issuer, [](json::object& p) {
    p.erase("validUntil");
    p["exp"] = kNow + 86400;
  });
  EXPECT_TRUE(verify(live, resolver).verified);
}

TEST(vc_jwt, refuses_missing_iss) {
  DidKeyIssuer issuer;
  LocalKeyResolver resolver;
  EXPECT_TRUE(refused_with(verify(resigned(issuer, [](json::object& p) { p.erase("iss"); }), resolver),
                           "jwt.claims"));
}

TEST(vc_jwt, refuses_expired_badge) {
  DidKeyIssuer issuer;
  auto jwt = sign_vc_jwt(credential(issuer.did), issuer.key, {.kid = issuer.vm});
  ASSERT_OK(jwt);
  LocalKeyResolver resolver;
  JwtVerifyOptions later = at_now();
  later.now = instant(1906531200 + 301);
  EXPECT_TRUE(refused_with(verify(*jwt, resolver, later), "validity.expired"));
  later.now = instant(1906531200 + 299);  // within the clock skew
  EXPECT_TRUE(accepted(verify(*jwt, resolver, later)));
}

TEST(vc_jwt, refuses_not_yet_valid_badge) {
  DidKeyIssuer issuer;
  auto jwt = sign_vc_jwt(credential(issuer.did), issuer.key, {.kid = issuer.vm});
  ASSERT_OK(jwt);
  LocalKeyResolver resolver;
  JwtVerifyOptions early = at_now();
  early.now = instant(1748764800 - 3600);
  EXPECT_TRUE(refused_with(verify(*jwt, resolver, early), "validity.not_yet_valid"));
}

TEST(vc_jwt, accepts_legacy_vc_claim) {
  DidKeyIssuer issuer;
  json::object vc = credential(issuer.did);
  vc.erase("id");
  vc.erase("validFrom");
  vc.erase("validUntil");
  vc["issuer"] = issuer.did;
  json::object payload{{"iss", issuer.did}, {"jti", "urn:uuid:legacy-1"}, {"sub", "did:example:recipient"},
                       {"nbf", 1748764800}, {"vc", vc}};
  std::string jwt = sign_raw(R"({"alg":"EdDSA","kid":")" + issuer.vm + R"("})",
                             json::serialize(payload), issuer.key);
  LocalKeyResolver resolver;
  json::value out;
  auto r = verify(jwt, resolver, at_now(), &out);
  EXPECT_TRUE(accepted(r));
  EXPECT_EQ(r.credential.id, "urn:uuid:legacy-1");
  EXPECT_EQ(r.credential.valid_from, "2025-06-01T08:00:00Z");
  // nbf fills the start under the name of the credential's data model (VC 2.0: validFrom).
  EXPECT_EQ(out.as_object()["validFrom"], json::value("2025-06-01T08:00:00Z"));
  EXPECT_FALSE(out.as_object().contains("issuanceDate"));
}

TEST(vc_jwt, legacy_vc_claim_with_conflicting_issuer_is_refused) {
  DidKeyIssuer issuer;
  json::object vc = credential("did:web:autre.example");
  json::object payload{{"iss", issuer.did}, {"jti", vc["id"]}, {"sub", "did:example:recipient"},
                       {"nbf", 1748764800}, {"exp", 1906531200}, {"vc", vc}};
  std::string jwt = sign_raw(R"({"alg":"EdDSA","kid":")" + issuer.vm + R"("})",
                             json::serialize(payload), issuer.key);
  LocalKeyResolver resolver;
  EXPECT_FALSE(verify(jwt, resolver).verified);
}

TEST(vc_jwt, subject_without_id_omits_sub_and_verifies) {
  DidKeyIssuer issuer;
  json::object c = credential(issuer.did);
  c["credentialSubject"].as_object().erase("id");
  c["credentialSubject"].as_object()["identifier"] = json::array{json::object{
      {"type", "IdentityObject"}, {"hashed", true}, {"identityType", "emailAddress"},
      {"identityHash", "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399"},
      {"salt", "Kosher"}}};
  auto jwt = sign_vc_jwt(c, issuer.key, {.kid = issuer.vm});
  ASSERT_OK(jwt);
  EXPECT_FALSE(json::parse(payload_of(*jwt)).as_object().contains("sub"));
  LocalKeyResolver resolver;
  EXPECT_TRUE(accepted(verify(*jwt, resolver)));
}

TEST(vc_jwt, refuses_duplicate_keys_in_payload) {
  DidKeyIssuer issuer;
  auto ok = sign_vc_jwt(credential(issuer.did), issuer.key, {.kid = issuer.vm});
  ASSERT_OK(ok);
  std::string p = payload_of(*ok);
  p.insert(1, R"("name":"Autre nom",)");
  std::string jwt = sign_raw(R"({"alg":"EdDSA","kid":")" + issuer.vm + R"("})", p, issuer.key);
  LocalKeyResolver resolver;
  EXPECT_TRUE(refused_with(verify(jwt, resolver), "jwt.claims"));
}

TEST(vc_jwt, refuses_payload_that_is_not_json) {
  DidKeyIssuer issuer;
  std::string jwt = sign_raw(R"({"alg":"EdDSA","kid":")" + issuer.vm + R"("})", "hello", issuer.key);
  LocalKeyResolver resolver;
  EXPECT_TRUE(refused_with(verify(jwt, resolver), "jwt.claims"));
}

TEST(vc_jwt, refuses_garbage) {
  LocalKeyResolver resolver;
  for (const char* bad : {"", "not a jwt", "a.b.c", "eyJ.eyJ.", "{\"a\":1}"}) {
    SCOPED_TRACE(bad);
    EXPECT_TRUE(refused_with(verify(bad, resolver), "jwt.header"));
  }
}

TEST(vc_jwt, signing_refuses_an_issuer_that_is_not_the_key) {
  DidKeyIssuer issuer, other;
  EXPECT_ERROR(sign_vc_jwt(credential(issuer.did), other.key, {.kid = other.vm}),
               "sign.issuer_mismatch");
  EXPECT_ERROR(sign_vc_jwt(credential(issuer.did), other.key), "sign.issuer_mismatch");
}

TEST(vc_jwt, signing_refuses_conflicting_claim_members) {
  DidKeyIssuer issuer;
  json::object c = credential(issuer.did);
  c["iss"] = "did:web:autre.example";
  EXPECT_ERROR(sign_vc_jwt(c, issuer.key, {.kid = issuer.vm}), "vc_jwt.claim_conflict");
}

TEST(vc_jwt, signing_needs_id_issuer_and_valid_from) {
  DidKeyIssuer issuer;
  for (const char* field : {"id", "issuer", "validFrom"}) {
    SCOPED_TRACE(field);
    json::object c = credential(issuer.did);
    c.erase(field);
    EXPECT_ERROR(sign_vc_jwt(c, issuer.key, {.kid = issuer.vm}), "vc_jwt.credential");
  }
  EXPECT_ERROR(sign_vc_jwt(std::string_view("[1]"), issuer.key), "vc_jwt.credential");
}

TEST(vc_jwt, sniffs_compact_jws) {
  EXPECT_TRUE(looks_like_compact_jws("eyJhbGciOiJFZERTQSJ9.e30.AAAA\n"));
  EXPECT_FALSE(looks_like_compact_jws("{\"a\":1}"));
  EXPECT_FALSE(looks_like_compact_jws("eyJ.a"));
}

}  // namespace
}  // namespace ecusson::proofs
