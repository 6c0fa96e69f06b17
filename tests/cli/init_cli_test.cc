// End-to-end: `ecusson init`, then `keys show`, `sign --issuer-from-key` and `verify` with
// the keys it created.
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>

#include "ecusson/store/sqlite_store.h"
#include "run_ecusson.h"
#include "test_support.h"

namespace ecusson::test {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 0777;
}

TEST(cli_init, fresh_directory_json_report_and_files) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  auto r = run_ecusson("init --dir " + q(dir) +
                       " --issuer-name 'Mission Locale' --issuer-url https://ml.example.fr"
                       " --email contact@ml.example.fr --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json::object o = json::parse(r.out).as_object();
  EXPECT_EQ(o["outcome"], "created");
  EXPECT_EQ(o["baseUrl"], "http://127.0.0.1:8080");
  std::string did(o["did"].as_string());
  EXPECT_TRUE(did.starts_with("did:key:z6Mk"));
  auto& keys = o["keys"].as_array();
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].at("path"), json::value((dir / "keys/ob3-ed25519.pem").string()));
  EXPECT_EQ(keys[1].at("path"), json::value((dir / "keys/ob2-rsa.pem").string()));
  EXPECT_EQ(keys[1].at("algorithm"), "RS256");
  EXPECT_EQ(mode_of(dir / "keys"), 0700u);
  EXPECT_EQ(mode_of(dir / "keys/ob3-ed25519.pem"), 0600u);
  EXPECT_EQ(mode_of(dir / "keys/ob2-rsa.pem"), 0600u);

  // `ecusson keys show` agrees on the issuer and its verification method.
  auto show = run_ecusson("keys show " + q(dir / "keys/ob3-ed25519.pem") + " --json");
  ASSERT_EQ(show.exit_code, 0) << show.err;
  json::object k = json::parse(show.out).as_object();
  EXPECT_EQ(k["didKey"], json::value(did));
  EXPECT_EQ(k["verificationMethod"], keys[0].at("id"));

  // The store names that issuer and its two keys.
  auto store = store::open_sqlite_store({.path = dir / "ecusson.db", .read_only = true});
  ASSERT_OK(store);
  auto issuer = (*store)->get_issuer(did);
  ASSERT_OK(issuer);
  EXPECT_EQ(issuer->name, "Mission Locale");
  EXPECT_EQ((*store)->list_keys(did)->size(), 2u);
}

TEST(cli_init, french_text_by_default_english_on_request) {
  TempDir tmp;
  auto fr = run_ecusson("init --dir " + q(tmp.path() / "a"));
  ASSERT_EQ(fr.exit_code, 0) << fr.err;
  EXPECT_NE(fr.out.find("Dossier de données créé"), std::string::npos) << fr.out;
  EXPECT_NE(fr.err.find("--issuer-name"), std::string::npos);
  auto en = run_ecusson("--lang en init --dir " + q(tmp.path() / "a"));
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_NE(en.out.find("Already set up, nothing changed"), std::string::npos) << en.out;
}

TEST(cli_init, base_url_gives_did_web_document_and_jwks) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  auto r = run_ecusson("init --dir " + q(dir) + " --base-url https://badges.example.fr --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json::object o = json::parse(r.out).as_object();
  EXPECT_EQ(o["did"], "did:web:badges.example.fr");
  EXPECT_EQ(o["didDocumentUrl"], "https://badges.example.fr/.well-known/did.json");
  auto doc = json::parse(read_file(dir / "public/.well-known/did.json")).as_object();
  EXPECT_EQ(doc["id"], "did:web:badges.example.fr");
  EXPECT_EQ(doc["assertionMethod"].as_array().at(0), o["keys"].as_array()[0].at("id"));
  auto show = run_ecusson("keys show " + q(dir / "keys/ob3-ed25519.pem") + " --json");
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(doc["verificationMethod"].as_array().at(0).at("publicKeyMultibase"),
            json::parse(show.out).at("multikey"));
  auto jwks = json::parse(read_file(dir / "public/.well-known/jwks.json")).as_object();
  ASSERT_EQ(jwks["keys"].as_array().size(), 2u);
  EXPECT_EQ(jwks["keys"].as_array()[0].at("kid"), o["keys"].as_array()[0].at("id"));
  EXPECT_EQ(jwks["keys"].as_array()[0].at("x"), o["keys"].as_array()[0].at("publicJwk").at("x"));
  EXPECT_EQ(jwks["keys"].as_array()[1].at("n"), o["keys"].as_array()[1].at("publicJwk").at("n"));
}

TEST(cli_init, second_run_keeps_keys_byte_identical) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  ASSERT_EQ(run_ecusson("init --dir " + q(dir)).exit_code, 0);
  std::string ed = read_file(dir / "keys/ob3-ed25519.pem");
  std::string rsa = read_file(dir / "keys/ob2-rsa.pem");
  auto again = run_ecusson("init --dir " + q(dir) + " --json");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(json::parse(again.out).at("outcome"), "unchanged");
  auto update = run_ecusson("init --dir " + q(dir) + " --issuer-name 'Nouveau nom' --json");
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_EQ(json::parse(update.out).at("outcome"), "updated");
  EXPECT_EQ(read_file(dir / "keys/ob3-ed25519.pem"), ed);
  EXPECT_EQ(read_file(dir / "keys/ob2-rsa.pem"), rsa);
}

TEST(cli_init, refused_base_urls_exit_2_with_french_message) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  for (std::string url : {"http://badges.example.fr", "https://", "badges.example.fr",
                          "https://badges.example.fr?x=1"}) {
    auto r = run_ecusson("init --dir " + q(dir) + " --base-url '" + url + "'");
    EXPECT_EQ(r.exit_code, 2) << url;
    EXPECT_NE(r.err.find("URL de base"), std::string::npos) << r.err;
  }
  EXPECT_FALSE(fs::exists(dir));
  auto en = run_ecusson("--lang en init --dir " + q(dir) + " --base-url http://example.fr");
  EXPECT_EQ(en.exit_code, 2);
  EXPECT_NE(en.err.find("must use https"), std::string::npos) << en.err;
}

TEST(cli_init, key_file_0644_is_refused) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  ASSERT_EQ(run_ecusson("init --dir " + q(dir)).exit_code, 0);
  ASSERT_EQ(::chmod((dir / "keys/ob3-ed25519.pem").c_str(), 0644), 0);
  auto r = run_ecusson("init --dir " + q(dir));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("issuance.key_mode"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("0644"), std::string::npos) << r.err;
}

TEST(cli_init, foreign_non_empty_directory_is_refused) {
  TempDir tmp;
  {
    std::ofstream(tmp.path() / "rapport.odt") << "x";
  }
  auto r = run_ecusson("init --dir " + q(tmp.path()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("n'est pas vide"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "keys"));
}

TEST(cli_init, read_only_directory_is_a_clear_error) {
  TempDir tmp;
  fs::path ro = tmp.path() / "ro";
  fs::create_directories(ro);
  ASSERT_EQ(::chmod(tmp.path().c_str(), 0755), 0);
  ASSERT_EQ(::chmod(ro.c_str(), 0555), 0);
  // root ignores permissions: run the command as "nobody" then.
  std::string prefix;
  if (::geteuid() == 0) {
    // setpriv comes with util-linux, an Essential Debian package: its absence is a broken
    // machine, not a reason to pass without checking.
    ASSERT_EQ(std::system("command -v setpriv >/dev/null 2>&1"), 0) << "setpriv (util-linux) missing";
    prefix = "--reuid=65534 --regid=65534 --clear-groups";
  }
  std::string args = "init --dir " + q(ro / "var");
  RunResult r;
  if (prefix.empty()) {
    r = run_ecusson(args);
  } else {
    TempDir out;
    ::chmod(out.path().c_str(), 0777);
    std::string cmd = "setpriv " + prefix + " '" + ecusson_binary() + "' " + args + " >" +
                      q(out.path() / "o") + " 2>" + q(out.path() / "e") + " </dev/null";
    int status = std::system(cmd.c_str());
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = read_file(out.path() / "e");
  }
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("impossible d'écrire"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(ro / "var"));
  ::chmod(ro.c_str(), 0755);
}

TEST(cli_init, sign_with_the_init_key_then_verify) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  ASSERT_EQ(run_ecusson("init --dir " + q(dir)).exit_code, 0);
  fs::path signed_path = tmp.path() / "signed.json";
  auto sign = run_ecusson("sign " + q(source_dir() / "examples/credentials/unsigned.ob3.json") +
                          " --key " + q(dir / "keys/ob3-ed25519.pem") +
                          " --proof eddsa-rdfc-2022 --issuer-from-key -o " + q(signed_path));
  ASSERT_EQ(sign.exit_code, 0) << sign.err;
  auto verify = run_ecusson("verify " + q(signed_path) + " --json --at 2026-06-01T00:00:00Z");
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  json::object report = json::parse(verify.out).as_object();
  EXPECT_EQ(report["verified"], true);
  auto show = run_ecusson("keys show " + q(dir / "keys/ob3-ed25519.pem") + " --json");
  EXPECT_EQ(report["credential"].at("issuer").at("id"), json::parse(show.out).at("didKey"));
}

}  // namespace
}  // namespace ecusson::test
