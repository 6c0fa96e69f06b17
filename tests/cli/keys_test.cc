// End-to-end: `ecusson keys generate` and `ecusson keys show`.
#include <sys/stat.h>

#include <boost/json.hpp>

#include "run_ecusson.h"
#include "test_support.h"

namespace ecusson::test {
namespace {

namespace json = boost::json;

TEST(cli_keys, generate_then_show_json_for_each_type) {
  for (std::string type : {"ed25519", "p256", "rsa2048"}) {
    TempDir dir;
    auto pem = (dir.path() / "k.pem").string();
    auto gen = run_ecusson("keys generate --type " + type + " -o '" + pem + "'");
    ASSERT_EQ(gen.exit_code, 0) << gen.err;
    struct stat st {};
    ASSERT_EQ(::stat(pem.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600);
    auto show = run_ecusson("keys show '" + pem + "' --json");
    ASSERT_EQ(show.exit_code, 0) << show.err;
    json::object o = json::parse(show.out).as_object();
    EXPECT_EQ(o["type"], json::value(type));
    EXPECT_FALSE(o["jwk"].as_object().contains("d"));
    if (type == "rsa2048") {
      EXPECT_TRUE(o["didKey"].is_null());
    } else {
      std::string did(o["didKey"].as_string());
      std::string mk(o["multikey"].as_string());
      EXPECT_EQ(did, "did:key:" + mk);
      EXPECT_TRUE(mk.starts_with(type == "ed25519" ? "z6Mk" : "zDn"));
    }
  }
}

TEST(cli_keys, show_text_in_french_by_default) {
  TempDir dir;
  auto pem = (dir.path() / "k.pem").string();
  ASSERT_EQ(run_ecusson("keys generate -o '" + pem + "'").exit_code, 0);
  auto show = run_ecusson("--lang fr keys show '" + pem + "'");
  ASSERT_EQ(show.exit_code, 0);
  EXPECT_NE(show.out.find("JWK publique"), std::string::npos);
  EXPECT_NE(show.out.find("did:key:z6Mk"), std::string::npos);
}

TEST(cli_keys, generate_refuses_to_overwrite) {
  TempDir dir;
  auto pem = (dir.path() / "k.pem").string();
  ASSERT_EQ(run_ecusson("keys generate -o '" + pem + "'").exit_code, 0);
  std::string before = read_file(pem);
  auto again = run_ecusson("keys generate -o '" + pem + "'");
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("key.file_exists"), std::string::npos);
  EXPECT_EQ(read_file(pem), before);
}

TEST(cli_keys, show_missing_file_exits_2) {
  auto r = run_ecusson("keys show /nonexistent/k.pem");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/k.pem"), std::string::npos);
}

TEST(cli_keys, show_garbage_file_exits_2) {
  TempDir dir;
  auto path = dir.path() / "bad.pem";
  { std::ofstream(path) << "pas une clé"; }
  auto r = run_ecusson("keys show '" + path.string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("key.pem_invalid"), std::string::npos);
}

TEST(cli_keys, unknown_type_is_a_usage_error) {
  TempDir dir;
  auto r = run_ecusson("keys generate --type dsa -o '" + (dir.path() / "k.pem").string() + "'");
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace ecusson::test
