// End-to-end tests of `ecusson bake` and `ecusson unbake`.
#include <boost/json.hpp>

#include "run_ecusson.h"

namespace ecusson::test {
namespace {

std::string q(const std::filesystem::path& p) {
  std::string out = "'";
  out += p.string();
  out += '\'';
  return out;
}

std::filesystem::path fixture(const std::string& rel) { return conformance_dir() / rel; }

const std::string kHeart = "ob2/validator-core-fixtures/public_domain_heart.png";

TEST(bake_cli, bakes_ob3_jwt_into_png_and_unbakes_it) {
  TempDir tmp;
  auto out = tmp.path() / "badge.png";
  auto r = run_ecusson("bake " + q(fixture("ob3/validator-fixtures/ob30/simple.jwt")) +
                       " --image " + q(fixture(kHeart)) + " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("Open Badges 3.0"), std::string::npos) << r.err;
  auto u = run_ecusson("unbake --json " + q(out));
  ASSERT_EQ(u.exit_code, 0) << u.err;
  auto v = boost::json::parse(u.out);
  EXPECT_EQ(v.at("kind").as_string(), "ob3-jws");
  std::string jwt = read_file(fixture("ob3/validator-fixtures/ob30/simple.jwt"));
  while (!jwt.empty() && (jwt.back() == '\n' || jwt.back() == '\r')) jwt.pop_back();
  EXPECT_EQ(v.at("payload").as_string(), jwt);
}

TEST(bake_cli, detects_ob2_assertion_and_bakes_svg) {
  TempDir tmp;
  auto out = tmp.path() / "badge.svg";
  auto r = run_ecusson("bake " + q(fixture("ob2/validator-fixtures/ob20/basic-assertion.json")) +
                       " --image " + q(fixture("ob3/validator-fixtures/ob30/simple-json.svg")) +
                       " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string svg = read_file(out);
  EXPECT_NE(svg.find("xmlns:openbadges=\"http://openbadges.org\""), std::string::npos);
  EXPECT_EQ(svg.find("openbadges:credential"), std::string::npos);  // the OB3 one was replaced
  auto u = run_ecusson("unbake --json " + q(out));
  ASSERT_EQ(u.exit_code, 0) << u.err;
  auto v = boost::json::parse(u.out);
  EXPECT_EQ(v.at("kind").as_string(), "ob2-json");
  EXPECT_EQ(v.at("verify").as_string(), "https://example.org/beths-robotics-badge.json");
}

TEST(bake_cli, json_summary_on_stdout) {
  TempDir tmp;
  auto out = tmp.path() / "badge.svg";
  auto r = run_ecusson("bake --json " + q(fixture("ob3/validator-fixtures/ob30/simple.jwt")) +
                       " --image " + q(fixture("ob3/validator-fixtures/ob30/simple-json.svg")) +
                       " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto v = boost::json::parse(r.out);
  EXPECT_EQ(v.at("version").as_string(), "ob3");
  EXPECT_EQ(v.at("form").as_string(), "jws");
  EXPECT_EQ(v.at("image").as_string(), "svg");
}

TEST(bake_cli, forced_version_wins_over_detection) {
  TempDir tmp;
  auto out = tmp.path() / "badge.png";
  auto r = run_ecusson("bake --ob2 " + q(fixture("ob3/validator-fixtures/ob30/simple.json")) +
                       " --image " + q(fixture(kHeart)) + " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto u = run_ecusson("unbake --json " + q(out));
  ASSERT_EQ(u.exit_code, 0) << u.err;
  EXPECT_EQ(boost::json::parse(u.out).at("kind").as_string(), "ob2-json");
}

TEST(bake_cli, unbake_prints_payload_and_writes_output_file) {
  TempDir tmp;
  auto out = tmp.path() / "credential.json";
  auto r = run_ecusson("unbake " + q(fixture("ob3/validator-fixtures/ob30/simple-json.png")) +
                       " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto v = boost::json::parse(read_file(out));
  EXPECT_TRUE(v.as_object().contains("credentialSubject"));
  EXPECT_NE(r.err.find("Open Badges 3.0"), std::string::npos);
}

TEST(bake_cli, unbake_of_plain_image_answers_no) {
  auto r = run_ecusson("unbake " + q(fixture(kHeart)));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("ne contient pas de badge"), std::string::npos) << r.err;
}

TEST(bake_cli, unbake_of_corrupt_png_is_unusable_with_english_message) {
  TempDir tmp;
  auto bad = tmp.path() / "bad.png";
  std::string png = read_file(fixture("ob3/validator-fixtures/ob30/simple-json.png"));
  png[png.size() / 2] ^= 0x55;
  std::ofstream(bad, std::ios::binary) << png;
  auto r = run_ecusson("--lang en unbake " + q(bad));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("baking.bad_crc"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("corrupt PNG"), std::string::npos) << r.err;
}

TEST(bake_cli, bake_refuses_non_credential_input) {
  TempDir tmp;
  auto junk = tmp.path() / "junk.txt";
  std::ofstream(junk) << "bonjour";
  auto r = run_ecusson("bake " + q(junk) + " --image " + q(fixture(kHeart)) + " -o " +
                       q(tmp.path() / "o.png"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("baking.bad_payload"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(tmp.path() / "o.png"));
}

TEST(bake_cli, bake_refuses_image_that_is_not_png_or_svg) {
  TempDir tmp;
  auto r = run_ecusson("bake " + q(fixture("ob3/validator-fixtures/ob30/simple.jwt")) +
                       " --image " + q(fixture("ob3/validator-fixtures/ob30/simple.json")) +
                       " -o " + q(tmp.path() / "o.png"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("baking.not_an_image"), std::string::npos) << r.err;
}

TEST(bake_cli, ob2_and_ob3_flags_are_exclusive) {
  TempDir tmp;
  auto r = run_ecusson("bake --ob2 --ob3 " + q(fixture("ob3/validator-fixtures/ob30/simple.jwt")) +
                       " --image " + q(fixture(kHeart)) + " -o " + q(tmp.path() / "o.png"));
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace ecusson::test
