// End-to-end: `ecusson sign … --proof eddsa-rdfc-2022|eddsa-jcs-2022`, the output checked
// with the library's verifier.
#include <fstream>

#include <boost/json.hpp>

#include "ecusson/proofs/data_integrity.h"
#include "run_ecusson.h"
#include "test_support.h"

namespace ecusson::test {
namespace {

namespace json = boost::json;

struct DiFixture {
  TempDir dir;
  std::string key, did, vm;

  explicit DiFixture(const std::string& type = "ed25519") {
    key = (dir.path() / "k.pem").string();
    EXPECT_EQ(run_ecusson("keys generate --type " + type + " -o '" + key + "'").exit_code, 0);
    json::object o = json::parse(run_ecusson("keys show '" + key + "' --json").out).as_object();
    if (o["didKey"].is_string()) {
      did = std::string(o["didKey"].as_string());
      vm = std::string(o["verificationMethod"].as_string());
    }
  }

  std::string write_credential(const std::string& issuer) {
    json::object c = json::parse(read_file(data_dir() / "bench" / "ob3-credential.json")).as_object();
    c["issuer"].as_object()["id"] = issuer;
    auto path = dir.path() / "unsigned.json";
    std::ofstream(path) << json::serialize(c);
    return path.string();
  }
};

json::object sign_ok(DiFixture& f, const std::string& proof) {
  const std::string out = (f.dir.path() / "signed.json").string();
  auto r = run_ecusson("sign '" + f.write_credential(f.did) + "' --key '" + f.key + "' --proof " +
                       proof + " -o '" + out + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(read_file(out)).as_object();
}

TEST(cli_sign_data_integrity, eddsa_rdfc_2022_output_verifies) {
  DiFixture f;
  json::object doc = sign_ok(f, "eddsa-rdfc-2022");
  const auto& proof = doc.at("proof").as_object();
  EXPECT_EQ(proof.at("type"), json::value("DataIntegrityProof"));
  EXPECT_EQ(proof.at("cryptosuite"), json::value("eddsa-rdfc-2022"));
  EXPECT_EQ(proof.at("verificationMethod"), json::value(f.vm));
  EXPECT_EQ(proof.at("proofPurpose"), json::value("assertionMethod"));
  EXPECT_TRUE(proof.at("proofValue").as_string().starts_with("z"));
  const auto report = proofs::verify_data_integrity(doc);
  ASSERT_EQ(report.proofs.size(), 1u);
  EXPECT_TRUE(report.verified);
}

TEST(cli_sign_data_integrity, eddsa_jcs_2022_output_verifies) {
  DiFixture f;
  json::object doc = sign_ok(f, "eddsa-jcs-2022");
  EXPECT_EQ(doc.at("proof").at("cryptosuite"), json::value("eddsa-jcs-2022"));
  EXPECT_TRUE(proofs::verify_data_integrity(doc).verified);
}

TEST(cli_sign_data_integrity, tampered_output_no_longer_verifies) {
  DiFixture f;
  json::object doc = sign_ok(f, "eddsa-rdfc-2022");
  doc["name"] = "Autre badge";
  EXPECT_FALSE(proofs::verify_data_integrity(doc).verified);
}

TEST(cli_sign_data_integrity, refuses_issuer_that_is_not_the_keys_did) {
  DiFixture f, other;
  auto r = run_ecusson("sign '" + f.write_credential(other.did) + "' --key '" + f.key +
                       "' --proof eddsa-rdfc-2022");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("sign.issuer_mismatch"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(cli_sign_data_integrity, refuses_p256_key) {
  DiFixture f("p256");
  auto r = run_ecusson("sign '" + f.write_credential(f.did) + "' --key '" + f.key +
                       "' --proof eddsa-rdfc-2022");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
}

TEST(cli_sign_data_integrity, refuses_context_that_is_not_bundled) {
  DiFixture f;
  json::object c = json::parse(read_file(f.write_credential(f.did))).as_object();
  c["@context"].as_array().push_back("https://evil.example/context.jsonld");
  auto path = f.dir.path() / "evil.json";
  std::ofstream(path) << json::serialize(c);
  auto r = run_ecusson("--lang en sign '" + path.string() + "' --key '" + f.key +
                       "' --proof eddsa-rdfc-2022");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("structure.context"), std::string::npos) << r.err;
}

TEST(cli_sign_data_integrity, signing_twice_makes_a_proof_set) {
  DiFixture f;
  const std::string once = (f.dir.path() / "once.json").string();
  const std::string twice = (f.dir.path() / "twice.json").string();
  ASSERT_EQ(run_ecusson("sign '" + f.write_credential(f.did) + "' --key '" + f.key +
                        "' --proof eddsa-rdfc-2022 -o '" + once + "'").exit_code, 0);
  auto r = run_ecusson("sign '" + once + "' --key '" + f.key + "' --proof eddsa-jcs-2022 -o '" + twice + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json::object doc = json::parse(read_file(twice)).as_object();
  ASSERT_TRUE(doc.at("proof").is_array());
  EXPECT_EQ(doc.at("proof").as_array().size(), 2u);
  const auto report = proofs::verify_data_integrity(doc);
  ASSERT_EQ(report.proofs.size(), 2u);
  EXPECT_TRUE(report.proofs[0].valid);
  EXPECT_TRUE(report.proofs[1].valid);
}

}  // namespace
}  // namespace ecusson::test
