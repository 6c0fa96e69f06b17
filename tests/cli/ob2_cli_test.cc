// End-to-end tests of `ecusson ob2 issue` and `ecusson ob2 verify`: the folder written by
// `issue` is served by a real HTTP server on 127.0.0.1 and verified through it.
#include <boost/json.hpp>

#include "run_ecusson.h"
#include "test_http_server.h"

namespace ecusson::test {
namespace {

namespace fs = std::filesystem;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

// Serves every file under `dir` at "/<relative path>".
void serve_dir(TestHttpServer& server, const fs::path& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::string rel = fs::relative(e.path(), dir).generic_string();
    std::string ct = e.path().extension() == ".png"   ? "image/png"
                     : e.path().extension() == ".svg" ? "image/svg+xml"
                                                      : "application/ld+json";
    server.add("/" + rel, {200, ct, read_file(e.path())});
  }
}

struct Issued {
  TempDir tmp;
  TestHttpServer server;
  boost::json::object out;
  RunResult run;
  explicit Issued(const std::string& extra = {}) {
    std::string base = server.url("/ob2");
    run = run_ecusson("ob2 issue --json --base-url " + base +
                      " --issuer-name 'Mission locale' --issuer-url https://example.fr"
                      " --issuer-email contact@example.fr --recipient Ana@Example.org"
                      " --name 'Communiquer niveau 2' --description 'Échanger au travail'"
                      " --image https://example.fr/i.png --criteria 'Niveau 2 de la grille'"
                      " --align 'Communiquer|https://example.fr/grille#c1|Grille|c1'"
                      " --tag communication --issued-on 2026-03-01T10:00:00Z -o " +
                      q(tmp.path() / "ob2") + " " + extra);
    if (run.exit_code == 0) {
      out = boost::json::parse(run.out).as_object();
      serve_dir(server, tmp.path());
    }
  }
  std::string file(std::string_view suffix) const {
    for (const auto& f : out.at("files").as_array())
      if (std::string_view(f.as_string()).ends_with(suffix)) return std::string(f.as_string());
    return {};
  }
};

TEST(ob2_cli, second_run_reuses_the_key_so_earlier_badges_still_verify) {
  Issued first;
  ASSERT_EQ(first.run.exit_code, 0) << first.run.err;
  const std::string jws1 = first.file(".jws");
  const std::string key1 = read_file(first.tmp.path() / "ob2" / "keys" / "1.json");
  auto again = run_ecusson("ob2 issue --json --base-url " + first.server.url("/ob2") +
                           " --issuer-name 'Mission locale' --issuer-url https://example.fr"
                           " --issuer-email contact@example.fr --recipient b@example.org"
                           " --name 'Communiquer niveau 2' --description 'Échanger au travail'"
                           " --image https://example.fr/i.png --criteria 'Niveau 2'"
                           " --issued-on 2026-03-02T10:00:00Z -o " +
                           q(first.tmp.path() / "ob2"));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(read_file(first.tmp.path() / "ob2" / "keys" / "1.json"), key1);
  auto r = run_ecusson("ob2 verify --json --allow-private-network --at 2026-06-01T00:00:00Z " +
                       q(jws1));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(ob2_cli, image_and_criteria_are_required) {
  TempDir tmp;
  const std::string common =
      "ob2 issue --base-url https://badges.example.fr/ob2 --issuer-name M --issuer-url "
      "https://example.fr --issuer-email c@example.fr --recipient a@example.org --name N "
      "--description D -o " + q(tmp.path() / "ob2");
  auto no_image = run_ecusson(common + " --criteria C");
  EXPECT_EQ(no_image.exit_code, 2);
  EXPECT_NE(no_image.err.find("--image"), std::string::npos) << no_image.err;
  auto no_criteria = run_ecusson(common + " --image https://example.fr/i.png");
  EXPECT_EQ(no_criteria.exit_code, 2);
  EXPECT_NE(no_criteria.err.find("--criteria"), std::string::npos) << no_criteria.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "ob2"));
}

TEST(ob2_cli, issues_documents_that_verify_hosted_and_signed) {
  Issued i;
  ASSERT_EQ(i.run.exit_code, 0) << i.run.err;
  // The generated key sits beside the published folder, never inside it.
  EXPECT_TRUE(fs::exists(i.tmp.path() / "ob2.key.pem"));
  EXPECT_EQ(fs::status(i.tmp.path() / "ob2.key.pem").permissions() & fs::perms::others_read,
            fs::perms::none);
  for (const auto& e : fs::recursive_directory_iterator(i.tmp.path() / "ob2"))
    EXPECT_EQ(e.path().string().find(".pem"), std::string::npos) << e.path();
  // Hosted, by URL.
  std::string hosted = std::string(i.out.at("hostedAssertion").as_string());
  auto r = run_ecusson("ob2 verify --json --allow-private-network --at 2026-06-01T00:00:00Z " +
                       hosted);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  auto report = boost::json::parse(r.out);
  EXPECT_EQ(report.at("format").as_string(), "ob2-hosted");
  EXPECT_EQ(report.at("verified").as_bool(), true);
  // Signed, from the file, with the recipient.
  std::string jws = i.file(".jws");
  ASSERT_FALSE(jws.empty());
  r = run_ecusson("ob2 verify --json --allow-private-network --recipient ana@example.org " + q(jws));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  report = boost::json::parse(r.out);
  EXPECT_EQ(report.at("format").as_string(), "ob2-signed");
  r = run_ecusson("ob2 verify --allow-private-network --recipient bob@example.org " + q(jws));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("recipient.mismatch"), std::string::npos) << r.out;
}

TEST(ob2_cli, baked_png_verifies_and_revocation_is_seen) {
  Issued i("--bake " + q(conformance_dir() / "ob2/validator-core-fixtures/public_domain_heart.png"));
  ASSERT_EQ(i.run.exit_code, 0) << i.run.err;
  std::string signed_png;
  for (const auto& f : i.out.at("files").as_array()) {
    std::string_view s = f.as_string();
    if (s.find("/signed/") != std::string_view::npos && s.ends_with(".png")) signed_png = s;
  }
  ASSERT_FALSE(signed_png.empty());
  auto r = run_ecusson("ob2 verify --json --allow-private-network " + q(signed_png));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(boost::json::parse(r.out).at("source").as_string(), "png");
  // The issuer revokes the hosted assertion: 410 Gone.
  std::string hosted = std::string(i.out.at("hostedAssertion").as_string());
  std::string path = hosted.substr(i.server.url("").size());
  i.server.add_gone(path, R"({"revoked":true,"revocationReason":"erreur"})");
  r = run_ecusson("ob2 verify --json --allow-private-network " + hosted);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("status.revoked"), std::string::npos) << r.out;
}

TEST(ob2_cli, refuses_private_address_without_flag) {
  Issued i;
  ASSERT_EQ(i.run.exit_code, 0) << i.run.err;
  auto r = run_ecusson("ob2 verify --json " + std::string(i.out.at("hostedAssertion").as_string()));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("hosted.fetch"), std::string::npos) << r.out;
}

TEST(ob2_cli, usage_errors_exit_2) {
  TempDir tmp;
  auto r = run_ecusson("ob2 issue --base-url https://x.example --issuer-name n --issuer-url u"
                       " --issuer-email e@x --recipient a@b --name n --description d"
                       " --expires not-a-date -o " + q(tmp.path()));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  r = run_ecusson("ob2 verify " + q(tmp.path() / "missing.json"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

}  // namespace
}  // namespace ecusson::test

namespace ecusson::test {
namespace {

// The main `ecusson verify` command dispatches OB 2.0 inputs to the same verifier.
TEST(ob2_cli, ecusson_verify_answers_for_ob2_hosted_signed_and_revoked) {
  Issued i;
  ASSERT_EQ(i.run.exit_code, 0) << i.run.err;
  std::string hosted = std::string(i.out.at("hostedAssertion").as_string());
  auto r = run_ecusson("verify --json --allow-private-network " + hosted);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(boost::json::parse(r.out).at("format").as_string(), "ob2-hosted");
  r = run_ecusson("verify --json --allow-private-network --recipient ana@example.org " +
                  q(i.file(".jws")));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(boost::json::parse(r.out).at("format").as_string(), "ob2-signed");
  // Judged at a date before it was issued.
  r = run_ecusson("verify --json --allow-private-network --at 2025-01-01T00:00:00Z " +
                  q(i.file(".jws")));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("validity.not_yet_valid"), std::string::npos) << r.out;
  // Revoked: 410 Gone at the assertion URL.
  i.server.add_gone(hosted.substr(i.server.url("").size()), R"({"revoked":true})");
  r = run_ecusson("verify --json --allow-private-network " + hosted);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("status.revoked"), std::string::npos) << r.out;
}

// Fixtures through `ecusson verify`: a baked OB 2.0 PNG whose hosted id is unreachable
// from the test machine is refused (hosted.fetch), never reported verified.
TEST(ob2_cli, ecusson_verify_refuses_unreachable_hosted_fixture) {
  auto r = run_ecusson("verify --json " +
                       q(conformance_dir() / "ob2/validator-fixtures/ob20/simple-badge.png"));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  auto report = boost::json::parse(r.out);
  EXPECT_EQ(report.at("format").as_string(), "ob2-hosted");
  EXPECT_EQ(report.at("source").as_string(), "png");
  EXPECT_FALSE(report.at("verified").as_bool());
}

}  // namespace
}  // namespace ecusson::test
