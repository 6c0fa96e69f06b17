// issuance::init_issuer: fresh set-up, did:key and did:web issuers, published documents,
// re-runs that never touch keys, refused base URLs and key files, half-initialised and
// foreign directories.
#include "ecusson/issuance/init.h"

#include <sys/stat.h>

#include <boost/json.hpp>

#include "ecusson/crypto/did.h"
#include "ecusson/crypto/jwk.h"
#include "ecusson/crypto/key.h"
#include "ecusson/issuance/base_url.h"
#include "ecusson/store/sqlite_store.h"
#include "test_support.h"

namespace ecusson::test {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using issuance::init_issuer;
using issuance::InitOptions;
using issuance::InitOutcome;

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 0777;
}

InitOptions opts(const fs::path& dir) {
  InitOptions o;
  o.dir = dir;
  o.issuer_name = "Mission Locale de l'Ouest";
  o.issuer_url = "https://ml.example.fr";
  o.email = "competences@ml.example.fr";
  return o;
}

TEST(init, fresh_directory_gets_store_keys_profile_and_audit) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  auto r = init_issuer(opts(dir));
  ASSERT_OK(r);
  EXPECT_EQ(r->outcome, InitOutcome::created);
  EXPECT_EQ(mode_of(dir / "keys"), 0700u);
  EXPECT_EQ(mode_of(dir / "keys/ob3-ed25519.pem"), 0600u);
  EXPECT_EQ(mode_of(dir / "keys/ob2-rsa.pem"), 0600u);
  ASSERT_TRUE(fs::exists(dir / "ecusson.db"));

  auto ed = crypto::Key::load_pem_file(dir / "keys/ob3-ed25519.pem");
  ASSERT_OK(ed);
  EXPECT_EQ(ed->type(), crypto::KeyType::ed25519);
  auto rsa = crypto::Key::load_pem_file(dir / "keys/ob2-rsa.pem");
  ASSERT_OK(rsa);
  EXPECT_EQ(rsa->type(), crypto::KeyType::rsa2048);
  EXPECT_EQ(rsa->bits(), 2048);
  EXPECT_EQ(r->issuer_id, crypto::did_key(*ed).value());
  EXPECT_EQ(r->did_method, "key");
  EXPECT_EQ(r->base_url, "http://127.0.0.1:8080");

  auto store = store::open_sqlite_store({.path = dir / "ecusson.db"});
  ASSERT_OK(store);
  auto issuer = (*store)->get_issuer(r->issuer_id);
  ASSERT_OK(issuer);
  EXPECT_EQ(issuer->name, "Mission Locale de l'Ouest");
  EXPECT_EQ(issuer->url, "https://ml.example.fr");
  EXPECT_EQ(issuer->email, "competences@ml.example.fr");
  EXPECT_EQ(issuer->base_url, "http://127.0.0.1:8080");
  auto keys = (*store)->list_keys(r->issuer_id);
  ASSERT_OK(keys);
  ASSERT_EQ(keys->size(), 2u);
  for (const auto& k : *keys) {
    EXPECT_EQ(k.public_key.find("\"d\""), std::string::npos);
    EXPECT_EQ(k.public_key.find("PRIVATE"), std::string::npos);
    auto on_disk = crypto::Key::load_pem_file(dir / k.private_key_path);
    ASSERT_OK(on_disk);
    EXPECT_TRUE(crypto::key_from_jwk_json(k.public_key)->same_public(*on_disk));
  }
  EXPECT_EQ((*keys)[0].id + (*keys)[1].id,
            crypto::did_key_verification_method(*ed).value() +
                "http://127.0.0.1:8080/ob2/keys/1.json");
  auto audit = (*store)->list_audit();
  ASSERT_OK(audit);
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].action, "issuer.init");
  EXPECT_EQ((*audit)[0].subject, "issuer:" + r->issuer_id);

  // Published for the local server: JWKS and the OB 2.0 profile.
  auto jwks = json::parse(read_file(dir / "public/.well-known/jwks.json"));
  EXPECT_EQ(jwks.at("keys").as_array().size(), 2u);
  auto ob2_issuer = json::parse(read_file(dir / "public/ob2/issuer.json"));
  EXPECT_EQ(ob2_issuer.at("id"), "http://127.0.0.1:8080/ob2/issuer.json");
  EXPECT_EQ(ob2_issuer.at("email"), "competences@ml.example.fr");
  auto ob2_key = json::parse(read_file(dir / "public/ob2/keys/1.json"));
  EXPECT_EQ(ob2_key.at("publicKeyPem").as_string(), rsa->public_pem());
  EXPECT_FALSE(fs::exists(dir / "public/.well-known/did.json"));
}

TEST(init, https_base_url_gives_did_web_with_document_and_jwks) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  auto o = opts(dir);
  o.base_url = "https://Badges.Example.fr/";
  auto r = init_issuer(o);
  ASSERT_OK(r);
  EXPECT_EQ(r->issuer_id, "did:web:badges.example.fr");
  EXPECT_EQ(r->did_document_url, "https://badges.example.fr/.well-known/did.json");
  EXPECT_EQ(r->ob2_issuer_url, "https://badges.example.fr/ob2/issuer.json");

  auto store = store::open_sqlite_store({.path = dir / "ecusson.db"});
  ASSERT_OK(store);
  auto keys = (*store)->list_keys(r->issuer_id);
  ASSERT_OK(keys);
  ASSERT_EQ(keys->size(), 2u);
  const auto& ed_ref = (*keys)[0];
  EXPECT_EQ(ed_ref.id, "did:web:badges.example.fr#key-1");
  auto ed = crypto::Key::load_pem_file(dir / ed_ref.private_key_path);
  ASSERT_OK(ed);

  // The DID document resolves the key the store names, for assertionMethod.
  auto doc = json::parse(read_file(dir / "public/.well-known/did.json"));
  auto resolved = crypto::keys_from_did_document(doc, r->issuer_id, "assertionMethod");
  ASSERT_OK(resolved);
  ASSERT_EQ(resolved->size(), 1u);
  EXPECT_EQ((*resolved)[0].id, ed_ref.id);
  EXPECT_TRUE((*resolved)[0].key.same_public(*ed));
  EXPECT_EQ(doc.at("verificationMethod").at(0).at("type"), "Multikey");

  // The JWKS lists both keys under the store's ids.
  auto jwks = json::parse(read_file(dir / "public/.well-known/jwks.json"));
  auto listed = crypto::keys_from_jwk_set(jwks, r->issuer_id);
  ASSERT_OK(listed);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, ed_ref.id);
  EXPECT_TRUE((*listed)[0].key.same_public(*ed));
  EXPECT_EQ((*listed)[1].id, (*keys)[1].id);
  auto rsa = crypto::Key::load_pem_file(dir / (*keys)[1].private_key_path);
  EXPECT_TRUE((*listed)[1].key.same_public(*rsa));
}

TEST(init, did_web_with_path_and_port_follows_the_did_web_spec) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  auto o = opts(dir);
  o.base_url = "https://badges.example.fr:8443/emetteurs/ml";
  auto r = init_issuer(o);
  ASSERT_OK(r);
  EXPECT_EQ(r->issuer_id, "did:web:badges.example.fr%3A8443:emetteurs:ml");
  EXPECT_EQ(r->did_document_url, "https://badges.example.fr:8443/emetteurs/ml/did.json");
  EXPECT_TRUE(fs::exists(dir / "public/emetteurs/ml/did.json"));
  EXPECT_TRUE(fs::exists(dir / "public/.well-known/jwks.json"));
  EXPECT_TRUE(fs::exists(dir / "public/emetteurs/ml/ob2/issuer.json"));
  EXPECT_EQ(crypto::did_web_document_url(r->issuer_id).value(), r->did_document_url);
}

TEST(init, second_run_keeps_keys_and_changes_nothing) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  ASSERT_OK(init_issuer(opts(dir)));
  std::string ed = read_file(dir / "keys/ob3-ed25519.pem");
  std::string rsa = read_file(dir / "keys/ob2-rsa.pem");
  auto again = init_issuer(opts(dir));
  ASSERT_OK(again);
  EXPECT_EQ(again->outcome, InitOutcome::unchanged);
  EXPECT_TRUE(again->published.empty());
  EXPECT_EQ(read_file(dir / "keys/ob3-ed25519.pem"), ed);
  EXPECT_EQ(read_file(dir / "keys/ob2-rsa.pem"), rsa);
  auto store = store::open_sqlite_store({.path = dir / "ecusson.db"});
  EXPECT_EQ((*store)->list_audit()->size(), 1u);
}

TEST(init, second_run_updates_given_profile_fields_with_audit) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  auto first = init_issuer(opts(dir));
  ASSERT_OK(first);
  std::string ed = read_file(dir / "keys/ob3-ed25519.pem");
  InitOptions o;
  o.dir = dir;
  o.email = "contact@ml.example.fr";
  auto r = init_issuer(o);
  ASSERT_OK(r);
  EXPECT_EQ(r->outcome, InitOutcome::updated);
  EXPECT_EQ(r->updated_fields, std::vector<std::string>{"email"});
  EXPECT_EQ(r->issuer_id, first->issuer_id);
  EXPECT_EQ(r->name, "Mission Locale de l'Ouest");
  EXPECT_EQ(read_file(dir / "keys/ob3-ed25519.pem"), ed);
  auto store = store::open_sqlite_store({.path = dir / "ecusson.db"});
  auto audit = (*store)->list_audit();
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[1].action, "issuer.update");
  EXPECT_NE((*audit)[1].detail.find("competences@ml.example.fr"), std::string::npos);
  EXPECT_EQ((*store)->get_issuer(r->issuer_id)->email, "contact@ml.example.fr");
  auto ob2_issuer = json::parse(read_file(dir / "public/ob2/issuer.json"));
  EXPECT_EQ(ob2_issuer.at("email"), "contact@ml.example.fr");
}

TEST(init, base_url_cannot_change_once_set) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  ASSERT_OK(init_issuer(opts(dir)));
  auto o = opts(dir);
  o.base_url = "https://badges.example.fr";
  EXPECT_ERROR(init_issuer(o), "issuance.base_url_changed");
  o.base_url = "http://127.0.0.1:8080/";  // the same, written differently
  EXPECT_OK(init_issuer(o));
}

TEST(init, refuses_insecure_or_malformed_base_urls_before_touching_anything) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  for (std::string url : {"http://badges.example.fr", "ftp://badges.example.fr"}) {
    auto o = opts(dir);
    o.base_url = url;
    EXPECT_ERROR(init_issuer(o), "issuance.insecure_base_url");
  }
  for (std::string url : {"badges.example.fr", "https://", "https://user@badges.example.fr",
                          "https://badges.example.fr/?a=1", "https://badges.example.fr/#x",
                          "https://badges.example.fr:99999", "https://badges.example.fr/a/../b",
                          "https://192.168.1.10", "https://bad host.fr"}) {
    auto o = opts(dir);
    o.base_url = url;
    auto r = init_issuer(o);
    EXPECT_ERROR(r, "issuance.bad_base_url");
    if (!r) {
      EXPECT_NE(r.error().message.find("URL de base"), std::string::npos);
    }
  }
  EXPECT_FALSE(fs::exists(dir));
  auto local = opts(dir);
  local.base_url = "http://localhost:9000/essai";
  auto r = init_issuer(local);
  ASSERT_OK(r);
  EXPECT_EQ(r->did_method, "key");
  EXPECT_EQ(r->base_url, "http://localhost:9000/essai");
  EXPECT_TRUE(fs::exists(dir / "public/essai/ob2/issuer.json"));
}

TEST(init, english_messages_on_request) {
  InitOptions o;
  o.base_url = "http://badges.example.fr";
  o.lang = Lang::en;
  auto r = init_issuer(o);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("must use https"), std::string::npos);
}

TEST(init, key_file_readable_by_others_is_refused_and_left_alone) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  ASSERT_OK(init_issuer(opts(dir)));
  fs::path rsa = dir / "keys/ob2-rsa.pem";
  std::string before = read_file(rsa);
  ASSERT_EQ(::chmod(rsa.c_str(), 0644), 0);
  auto r = init_issuer(opts(dir));
  EXPECT_ERROR(r, "issuance.key_mode");
  if (!r) {
    EXPECT_NE(r.error().message.find("0644"), std::string::npos);
    EXPECT_NE(r.error().message.find("chmod 600"), std::string::npos);
  }
  EXPECT_EQ(read_file(rsa), before);
  EXPECT_EQ(mode_of(rsa), 0644u);
}

TEST(init, keys_without_store_are_reused_never_replaced) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  auto first = init_issuer(opts(dir));
  ASSERT_OK(first);
  std::string ed = read_file(dir / "keys/ob3-ed25519.pem");
  std::string rsa = read_file(dir / "keys/ob2-rsa.pem");
  for (auto f : {"ecusson.db", "ecusson.db-wal", "ecusson.db-shm"}) fs::remove(dir / f);
  auto r = init_issuer(opts(dir));
  ASSERT_OK(r);
  EXPECT_EQ(r->outcome, InitOutcome::completed);
  EXPECT_EQ(r->issuer_id, first->issuer_id);
  EXPECT_FALSE(r->keys[0].generated);
  EXPECT_FALSE(r->keys[1].generated);
  EXPECT_EQ(read_file(dir / "keys/ob3-ed25519.pem"), ed);
  EXPECT_EQ(read_file(dir / "keys/ob2-rsa.pem"), rsa);
  auto store = store::open_sqlite_store({.path = dir / "ecusson.db"});
  EXPECT_EQ((*store)->list_keys(r->issuer_id)->size(), 2u);
}

TEST(init, one_key_present_the_other_is_created_beside_it) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  fs::create_directories(dir / "keys");
  auto ed = crypto::Key::generate(crypto::KeyType::ed25519);
  ASSERT_OK(ed->save_private_pem(dir / "keys/ob3-ed25519.pem"));
  auto r = init_issuer(opts(dir));
  ASSERT_OK(r);
  EXPECT_EQ(r->outcome, InitOutcome::completed);
  EXPECT_EQ(r->issuer_id, crypto::did_key(*ed).value());
  EXPECT_FALSE(r->keys[0].generated);
  EXPECT_TRUE(r->keys[1].generated);
}

TEST(init, store_naming_a_missing_key_is_an_error_and_nothing_is_generated) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  ASSERT_OK(init_issuer(opts(dir)));
  fs::remove(dir / "keys/ob3-ed25519.pem");
  auto r = init_issuer(opts(dir));
  EXPECT_ERROR(r, "issuance.key_missing");
  EXPECT_FALSE(fs::exists(dir / "keys/ob3-ed25519.pem"));
}

TEST(init, a_different_key_than_the_store_names_is_refused) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  ASSERT_OK(init_issuer(opts(dir)));
  fs::remove(dir / "keys/ob2-rsa.pem");
  auto other = crypto::Key::generate(crypto::KeyType::rsa2048);
  ASSERT_OK(other->save_private_pem(dir / "keys/ob2-rsa.pem"));
  EXPECT_ERROR(init_issuer(opts(dir)), "issuance.key_mismatch");
}

TEST(init, wrong_key_type_or_symlink_is_refused) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  fs::create_directories(dir / "keys");
  auto p256 = crypto::Key::generate(crypto::KeyType::p256);
  ASSERT_OK(p256->save_private_pem(tmp.path() / "p256.pem"));
  fs::copy_file(tmp.path() / "p256.pem", dir / "keys/ob3-ed25519.pem");
  ::chmod((dir / "keys/ob3-ed25519.pem").c_str(), 0600);
  EXPECT_ERROR(init_issuer(opts(dir)), "issuance.key_unreadable");
  fs::remove(dir / "keys/ob3-ed25519.pem");
  fs::create_symlink(tmp.path() / "p256.pem", dir / "keys/ob3-ed25519.pem");
  EXPECT_ERROR(init_issuer(opts(dir)), "issuance.key_not_file");
  EXPECT_FALSE(fs::exists(dir / "keys/ob2-rsa.pem"));
}

TEST(init, foreign_non_empty_directory_is_refused) {
  TempDir tmp;
  {
    std::ofstream(tmp.path() / "notes.txt") << "à moi";
  }
  auto r = init_issuer(opts(tmp.path()));
  EXPECT_ERROR(r, "issuance.foreign_dir");
  EXPECT_FALSE(fs::exists(tmp.path() / "keys"));
  EXPECT_FALSE(fs::exists(tmp.path() / "ecusson.db"));
}

TEST(init, empty_existing_directory_is_used) {
  TempDir tmp;
  auto r = init_issuer(opts(tmp.path()));
  ASSERT_OK(r);
  EXPECT_EQ(r->outcome, InitOutcome::created);
}

TEST(init, unwritable_location_is_a_clear_error) {
  InitOptions o = opts("/proc/ecusson-init-test/var");
  auto r = init_issuer(o);
  EXPECT_ERROR(r, "issuance.write");
  if (!r) {
    EXPECT_NE(r.error().message.find("impossible d'écrire"), std::string::npos);
  }
}

TEST(init, file_in_place_of_directory_is_refused) {
  TempDir tmp;
  {
    std::ofstream(tmp.path() / "var") << "x";
  }
  EXPECT_ERROR(init_issuer(opts(tmp.path() / "var")), "issuance.not_a_directory");
}

TEST(init, bad_profile_options_are_refused) {
  TempDir tmp;
  auto o = opts(tmp.path() / "var");
  o.email = "pas-une-adresse";
  EXPECT_ERROR(init_issuer(o), "issuance.bad_option");
  o = opts(tmp.path() / "var");
  o.issuer_url = "ml.example.fr";
  EXPECT_ERROR(init_issuer(o), "issuance.bad_option");
  o = opts(tmp.path() / "var");
  o.issuer_name = " ";
  EXPECT_ERROR(init_issuer(o), "issuance.bad_option");
  EXPECT_FALSE(fs::exists(tmp.path() / "var"));
}

TEST(init, revocation_list_is_never_reset) {
  TempDir tmp;
  fs::path dir = tmp.path() / "var";
  ASSERT_OK(init_issuer(opts(dir)));
  fs::path list = dir / "public/ob2/revocations.json";
  {
    std::ofstream(list, std::ios::trunc) << "{\"revoked\":\"kept\"}";
  }
  auto o = opts(dir);
  o.issuer_name = "Autre nom";
  ASSERT_OK(init_issuer(o));
  EXPECT_EQ(read_file(list), "{\"revoked\":\"kept\"}");
}

}  // namespace
}  // namespace ecusson::test
