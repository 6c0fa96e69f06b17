// End-to-end: `ecusson sign … --proof vc-jwt`.
#include <boost/json.hpp>

#include "run_ecusson.h"
#include "test_support.h"

namespace ecusson::test {
namespace {

namespace json = boost::json;

std::string b64url_decode(std::string s) {
  for (auto& c : s) c = c == '-' ? '+' : c == '_' ? '/' : c;
  while (s.size() % 4) s += '=';
  static const std::string kChars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int val = 0, bits = -8;
  for (char c : s) {
    if (c == '=') break;
    val = (val << 6) + static_cast<int>(kChars.find(c));
    bits += 6;
    if (bits >= 0) {
      out.push_back(static_cast<char>((val >> bits) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

struct Fixture {
  TempDir dir;
  std::string key, did, vm;

  explicit Fixture(const std::string& type = "ed25519") {
    key = (dir.path() / "k.pem").string();
    EXPECT_EQ(run_ecusson("keys generate --type " + type + " -o '" + key + "'").exit_code, 0);
    auto show = run_ecusson("keys show '" + key + "' --json");
    json::object o = json::parse(show.out).as_object();
    if (o["didKey"].is_string()) {
      did = std::string(o["didKey"].as_string());
      vm = std::string(o["verificationMethod"].as_string());
    }
  }

  std::string write_credential(const std::string& issuer) {
    json::object c{
        {"@context", json::array{"https://www.w3.org/ns/credentials/v2",
                                 "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}},
        {"id", "urn:uuid:0b3f7a9e-52a4-4d7c-8b2f-1c9d2e3f4a5b"},
        {"type", json::array{"VerifiableCredential", "OpenBadgeCredential"}},
        {"issuer", json::object{{"id", issuer}, {"type", json::array{"Profile"}}, {"name", "Mission Locale"}}},
        {"validFrom", "2025-06-01T08:00:00Z"},
        {"name", "Badge"},
        {"credentialSubject",
         json::object{{"id", "did:example:alice"},
                      {"type", json::array{"AchievementSubject"}},
                      {"achievement", json::object{{"id", "https://example.fr/a/1"},
                                                   {"type", json::array{"Achievement"}},
                                                   {"name", "A"},
                                                   {"description", "d"},
                                                   {"criteria", json::object{{"narrative", "n"}}}}}}}};
    auto path = dir.path() / "unsigned.json";
    std::ofstream(path) << json::serialize(c);
    return path.string();
  }
};

TEST(cli_sign, vc_jwt_for_a_did_key_issuer) {
  Fixture f;
  std::string in = f.write_credential(f.did);
  std::string out = (f.dir.path() / "signed.jwt").string();
  auto r = run_ecusson("sign '" + in + "' --key '" + f.key + "' --proof vc-jwt -o '" + out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string jwt = read_file(out);
  ASSERT_FALSE(jwt.empty());
  EXPECT_EQ(jwt.back(), '\n');
  jwt.pop_back();
  auto p1 = jwt.find('.'), p2 = jwt.rfind('.');
  json::object header = json::parse(b64url_decode(jwt.substr(0, p1))).as_object();
  EXPECT_EQ(header["alg"], json::value("EdDSA"));
  EXPECT_EQ(header["kid"], json::value(f.vm));
  json::object payload = json::parse(b64url_decode(jwt.substr(p1 + 1, p2 - p1 - 1))).as_object();
  EXPECT_EQ(payload["iss"], json::value(f.did));
  EXPECT_EQ(payload["nbf"], json::value(1748764800));
}

// The newcomer path of the README: the shipped unsigned example, a fresh key, sign, verify.
TEST(cli_sign, issuer_from_key_signs_the_shipped_example_and_it_verifies) {
  Fixture f;
  const std::string example = std::string(ECUSSON_SOURCE_DIR) + "/examples/credentials/unsigned.ob3.json";
  ASSERT_TRUE(std::filesystem::exists(example));
  // As shipped, its issuer is not this key: refused.
  EXPECT_EQ(run_ecusson("sign '" + example + "' --key '" + f.key + "' --proof vc-jwt").exit_code, 2);
  for (const std::string proof : {"vc-jwt", "eddsa-rdfc-2022"}) {
    std::string out = (f.dir.path() / ("signed-" + proof)).string();
    auto r = run_ecusson("sign '" + example + "' --key '" + f.key + "' --issuer-from-key --proof " +
                         proof + " -o '" + out + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto v = run_ecusson("verify --json '" + out + "'");
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
    json::object report = json::parse(v.out).as_object();
    EXPECT_EQ(report["credential"].as_object()["issuer"].as_object()["id"], json::value(f.did));
  }
}

TEST(cli_sign, writes_to_stdout_without_output_option) {
  Fixture f("p256");
  auto r = run_ecusson("sign '" + f.write_credential(f.did) + "' --key '" + f.key + "' --proof vc-jwt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("eyJ"));
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '.'), 2);
}

TEST(cli_sign, refuses_issuer_that_is_not_the_keys_did) {
  Fixture f, other;
  auto r = run_ecusson("sign '" + f.write_credential(other.did) + "' --key '" + f.key +
                       "' --proof vc-jwt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("sign.issuer_mismatch"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(cli_sign, did_web_issuer_needs_verification_method) {
  Fixture f;
  std::string in = f.write_credential("did:web:badges.example.fr");
  auto r = run_ecusson("sign '" + in + "' --key '" + f.key + "' --proof vc-jwt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("sign.verification_method_required"), std::string::npos);
  auto ok = run_ecusson("sign '" + in + "' --key '" + f.key +
                        "' --proof vc-jwt --verification-method 'did:web:badges.example.fr#key-1'");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST(cli_sign, public_key_cannot_sign) {
  Fixture f;
  auto pub = (f.dir.path() / "pub.pem").string();
  // RFC 8037's example public key, as SubjectPublicKeyInfo PEM.
  std::ofstream(pub) << "-----BEGIN PUBLIC KEY-----\n"
                        "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"
                        "-----END PUBLIC KEY-----\n";
  auto r = run_ecusson("sign '" + f.write_credential(f.did) + "' --key '" + pub + "' --proof vc-jwt");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(cli_sign, unreadable_or_invalid_input_exits_2) {
  Fixture f;
  EXPECT_EQ(run_ecusson("sign /nonexistent.json --key '" + f.key + "' --proof vc-jwt").exit_code, 2);
  auto bad = f.dir.path() / "bad.json";
  std::ofstream(bad) << R"({"issuer":"x","issuer":"y"})";
  auto r = run_ecusson("sign '" + bad.string() + "' --key '" + f.key + "' --proof vc-jwt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("json.duplicate_key"), std::string::npos);
}

TEST(cli_sign, unknown_proof_is_a_usage_error) {
  Fixture f;
  EXPECT_EQ(run_ecusson("sign '" + f.write_credential(f.did) + "' --key '" + f.key +
                        "' --proof rsa-2017")
                .exit_code,
            2);
}

}  // namespace
}  // namespace ecusson::test
