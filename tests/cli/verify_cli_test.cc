// End-to-end: `ecusson verify` — report, check codes and exit codes of design §3.
#include <filesystem>

#include <boost/json.hpp>

#include "ecusson/crypto/did.h"
#include "ecusson/crypto/jwk.h"
#include "ecusson/crypto/key.h"
#include "ecusson/proofs/vc_jwt.h"
#include "jose_token.h"
#include "run_ecusson.h"
#include "test_http_server.h"
#include "test_support.h"

namespace ecusson::test {
namespace {

namespace json = boost::json;

// A did:key issuer (made with `ecusson keys generate`) and badges signed with `ecusson sign`.
struct Issuer {
  TempDir dir;
  std::string key, did;
  Issuer() {
    key = (dir.path() / "k.pem").string();
    EXPECT_EQ(run_ecusson("keys generate --type ed25519 -o '" + key + "'").exit_code, 0);
    did = std::string(json::parse(run_ecusson("keys show '" + key + "' --json").out)
                          .as_object()["didKey"].as_string());
  }
  // Signs a badge valid from 2025-01-01 (until `until` if not empty); returns the .jwt path.
  std::string badge(const std::string& name, const std::string& until = {}) {
    json::object c{
        {"@context", json::array{"https://www.w3.org/ns/credentials/v2",
                                 "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}},
        {"id", "urn:uuid:6a0c1d1e-8d0b-4f7e-9c1a-2b3c4d5e6f70"},
        {"type", json::array{"VerifiableCredential", "OpenBadgeCredential"}},
        {"issuer", json::object{{"id", did}, {"type", json::array{"Profile"}}, {"name", "Mission Locale Test"}}},
        {"validFrom", "2025-01-01T00:00:00Z"},
        {"name", "Badge"},
        {"credentialSubject",
         json::object{{"id", "did:example:alice"},
                      {"type", json::array{"AchievementSubject"}},
                      {"achievement", json::object{{"id", "https://example.fr/a/1"},
                                                   {"type", json::array{"Achievement"}},
                                                   {"name", "Travailler en équipe"},
                                                   {"description", "d"},
                                                   {"criteria", json::object{{"narrative", "n"}}}}}}}};
    if (!until.empty()) c["validUntil"] = until;
    auto in = dir.path() / (name + ".json");
    std::ofstream(in) << json::serialize(c);
    auto out = (dir.path() / (name + ".jwt")).string();
    auto r = run_ecusson("sign '" + in.string() + "' --key '" + key + "' --proof vc-jwt -o '" + out + "'");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return out;
  }
};

json::object report(const RunResult& r) {
  auto v = json::parse(r.out);
  return v.as_object();
}

bool has_error(const json::object& rep, std::string_view code) {
  for (const auto& e : rep.at("errors").as_array())
    if (e.as_string() == code) return true;
  return false;
}

TEST(cli_verify, verified_badge_exits_0_with_french_report) {
  Issuer i;
  auto r = run_ecusson("verify '" + i.badge("b") + "' --at 2025-06-01T00:00:00Z");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("✓ Badge vérifié"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Mission Locale Test"), std::string::npos);
  EXPECT_NE(r.out.find("Travailler en équipe"), std::string::npos);
  EXPECT_NE(r.out.find("✓ proof.signature"), std::string::npos);
}

TEST(cli_verify, json_report_has_design_shape) {
  Issuer i;
  auto r = run_ecusson("verify --json '" + i.badge("b") + "' --at 2025-06-01");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  auto rep = report(r);
  EXPECT_EQ(rep.at("verified"), json::value(true));
  EXPECT_EQ(rep.at("format"), json::value("ob3-vc-jwt"));
  EXPECT_EQ(rep.at("source"), json::value("jws"));
  EXPECT_EQ(rep.at("credential").at("issuer").at("id"), json::value(i.did));
  EXPECT_EQ(rep.at("credential").at("validFrom"), json::value("2025-01-01T00:00:00Z"));
  EXPECT_TRUE(rep.at("errors").as_array().empty());
  for (const auto& c : rep.at("checks").as_array()) {
    EXPECT_TRUE(c.as_object().contains("code"));
    std::string st(c.at("status").as_string());
    EXPECT_TRUE(st == "passed" || st == "skipped" || st == "warning") << json::serialize(c);
  }
}

TEST(cli_verify, expired_badge_exits_1_and_at_changes_the_verdict) {
  Issuer i;
  auto path = i.badge("e", "2025-03-01T00:00:00Z");
  auto late = run_ecusson("verify --json '" + path + "' --at 2025-06-01T00:00:00Z");
  EXPECT_EQ(late.exit_code, 1);
  EXPECT_TRUE(has_error(report(late), "validity.expired"));
  auto early = run_ecusson("verify --json '" + path + "' --at 2025-02-01T00:00:00Z");
  EXPECT_EQ(early.exit_code, 0) << early.out;
}

TEST(cli_verify, english_messages_with_lang_en) {
  Issuer i;
  auto r = run_ecusson("--lang en verify '" + i.badge("b") + "' --at 2025-06-01T00:00:00Z");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Badge verified"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Checks:"), std::string::npos);
}

TEST(cli_verify, recipient_mismatch_exits_1) {
  Issuer i;
  auto r = run_ecusson("verify --json '" + i.badge("b") + "' --recipient paul@example.org");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has_error(report(r), "recipient.mismatch"));
}

TEST(cli_verify, reads_stdin) {
  Issuer i;
  auto r = run_ecusson("verify --json - --at 2025-06-01", i.badge("b"));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(cli_verify, missing_file_exits_2) {
  auto r = run_ecusson("verify /nonexistent/badge.png");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/badge.png"), std::string::npos);
}

TEST(cli_verify, bad_at_exits_2) {
  Issuer i;
  EXPECT_EQ(run_ecusson("verify '" + i.badge("b") + "' --at demain").exit_code, 2);
}

TEST(cli_verify, non_credential_input_exits_1) {
  TempDir d;
  auto p = d.path() / "x.json";
  std::ofstream(p) << R"({"bonjour":"le monde"})";
  auto r = run_ecusson("verify --json '" + p.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has_error(report(r), "structure.format")) << r.out;
}

TEST(cli_verify, file_of_200_mb_is_refused_before_reading) {
  TempDir d;
  auto p = d.path() / "huge.png";
  { std::ofstream(p) << "\x89PNG"; }
  std::filesystem::resize_file(p, 200ull << 20);  // sparse: nothing to read anyway
  auto r = run_ecusson("verify --json '" + p.string() + "'");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(has_error(report(r), "input.too_large")) << r.out;
}

TEST(cli_verify, url_needs_flag_for_local_server) {
  Issuer i;
  TestHttpServer server;
  server.add("/b.jwt", {200, "text/plain", read_file(i.badge("b"))});
  auto refused = run_ecusson("verify --json '" + server.url("/b.jwt") + "'");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(has_error(report(refused), "hosted.fetch"));
  EXPECT_EQ(server.hits("/b.jwt"), 0);
  auto ok = run_ecusson("verify --json --allow-private-network '" + server.url("/b.jwt") +
                        "' --at 2025-06-01");
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
  EXPECT_EQ(report(ok).at("source"), json::value("url"));
}

TEST(cli_verify, baked_fixture_is_reported_with_reasons) {
  auto png = conformance_dir() / "ob3/validator-fixtures/ob30/simple-jwt.png";
  auto r = run_ecusson("verify --json '" + png.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  auto rep = report(r);
  EXPECT_EQ(rep.at("source"), json::value("png"));
  EXPECT_EQ(rep.at("format"), json::value("ob3-vc-jwt"));
}

// --- Issue 9 verdicts through `ecusson verify` (tokens as jose makes them) -----------------

// A did:key issuer in-process, writing tokens to files.
struct JoseIssuer {
  TempDir dir;
  crypto::Key key = crypto::Key::generate(crypto::KeyType::ed25519).value();
  std::string did = crypto::did_key(key).value();
  std::string vm = crypto::did_key_verification_method(key).value();

  json::object credential() const {
    return json::object{
        {"@context", json::array{"https://www.w3.org/ns/credentials/v2",
                                 "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}},
        {"id", "urn:uuid:6a0c1d1e-8d0b-4f7e-9c1a-2b3c4d5e6f70"},
        {"type", json::array{"VerifiableCredential", "OpenBadgeCredential"}},
        {"issuer", json::object{{"id", did}, {"type", json::array{"Profile"}}, {"name", "Mission Locale Test"}}},
        {"validFrom", "2025-01-01T00:00:00Z"},
        {"name", "Badge"},
        {"credentialSubject",
         json::object{{"id", "did:example:alice"},
                      {"type", json::array{"AchievementSubject"}},
                      {"achievement", json::object{{"id", "https://example.fr/a/1"},
                                                   {"type", json::array{"Achievement"}},
                                                   {"name", "Travailler en équipe"},
                                                   {"description", "d"},
                                                   {"criteria", json::object{{"narrative", "n"}}}}}}}};
  }
  std::string write(const std::string& name, const std::string& token) {
    auto p = (dir.path() / name).string();
    std::ofstream(p) << token << "\n";
    return p;
  }
};

TEST(cli_verify, legacy_vc_claim_past_exp_is_expired_not_verified) {
  JoseIssuer i;
  json::object cred = i.credential();
  cred.erase("validFrom");
  json::object payload{{"iss", i.did}, {"jti", cred.at("id")}, {"sub", "did:example:alice"},
                       {"nbf", 1735689600},  // 2025-01-01
                       {"exp", 1740787200},  // 2025-03-01
                       {"vc", cred}};
  auto file = i.write("legacy.jwt", jose_sign(json::object{{"alg", "EdDSA"}, {"kid", i.vm}, {"typ", "JWT"}},
                                              payload, i.key));
  auto human = run_ecusson("verify '" + file + "' --at 2025-06-01");
  EXPECT_EQ(human.exit_code, 1) << human.out;
  EXPECT_EQ(human.out.find("Badge vérifié"), std::string::npos) << human.out;
  EXPECT_EQ(human.out.find("Pas de date d'expiration"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("✗ validity.expired"), std::string::npos) << human.out;
  auto r = run_ecusson("verify --json '" + file + "' --at 2025-06-01");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has_error(report(r), "validity.expired")) << r.out;
  EXPECT_EQ(report(r).at("credential").at("validUntil"), json::value("2025-03-01T00:00:00Z"));
  // Before that exp, the same token verifies.
  EXPECT_EQ(run_ecusson("verify '" + file + "' --at 2025-02-01").exit_code, 0);
}

TEST(cli_verify, vc_jose_cose_token_with_typ_and_cty_verifies) {
  JoseIssuer i;
  auto file = i.write("vc.jwt", jose_sign(json::object{{"alg", "EdDSA"}, {"kid", i.vm},
                                                       {"typ", "vc+jwt"}, {"cty", "vc"}},
                                          i.credential(), i.key));
  auto r = run_ecusson("verify --json '" + file + "' --at 2025-06-01");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(report(r).at("format"), json::value("ob3-vc-jwt"));
  auto refused = run_ecusson(
      "verify --json '" +
      i.write("vp.jwt", jose_sign(json::object{{"alg", "EdDSA"}, {"kid", i.vm}, {"typ", "vc+jwt"},
                                               {"cty", "vp"}},
                                  i.credential(), i.key)) +
      "' --at 2025-06-01");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(has_error(report(refused), "jwt.header")) << refused.out;
}

TEST(cli_verify, http_issuer_kid_resolves_through_well_known_jwks) {
  TestHttpServer server;
  auto key = crypto::Key::generate(crypto::KeyType::rsa2048).value();
  json::object jwk = crypto::public_jwk(key);
  jwk["kid"] = "key-1";
  server.add("/.well-known/jwks.json",
             {200, "application/jwk-set+json", json::serialize(json::object{{"keys", json::array{jwk}}})});
  JoseIssuer i;
  json::object cred = i.credential();
  cred["issuer"].as_object()["id"] = server.url("/issuer");
  proofs::VcJwtSignOptions o;
  o.kid = "key-1";
  o.check_issuer = false;
  auto file = i.write("rs.jwt", proofs::sign_vc_jwt(cred, key, o).value());
  auto ok = run_ecusson("verify --json --allow-private-network '" + file + "' --at 2025-06-01");
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
  EXPECT_EQ(server.hits("/.well-known/jwks.json"), 1);
  auto refused = run_ecusson("verify --json '" + file + "' --at 2025-06-01");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(has_error(report(refused), "key.resolution")) << refused.out;
  EXPECT_EQ(server.hits("/.well-known/jwks.json"), 1);  // loopback refused without the flag
}

TEST(cli_verify, huge_numeric_exp_is_a_jwt_claims_failure) {
  JoseIssuer i;
  for (std::string exp : {"1e300", "-1e300", "18446744073709551615", "\"NaN\""}) {
    std::string body = json::serialize(i.credential());
    body.pop_back();
    body += R"(,"iss":")" + i.did + R"(","jti":"urn:uuid:6a0c1d1e-8d0b-4f7e-9c1a-2b3c4d5e6f70",)" +
            R"("sub":"did:example:alice","nbf":1735689600,"exp":)" + exp + "}";
    auto file = i.write("n.jwt", jose_sign(json::object{{"alg", "EdDSA"}, {"kid", i.vm}}, body, i.key));
    auto r = run_ecusson("verify --json '" + file + "' --at 2025-06-01");
    EXPECT_EQ(r.exit_code, 1) << exp << r.out << r.err;
    EXPECT_TRUE(has_error(report(r), "jwt.claims")) << exp << r.out;
  }
}

TEST(cli_verify, report_fields_of_design_section_3) {
  Issuer i;
  auto ok = run_ecusson("verify --json '" + i.badge("b") + "' --at 2025-06-01");
  ASSERT_EQ(ok.exit_code, 0) << ok.out;
  EXPECT_FALSE(report(ok).at("credential").as_object().contains("validUntil")) << ok.out;
  TempDir d;
  auto text = d.path() / "note.txt";
  std::ofstream(text) << "ceci n'est pas un badge\n";
  auto r = run_ecusson("verify --json '" + text.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(report(r).at("format"), json::value("unknown")) << r.out;
}

}  // namespace
}  // namespace ecusson::test
