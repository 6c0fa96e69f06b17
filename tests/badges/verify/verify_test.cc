#include "ecusson/verify/verify.h"

#include "ecusson/crypto/jwk.h"
#include "ecusson/credentials/ob3_identity.h"
#include "ecusson/baking/png_baking.h"
#include "ecusson/baking/svg_baking.h"
#include "test_http_server.h"
#include "verify_test_util.h"

namespace ecusson::verify {

using baking::BadgeVersion;
using baking::bake_png;
using baking::bake_svg;
using credentials::Check;
using credentials::CheckStatus;
using credentials::VerificationResult;
using credentials::encode_bitstring;
using credentials::make_email_identity;
using crypto::Key;
using crypto::KeyResolver;
using crypto::KeyType;
using crypto::PublishedKey;
using crypto::VerificationMethodFormat;
using crypto::did_document;
using crypto::public_jwk;
using net::Fetcher;
using net::HttpFetcher;
using net::HttpFetcherOptions;
namespace {

using namespace testing;
using test::TestHttpServer;
namespace json = boost::json;

VerifyOptions offline_options(Fetcher& f) {
  VerifyOptions o;
  o.now = fixed_now();
  o.fetcher = &f;
  return o;
}

VerificationResult verify_text(std::string_view text, const VerifyOptions& o) {
  return verify_credential(VerifyInput{text, InputHint::automatic, "test"}, o);
}

CheckStatus status_of(const VerificationResult& r, std::string_view code) {
  const Check* c = find_check(r, code);
  EXPECT_NE(c, nullptr) << "no check " << code << "\n" << describe(r);
  return c ? c->status : CheckStatus::skipped;
}

// Index of the first check whose code starts with `prefix` (or size when absent).
std::size_t first_index(const VerificationResult& r, std::string_view prefix) {
  for (std::size_t i = 0; i < r.checks.size(); ++i)
    if (r.checks[i].code.starts_with(prefix)) return i;
  return r.checks.size();
}

// --- The happy path and the order of checks ---------------------------------------------

TEST(verify, accepts_vc_jwt_signed_by_did_key_issuer) {
  auto issuer = TestIssuer::did_key();
  auto jwt = sign(make_badge(issuer.id), issuer);
  OfflineFetcher net;
  auto r = verify_text(jwt, offline_options(net));
  EXPECT_TRUE(r.verified) << describe(r);
  EXPECT_EQ(r.format, "ob3-vc-jwt");
  EXPECT_EQ(r.source, "jws");
  EXPECT_EQ(r.credential.issuer_id, issuer.id);
  EXPECT_EQ(r.credential.issuer_name, "Ecusson Test");
  EXPECT_EQ(r.credential.achievement_name, "Communiquer à l'oral");
  EXPECT_EQ(status_of(r, "proof.signature"), CheckStatus::passed);
  EXPECT_EQ(status_of(r, "key.issuer_binding"), CheckStatus::passed);
  EXPECT_TRUE(net.urls.empty());  // did:key needs no network
  for (const auto& c : r.checks) EXPECT_FALSE(c.message.empty()) << c.code;
  for (const auto& c : r.checks) EXPECT_FALSE(c.message_en.empty()) << c.code;
}

TEST(verify, runs_checks_in_fixed_order) {
  auto issuer = TestIssuer::did_key();
  auto jwt = sign(make_badge(issuer.id), issuer);
  OfflineFetcher net;
  auto o = offline_options(net);
  o.recipient = "ana@example.org";
  auto r = verify_text(jwt, o);
  std::size_t structure = first_index(r, "structure."), proof = first_index(r, "proof."),
              binding = first_index(r, "key.issuer_binding"),
              validity = first_index(r, "validity."), status = first_index(r, "status."),
              recipient = first_index(r, "recipient.");
  EXPECT_LT(structure, proof);
  EXPECT_LT(proof, binding);
  EXPECT_LT(binding, validity);
  EXPECT_LT(validity, status);
  EXPECT_LT(status, recipient);
  EXPECT_LT(recipient, r.checks.size()) << describe(r);
}

TEST(verify, refuses_tampered_vc_jwt_payload) {
  auto issuer = TestIssuer::did_key();
  auto jwt = sign(make_badge(issuer.id), issuer);
  auto other = make_badge(issuer.id);
  other["name"] = "Badge falsifié";
  auto forged = sign(other, issuer);
  // Header and signature of the first token, payload of the second.
  std::string mixed = jwt.substr(0, jwt.find('.')) + forged.substr(forged.find('.'), forged.rfind('.') - forged.find('.')) +
                      jwt.substr(jwt.rfind('.'));
  OfflineFetcher net;
  auto r = verify_text(mixed, offline_options(net));
  EXPECT_FALSE(r.verified);
  EXPECT_EQ(status_of(r, "proof.signature"), CheckStatus::failed) << describe(r);
}

TEST(verify, refuses_vc_jwt_signed_by_key_of_another_issuer) {
  auto issuer = TestIssuer::did_key();
  auto intruder = TestIssuer::did_key();
  // The intruder signs a badge claiming to come from `issuer`.
  auto jwt = sign(make_badge(issuer.id), intruder, /*check_issuer=*/false);
  OfflineFetcher net;
  auto r = verify_text(jwt, offline_options(net));
  EXPECT_FALSE(r.verified);
  EXPECT_EQ(status_of(r, "key.issuer_binding"), CheckStatus::failed) << describe(r);
}

// --- Validity --------------------------------------------------------------------------

TEST(verify, refuses_badge_not_yet_valid) {
  auto issuer = TestIssuer::did_key();
  auto badge = make_badge(issuer.id);
  badge["validFrom"] = "2030-01-01T00:00:00Z";
  OfflineFetcher net;
  auto r = verify_text(sign(badge, issuer), offline_options(net));
  EXPECT_FALSE(r.verified);
  EXPECT_EQ(status_of(r, "validity.not_yet_valid"), CheckStatus::failed);
}

TEST(verify, refuses_expired_badge_and_honours_at) {
  auto issuer = TestIssuer::did_key();
  auto badge = make_badge(issuer.id);
  badge["validUntil"] = "2025-01-01T00:00:00Z";
  auto jwt = sign(badge, issuer);
  OfflineFetcher net;
  auto o = offline_options(net);
  auto r = verify_text(jwt, o);
  EXPECT_EQ(status_of(r, "validity.expired"), CheckStatus::failed);
  EXPECT_FALSE(r.verified);
  o.now = std::chrono::sys_days{std::chrono::year{2024} / 6 / 1};
  auto earlier = verify_text(jwt, o);
  EXPECT_TRUE(earlier.verified) << describe(earlier);
}

TEST(verify, allows_clock_skew_on_valid_from) {
  auto issuer = TestIssuer::did_key();
  auto badge = make_badge(issuer.id);
  badge["validFrom"] = "2025-06-01T00:02:00Z";  // two minutes after "now"
  OfflineFetcher net;
  auto o = offline_options(net);
  auto r = verify_text(sign(badge, issuer), o);
  EXPECT_EQ(status_of(r, "validity.not_yet_valid"), CheckStatus::passed) << describe(r);
  o.max_clock_skew = std::chrono::seconds(60);
  auto strict = verify_text(sign(badge, issuer), o);
  EXPECT_EQ(status_of(strict, "validity.not_yet_valid"), CheckStatus::failed);
}

// --- Recipient -------------------------------------------------------------------------

TEST(verify, matches_hashed_email_recipient) {
  auto issuer = TestIssuer::did_key();
  auto badge = make_badge(issuer.id);
  auto& subject = badge["credentialSubject"].as_object();
  subject.erase("id");
  subject["identifier"] = json::array{make_email_identity("Ana.Martin@example.org", "s3l")};
  auto jwt = sign(badge, issuer);
  OfflineFetcher net;
  auto o = offline_options(net);
  o.recipient = "ana.martin@example.org";
  auto r = verify_text(jwt, o);
  EXPECT_TRUE(r.verified) << describe(r);
  EXPECT_EQ(status_of(r, "recipient.mismatch"), CheckStatus::passed);
  o.recipient = "paul@example.org";
  auto other = verify_text(jwt, o);
  EXPECT_FALSE(other.verified);
  EXPECT_EQ(status_of(other, "recipient.mismatch"), CheckStatus::failed);
}

TEST(verify, recipient_without_email_identity_is_mismatch) {
  auto issuer = TestIssuer::did_key();
  OfflineFetcher net;
  auto o = offline_options(net);
  o.recipient = "ana@example.org";
  auto r = verify_text(sign(make_badge(issuer.id), issuer), o);
  EXPECT_EQ(status_of(r, "recipient.mismatch"), CheckStatus::failed);
}

// --- Embedded proofs ---------------------------------------------------------------------

TEST(verify, embedded_proof_uses_the_built_in_data_integrity_verifier) {
  auto text = test::read_file(test::conformance_dir() /
                              "ob3/validator-fixtures/ob30/simple.json");
  OfflineFetcher net;
  auto r = verify_text(text, offline_options(net));
  EXPECT_FALSE(r.verified);
  EXPECT_EQ(r.format, "ob3-data-integrity");
  // The issuer's https key cannot be fetched offline: the signature is not accepted.
  EXPECT_EQ(status_of(r, "key.resolution"), CheckStatus::failed);
  EXPECT_NE(status_of(r, "proof.signature"), CheckStatus::passed);
}

TEST(verify, embedded_proof_goes_through_the_seam) {
  auto text = test::read_file(test::conformance_dir() /
                              "ob3/validator-fixtures/ob30/simple.json");
  OfflineFetcher net;
  auto o = offline_options(net);
  int calls = 0;
  o.embedded_proof_verifier = [&](const json::object& cred, KeyResolver&, const VerifyOptions&,
                                  VerificationResult& r) {
    ++calls;
    EXPECT_TRUE(cred.contains("proof"));
    r.add("proof.signature", CheckStatus::passed, "signature valide (test)", "valid (test)");
  };
  auto r = verify_text(text, o);
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(r.verified) << describe(r);
  // A seam that reports nothing must not let the badge through.
  o.embedded_proof_verifier = [](const json::object&, KeyResolver&, const VerifyOptions&,
                                 VerificationResult&) {};
  auto silent = verify_text(text, o);
  EXPECT_FALSE(silent.verified);
  EXPECT_EQ(status_of(silent, "proof.signature"), CheckStatus::failed);
}

TEST(verify, credential_without_proof_is_refused) {
  auto issuer = TestIssuer::did_key();
  OfflineFetcher net;
  auto r = verify_text(json::serialize(make_badge(issuer.id)), offline_options(net));
  EXPECT_FALSE(r.verified);
  EXPECT_EQ(status_of(r, "proof.missing"), CheckStatus::failed);
}

// --- Structure -------------------------------------------------------------------------

TEST(verify, refuses_wrong_context_order_and_type) {
  auto issuer = TestIssuer::did_key();
  auto badge = make_badge(issuer.id);
  badge["@context"] = json::array{"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                                  "https://www.w3.org/ns/credentials/v2"};
  badge["type"] = json::array{"VerifiableCredential", "OtherCredential"};
  OfflineFetcher net;
  auto r = verify_text(sign(badge, issuer), offline_options(net));
  EXPECT_FALSE(r.verified);
  EXPECT_EQ(status_of(r, "structure.context"), CheckStatus::failed);
  EXPECT_EQ(status_of(r, "structure.type"), CheckStatus::failed);
}

TEST(verify, accepts_single_values_where_arrays_are_allowed) {
  auto issuer = TestIssuer::did_key();
  auto badge = make_badge(issuer.id);
  badge["type"] = json::array{"VerifiableCredential", "AchievementCredential"};
  badge["credentialSubject"].as_object()["type"] = "AchievementSubject";
  badge["issuer"].as_object()["type"] = "Profile";
  OfflineFetcher net;
  auto r = verify_text(sign(badge, issuer), offline_options(net));
  EXPECT_TRUE(r.verified) << describe(r);
}

// --- Baked images and URLs ----------------------------------------------------------------

TEST(verify, verifies_baked_png_and_svg) {
  auto issuer = TestIssuer::did_key();
  auto jwt = sign(make_badge(issuer.id), issuer);
  auto dir = test::conformance_dir() / "ob3/validator-fixtures/ob30";
  auto png = bake_png(test::read_file(dir / "simple-json.png"), jwt, BadgeVersion::ob3);
  auto svg = bake_svg(test::read_file(dir / "simple-json.svg"), jwt, BadgeVersion::ob3);
  ASSERT_OK(png);
  ASSERT_OK(svg);
  OfflineFetcher net;
  auto rp = verify_text(*png, offline_options(net));
  EXPECT_TRUE(rp.verified) << describe(rp);
  EXPECT_EQ(rp.source, "png");
  auto rs = verify_text(*svg, offline_options(net));
  EXPECT_TRUE(rs.verified) << describe(rs);
  EXPECT_EQ(rs.source, "svg");
}

TEST(verify, fetches_badge_from_url_with_private_network_flag) {
  auto issuer = TestIssuer::did_key();
  TestHttpServer server;
  server.add("/badge.jwt", {200, "text/plain", sign(make_badge(issuer.id), issuer)});
  HttpFetcher http;
  VerifyOptions o;
  o.now = fixed_now();
  o.fetcher = &http;
  o.allow_private_network = true;
  auto r = verify_credential(VerifyInput{server.url("/badge.jwt"), InputHint::url, ""}, o);
  EXPECT_TRUE(r.verified) << describe(r);
  EXPECT_EQ(r.source, "url");
  o.allow_private_network = false;
  auto refused = verify_credential(VerifyInput{server.url("/badge.jwt"), InputHint::url, ""}, o);
  EXPECT_FALSE(refused.verified);
  EXPECT_EQ(status_of(refused, "hosted.fetch"), CheckStatus::failed);
  EXPECT_NE(find_check(refused, "hosted.fetch")->evidence.find("fetch.private_address"),
            std::string::npos);
}

// --- Keys over the network ---------------------------------------------------------------

TEST(verify, resolves_http_issuer_keys_from_well_known_jwks) {
  TestHttpServer server;
  auto issuer = TestIssuer::did_key();
  issuer.id = server.url("/issuers/1");
  issuer.vm = server.url("/issuers/1#key-1");
  json::object jwk = public_jwk(issuer.key);
  jwk["kid"] = issuer.vm;
  server.add("/.well-known/jwks.json",
             {200, "application/jwk-set+json", json::serialize(json::object{{"keys", json::array{jwk}}})});
  auto jwt = sign(make_badge(issuer.id), issuer, /*check_issuer=*/false);
  HttpFetcher http;
  VerifyOptions o;
  o.now = fixed_now();
  o.fetcher = &http;
  o.allow_private_network = true;
  auto r = verify_text(jwt, o);
  EXPECT_TRUE(r.verified) << describe(r);
  EXPECT_EQ(server.hits("/.well-known/jwks.json"), 1);  // cached within the run
  EXPECT_EQ(server.last_request("/.well-known/jwks.json").header("accept").find("jwk-set"), 12u);
  // The same key missing from the set: the issuer does not vouch for it.
  server.add("/.well-known/jwks.json", {200, "application/json", R"({"keys":[]})"});
  auto unbound = verify_text(jwt, o);
  EXPECT_FALSE(unbound.verified) << describe(unbound);
}

TEST(verify, refuses_private_issuer_host_without_flag) {
  TestHttpServer server;
  auto issuer = TestIssuer::did_key();
  issuer.id = server.url("/issuers/1");
  issuer.vm = server.url("/issuers/1#key-1");
  json::object jwk = public_jwk(issuer.key);
  jwk["kid"] = issuer.vm;
  server.add("/.well-known/jwks.json",
             {200, "application/json", json::serialize(json::object{{"keys", json::array{jwk}}})});
  HttpFetcher http;
  VerifyOptions o;
  o.now = fixed_now();
  o.fetcher = &http;
  auto r = verify_text(sign(make_badge(issuer.id), issuer, false), o);
  EXPECT_FALSE(r.verified);
  EXPECT_EQ(server.hits("/.well-known/jwks.json"), 0);
}

TEST(verify, resolves_did_web_issuer_over_https) {
  auto id = TestHttpServer::make_self_signed({"localhost"}, {});
  TestHttpServer server(id);
  test::TempDir dir;
  auto ca = (dir.path() / "ca.pem").string();
  std::ofstream(ca) << id.cert_pem;
  auto key = Key::generate(KeyType::ed25519).value();
  std::string did = "did:web:localhost%3A" + std::to_string(server.port()) + ":issuers:7";
  PublishedKey pk{"key-1", &key, VerificationMethodFormat::multikey};
  server.add("/issuers/7/did.json", {200, "application/did+json", json::serialize(did_document(did, {pk}))});
  TestIssuer issuer;
  issuer.key = std::move(key);
  issuer.id = did;
  issuer.vm = did + "#key-1";
  auto jwt = sign(make_badge(issuer.id), issuer);
  HttpFetcher https(HttpFetcherOptions{ca});
  VerifyOptions o;
  o.now = fixed_now();
  o.fetcher = &https;
  o.allow_private_network = true;
  auto r = verify_text(jwt, o);
  EXPECT_TRUE(r.verified) << describe(r);
  EXPECT_EQ(server.hits("/issuers/7/did.json"), 1);
}

// --- Status ----------------------------------------------------------------------------

struct StatusSetup {
  TestHttpServer server;
  TestIssuer issuer = TestIssuer::did_key();
  HttpFetcher http;
  VerifyOptions options;
  StatusSetup() {
    options.now = fixed_now();
    options.fetcher = &http;
    options.allow_private_network = true;
  }
  std::string badge_with_status(const json::object& entry) {
    auto badge = make_badge(issuer.id);
    badge["credentialStatus"] = entry;
    return sign(badge, issuer);
  }
  void publish_list(const std::string& path, const std::string& purpose,
                    const std::vector<std::uint64_t>& set, const TestIssuer& signer) {
    auto list = make_status_list(signer.id, server.url(path), purpose, set);
    server.add(path, {200, "application/vc+jwt", sign(list, signer)});
  }
};

TEST(verify, bitstring_status_clear_bit_is_not_revoked) {
  StatusSetup s;
  s.publish_list("/status/1", "revocation", {3, 99}, s.issuer);
  auto r = verify_text(s.badge_with_status(status_entry(s.server.url("/status/1"), 42)), s.options);
  EXPECT_TRUE(r.verified) << describe(r);
  EXPECT_EQ(status_of(r, "status.revoked"), CheckStatus::passed);
}

TEST(verify, bitstring_status_set_bit_is_revoked) {
  StatusSetup s;
  s.publish_list("/status/1", "revocation", {42}, s.issuer);
  auto r = verify_text(s.badge_with_status(status_entry(s.server.url("/status/1"), 42)), s.options);
  EXPECT_FALSE(r.verified);
  EXPECT_EQ(status_of(r, "status.revoked"), CheckStatus::failed) << describe(r);
}

TEST(verify, bitstring_suspension_is_reported_as_suspended) {
  StatusSetup s;
  s.publish_list("/status/s", "suspension", {7}, s.issuer);
  auto r = verify_text(s.badge_with_status(status_entry(s.server.url("/status/s"), 7, "suspension")),
                       s.options);
  EXPECT_FALSE(r.verified);
  EXPECT_EQ(status_of(r, "status.suspended"), CheckStatus::failed) << describe(r);
}

TEST(verify, unreachable_status_list_is_never_not_revoked) {
  StatusSetup s;  // nothing published: 404
  auto r = verify_text(s.badge_with_status(status_entry(s.server.url("/status/missing"), 1)), s.options);
  EXPECT_FALSE(r.verified);
  EXPECT_EQ(status_of(r, "status.unreachable"), CheckStatus::failed);
  EXPECT_EQ(find_check(r, "status.revoked"), nullptr) << describe(r);
}

TEST(verify, status_list_signed_by_another_issuer_is_not_trusted) {
  StatusSetup s;
  auto other = TestIssuer::did_key();
  s.publish_list("/status/1", "revocation", {}, other);
  auto r = verify_text(s.badge_with_status(status_entry(s.server.url("/status/1"), 5)), s.options);
  EXPECT_FALSE(r.verified);
  EXPECT_EQ(status_of(r, "status.unreachable"), CheckStatus::failed) << describe(r);
}

TEST(verify, status_list_with_bad_signature_is_not_trusted) {
  StatusSetup s;
  auto list = make_status_list(s.issuer.id, s.server.url("/status/1"), "revocation", {});
  std::string jwt = sign(list, s.issuer);
  jwt.back() = jwt.back() == 'A' ? 'B' : 'A';  // break the signature
  s.server.add("/status/1", {200, "application/vc+jwt", jwt});
  auto r = verify_text(s.badge_with_status(status_entry(s.server.url("/status/1"), 5)), s.options);
  EXPECT_FALSE(r.verified);
  EXPECT_EQ(status_of(r, "status.unreachable"), CheckStatus::failed) << describe(r);
}

TEST(verify, status_purpose_mismatch_is_unreachable) {
  StatusSetup s;
  s.publish_list("/status/1", "suspension", {}, s.issuer);
  auto r = verify_text(s.badge_with_status(status_entry(s.server.url("/status/1"), 5, "revocation")),
                       s.options);
  EXPECT_FALSE(r.verified);
  EXPECT_EQ(status_of(r, "status.unreachable"), CheckStatus::failed);
}

TEST(verify, status_list_zlib_bomb_is_refused) {
  StatusSetup s;
  // 64 MB of zeros gzip to ~64 KB; the inflated cap is lowered to 1 MB for the test.
  std::string zeros(64u << 20, '\0');
  std::string encoded = encode_bitstring(zeros);
  zeros.clear();
  zeros.shrink_to_fit();
  auto list = make_status_list(s.issuer.id, s.server.url("/status/bomb"), "revocation", {});
  list["credentialSubject"].as_object()["encodedList"] = encoded;
  s.server.add("/status/bomb", {200, "application/vc+jwt", sign(list, s.issuer)});
  s.options.bitstring.max_decoded_bytes = 1u << 20;
  auto r = verify_text(s.badge_with_status(status_entry(s.server.url("/status/bomb"), 5)), s.options);
  EXPECT_FALSE(r.verified);
  const Check* c = find_check(r, "status.unreachable");
  ASSERT_NE(c, nullptr) << describe(r);
  EXPECT_NE(c->evidence.find("status.too_large"), std::string::npos) << c->evidence;
}

TEST(verify, onedtech_revocation_list_is_consulted) {
  StatusSetup s;
  auto badge = make_badge(s.issuer.id);
  std::string id = std::string(badge["id"].as_string());
  badge["credentialStatus"] = json::object{{"id", s.server.url("/revocations")},
                                           {"type", "1EdTechRevocationList"}};
  auto jwt = sign(badge, s.issuer);
  s.server.add("/revocations", {200, "application/json", R"({"revokedCredential":[]})"});
  auto ok = verify_text(jwt, s.options);
  EXPECT_TRUE(ok.verified) << describe(ok);
  s.server.add("/revocations", {200, "application/json",
                                R"({"revokedCredential":[{"id":")" + id + R"(","revocationReason":"x"}]})"});
  auto revoked = verify_text(jwt, s.options);
  EXPECT_FALSE(revoked.verified);
  EXPECT_EQ(status_of(revoked, "status.revoked"), CheckStatus::failed);
}

TEST(verify, unknown_status_type_is_refused) {
  StatusSetup s;
  auto r = verify_text(s.badge_with_status(json::object{{"id", "urn:x"}, {"type", "MyStatus2099"}}),
                       s.options);
  EXPECT_FALSE(r.verified);
  EXPECT_EQ(status_of(r, "status.unsupported"), CheckStatus::failed);
}

// --- Hostile input (one test per case) ----------------------------------------------------

TEST(verify_hostile, invalid_base64url_jws) {
  OfflineFetcher net;
  auto r = verify_text("eyJhbGciOiJFZERTQSJ9.A.c2ln", offline_options(net));
  EXPECT_FALSE(r.verified);
  ASSERT_FALSE(r.checks.empty());
  EXPECT_EQ(r.checks.front().status, CheckStatus::failed);
  EXPECT_EQ(r.checks.front().code, "jwt.claims") << describe(r);
}

TEST(verify_hostile, json_nested_100000_deep) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "{\"a\":";
  deep += "1";
  deep += std::string(100000, '}');
  OfflineFetcher net;
  auto r = verify_text(deep, offline_options(net));
  EXPECT_FALSE(r.verified);
  ASSERT_EQ(r.checks.size(), 1u) << describe(r);
  EXPECT_EQ(r.checks.front().code, "structure.format");
  EXPECT_NE(r.checks.front().evidence.find("json.too_deep"), std::string::npos);
}

TEST(verify_hostile, one_megabyte_strings) {
  auto issuer = TestIssuer::did_key();
  auto badge = make_badge(issuer.id);
  badge["description"] = std::string(1u << 20, 'x');
  badge["issuer"].as_object()["name"] = std::string(1u << 20, 'y');
  OfflineFetcher net;
  // Signed: still verifies (long strings are legal), and the report carries the name.
  auto r = verify_text(sign(badge, issuer), offline_options(net));
  EXPECT_TRUE(r.verified) << r.checks.size();
  EXPECT_EQ(r.credential.issuer_name.size(), 1u << 20);
  // A 1 MB id that is no URI is refused as such.
  badge["id"] = std::string(1u << 20, 'z');
  auto bad = verify_text(json::serialize(badge), offline_options(net));
  EXPECT_EQ(status_of(bad, "structure.id"), CheckStatus::failed);
}

TEST(verify_hostile, duplicate_keys) {
  auto issuer = TestIssuer::did_key();
  std::string text = json::serialize(make_badge(issuer.id));
  // A second "issuer" member: ambiguous, refused before anything else.
  text.insert(1, R"("issuer":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",)");
  OfflineFetcher net;
  auto r = verify_text(text, offline_options(net));
  EXPECT_FALSE(r.verified);
  ASSERT_FALSE(r.checks.empty());
  EXPECT_EQ(r.checks.front().code, "structure.format");
  EXPECT_NE(r.checks.front().evidence.find("json.duplicate_key"), std::string::npos) << describe(r);
}

TEST(verify_hostile, input_above_size_cap_is_refused_unparsed) {
  OfflineFetcher net;
  auto o = offline_options(net);
  o.max_input_bytes = 1u << 20;
  std::string big(2u << 20, '{');
  auto r = verify_text(big, o);
  ASSERT_EQ(r.checks.size(), 1u);
  EXPECT_EQ(r.checks.front().code, "input.too_large");
}

TEST(verify_hostile, non_credential_json) {
  OfflineFetcher net;
  auto r = verify_text(R"({"hello":"world","list":[1,2,3]})", offline_options(net));
  EXPECT_FALSE(r.verified);
  ASSERT_EQ(r.checks.size(), 1u);
  EXPECT_EQ(r.checks.front().code, "structure.format");
  auto text = verify_text("bonjour, ceci n'est pas un badge", offline_options(net));
  EXPECT_EQ(text.checks.front().code, "structure.format");
}

}  // namespace
}  // namespace ecusson::verify

namespace ecusson::verify {
namespace {

TEST(verify, hands_open_badges_2_input_to_the_ob2_verifier) {
  auto text = test::read_file(test::conformance_dir() /
                              "ob2/validator-fixtures/ob20/basic-assertion-expired.json");
  testing::OfflineFetcher net;
  VerifyOptions o;
  o.now = testing::fixed_now();
  o.fetcher = &net;
  auto r = verify_credential(VerifyInput{text, InputHint::automatic, ""}, o);
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(r.format.starts_with("ob2-")) << r.format;
  EXPECT_EQ(r.source, "json");
  EXPECT_FALSE(net.urls.empty());  // hosted: the assertion is re-fetched from its id
}

}  // namespace
}  // namespace ecusson::verify
