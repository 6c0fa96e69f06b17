// init_issuer(): see ecusson/issuance/init.h for the layout and the rules.
#include "ecusson/issuance/init.h"

#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include <boost/json.hpp>

#include "ecusson/common/atomic_file.h"
#include "ecusson/common/datetime.h"
#include "ecusson/crypto/did.h"
#include "ecusson/crypto/jwk.h"
#include "ecusson/crypto/key.h"
#include "ecusson/issuance/base_url.h"
#include "ecusson/issuance/messages.h"
#include "ecusson/ob2/documents.h"
#include "ecusson/ob2/issue.h"
#include "ecusson/store/sqlite_store.h"
#include "ecusson/issuance/participants.h"
#include "key_files.h"

namespace ecusson::issuance {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

constexpr const char* kStoreFile = "ecusson.db";
constexpr const char* kKeysDir = "keys";
constexpr const char* kPublicDir = "public";

// One of the two keys init manages.
struct Slot {
  const char* role;        // "ob3" | "ob2"
  const char* file;        // under DIR/keys
  crypto::KeyType type;
  const char* algorithm;   // KeyRef::algorithm
};
constexpr Slot kSlots[] = {
    {"ob3", "ob3-ed25519.pem", crypto::KeyType::ed25519, "Ed25519"},
    {"ob2", "ob2-rsa.pem", crypto::KeyType::rsa2048, "RS256"},
};

std::string now_utc() {
  auto s = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return format_datetime(s.count());
}

Error write_error(const fs::path& p, std::string_view why, Lang lang) {
  return make_error("issuance.write", p.string(), lang, {p.string(), why});
}

Error store_error(const fs::path& db, const Error& e, Lang lang) {
  return make_error("issuance.store", e.where.empty() ? db.string() : e.where, lang,
                    {db.string(), e.message + " [" + e.code + "]"});
}

// Creates `dir` (and parents) with `mode` for the last component when missing.
Result<void> ensure_dir(const fs::path& dir, unsigned mode, Lang lang) {
  std::error_code ec;
  auto st = fs::symlink_status(dir, ec);
  if (!ec && fs::exists(st)) {
    if (!fs::is_directory(st))
      return make_error("issuance.not_a_directory", dir.string(), lang, {dir.string()});
    return {};
  }
  if (dir.has_parent_path() && !dir.parent_path().empty()) {
    fs::create_directories(dir.parent_path(), ec);
    if (ec) return write_error(dir.parent_path(), ec.message(), lang);
  }
  if (::mkdir(dir.c_str(), mode) != 0 && errno != EEXIST)
    return write_error(dir, std::strerror(errno), lang);
  ::chmod(dir.c_str(), mode);  // the umask may have narrowed it further; never widen others
  return {};
}

// Writes `bytes` to `path` through a temporary renamed into place, unless the file
// already holds exactly those bytes. Returns true when it wrote.
Result<bool> write_if_changed(const fs::path& path, const std::string& bytes, Lang lang) {
  {
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::ostringstream ss;
      ss << in.rdbuf();
      if (ss.str() == bytes) return false;
    }
  }
  if (auto written = replace_file(path, bytes); !written)
    return write_error(written.error().where, written.error().message, lang);
  return true;
}

std::string pretty(const json::value& v) { return json::serialize(v) + "\n"; }

// The entries of DIR that init may find there (a directory holding anything else and no
// store nor keys is someone else's).
bool is_ours(const std::string& name) {
  return name == kStoreFile || name == "ecusson.db-wal" || name == "ecusson.db-shm" ||
         name == "ecusson.db-journal" || name == kKeysDir || name == kPublicDir;
}

// The URL path of the base URL as a relative file path under public/.
fs::path url_path_to_file(std::string_view url_path) {
  fs::path p;
  while (!url_path.empty()) {
    url_path.remove_prefix(1);
    auto seg = url_path.substr(0, url_path.find('/'));
    p /= std::string(seg);
    url_path.remove_prefix(seg.size());
  }
  return p;
}

Result<void> check_profile_options(const InitOptions& o) {
  if (o.issuer_name && o.issuer_name->find_first_not_of(" \t") == std::string::npos)
    return make_error("issuance.bad_option", "--issuer-name", o.lang,
                      {"issuer-name", tr(o.lang, "le nom ne peut pas être vide",
                                         "the name cannot be empty")});
  if (o.issuer_url && !o.issuer_url->empty() && !o.issuer_url->starts_with("https://") &&
      !o.issuer_url->starts_with("http://"))
    return make_error("issuance.bad_option", "--issuer-url", o.lang,
                      {"issuer-url", tr(o.lang, "une URL http(s):// est attendue",
                                        "an http(s):// URL is expected")});
  if (o.email && !o.email->empty() && !plausible_email(*o.email))
    return make_error("issuance.bad_option", "--email", o.lang,
                      {"email", tr(o.lang, "adresse e-mail invalide", "invalid e-mail address")});
  return {};
}

json::object ob3_profile(const store::IssuerProfile& p) {
  json::object o;
  o["id"] = p.id;
  o["type"] = json::array{"Profile"};
  o["name"] = p.name;
  if (!p.url.empty()) o["url"] = p.url;
  if (!p.email.empty()) o["email"] = p.email;
  return o;
}

}  // namespace

const char* to_string(InitOutcome o) {
  switch (o) {
    case InitOutcome::created: return "created";
    case InitOutcome::completed: return "completed";
    case InitOutcome::updated: return "updated";
    case InitOutcome::unchanged: return "unchanged";
  }
  return "?";
}

Result<InitReport> init_issuer(const InitOptions& options) {
  const Lang lang = options.lang;
  const fs::path dir = options.dir.empty() ? fs::path("var") : options.dir;
  const fs::path db_path = dir / kStoreFile;
  const fs::path keys_dir = dir / kKeysDir;
  const fs::path public_dir = dir / kPublicDir;

  // 1. Everything the caller gave is checked before anything is touched.
  std::optional<BaseUrl> asked_base;
  if (options.base_url) {
    auto b = parse_base_url(*options.base_url, lang);
    if (!b) return b.error();
    asked_base = *b;
  }
  if (auto c = check_profile_options(options); !c) return c.error();

  // 2. What the directory holds.
  std::error_code ec;
  auto dir_status = fs::status(dir, ec);
  const bool dir_exists = !ec && fs::exists(dir_status);
  if (dir_exists && !fs::is_directory(dir_status))
    return make_error("issuance.not_a_directory", dir.string(), lang, {dir.string()});
  const bool has_store = fs::exists(db_path, ec);
  const bool has_keys_dir = fs::exists(keys_dir, ec);
  if (dir_exists && !has_store && !has_keys_dir) {
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (!is_ours(entry.path().filename().string()))
        return make_error("issuance.foreign_dir", dir.string(), lang, {dir.string()});
    if (ec) return write_error(dir, ec.message(), lang);
  }

  // 3. The existing store, if any: its issuer and key references.
  std::unique_ptr<store::Store> db;
  std::optional<store::IssuerProfile> existing;
  std::vector<store::KeyRef> refs;
  if (has_store) {
    auto opened = store::open_sqlite_store({.path = db_path});
    if (!opened) return store_error(db_path, opened.error(), lang);
    db = std::move(*opened);
    auto issuers = db->list_issuers();
    if (!issuers) return store_error(db_path, issuers.error(), lang);
    if (issuers->size() > 1)
      return make_error("issuance.several_issuers", db_path.string(), lang, {db_path.string()});
    if (!issuers->empty()) {
      existing = issuers->front();
      auto k = db->list_keys(existing->id);
      if (!k) return store_error(db_path, k.error(), lang);
      refs = std::move(*k);
    }
  }

  // The base URL: fixed once recorded.
  BaseUrl base;
  if (existing && !existing->base_url.empty()) {
    auto recorded = parse_base_url(existing->base_url, lang);
    if (!recorded) return recorded.error();
    base = *recorded;
    if (asked_base && asked_base->url != base.url)
      return make_error("issuance.base_url_changed", dir.string(), lang,
                        {base.url, existing->id, asked_base->url});
  } else if (asked_base) {
    base = *asked_base;
  } else {
    base = *parse_base_url(kDefaultBaseUrl, lang);
  }
  std::string did_web;
  if (base.scheme == "https") {
    auto d = crypto::did_web_from_url(base.url);
    if (!d) return make_error("issuance.bad_base_url", base.url, lang, {base.url});
    did_web = *d;
  }

  // 4. Keys: check every existing one before creating anything.
  struct Held {
    crypto::Key key;
    const store::KeyRef* ref = nullptr;
    bool exists = false;
    bool generated = false;
  };
  Held held[2];
  for (int i = 0; i < 2; ++i) {
    const Slot& slot = kSlots[i];
    const fs::path rel = fs::path(kKeysDir) / slot.file;
    const fs::path path = dir / rel;
    for (const auto& r : refs)
      if (r.private_key_path == rel.string() && !r.retired_at) held[i].ref = &r;
    struct stat st {};
    held[i].exists = ::lstat(path.c_str(), &st) == 0;
    if (held[i].exists) {
      auto k = detail::load_private_key_file(path, slot.type, lang);
      if (!k) return k.error();
      held[i].key = std::move(*k);
      if (held[i].ref) {
        auto recorded = crypto::key_from_jwk_json(held[i].ref->public_key);
        if (!recorded || !recorded->same_public(held[i].key))
          return make_error("issuance.key_mismatch", path.string(), lang,
                            {path.string(), held[i].ref->id});
      }
    } else if (held[i].ref) {
      return make_error("issuance.key_missing", path.string(), lang,
                        {path.string(), held[i].ref->id});
    }
  }

  // The issuer id, from the (existing or future) Ed25519 key or the base URL.
  if (auto d = ensure_dir(dir, 0755, lang); !d) return d.error();
  if (auto d = ensure_dir(keys_dir, 0700, lang); !d) return d.error();
  for (int i = 0; i < 2; ++i) {
    if (held[i].exists) continue;
    auto k = crypto::Key::generate(kSlots[i].type);
    if (!k) return k.error();
    const fs::path path = keys_dir / kSlots[i].file;
    if (auto saved = k->save_private_pem(path); !saved)
      return write_error(path, saved.error().message, lang);
    held[i].key = std::move(*k);
    held[i].generated = true;
  }
  const crypto::Key& ed = held[0].key;
  const crypto::Key& rsa = held[1].key;

  std::string issuer_id, ed_id;
  if (!did_web.empty()) {
    issuer_id = did_web;
    ed_id = did_web + "#key-1";
  } else {
    auto d = crypto::did_key(ed);
    auto vm = crypto::did_key_verification_method(ed);
    if (!d || !vm) return (!d ? d.error() : vm.error());
    issuer_id = *d;
    ed_id = *vm;
  }
  if (existing && existing->id != issuer_id)
    return make_error("issuance.key_mismatch", (keys_dir / kSlots[0].file).string(), lang,
                      {(keys_dir / kSlots[0].file).string(), existing->id});
  const std::string ob2_base = base.url + "/ob2";
  const ob2::Ob2Urls ob2_urls = ob2::ob2_urls(ob2_base);
  const std::string key_ids[2] = {held[0].ref ? held[0].ref->id : ed_id,
                                  held[1].ref ? held[1].ref->id : ob2_urls.key};

  // 5. The profile: the stored one, with the fields given.
  const std::string at = now_utc();
  InitReport report;
  store::IssuerProfile profile;
  if (existing) {
    profile = *existing;
  } else {
    profile.id = issuer_id;
    profile.name = options.issuer_name.value_or(std::string(kDefaultIssuerName));
    profile.url = options.issuer_url.value_or("");
    profile.email = options.email.value_or("");
    profile.base_url = base.url;
    profile.created_at = at;
  }
  json::object changes;
  auto apply = [&](const char* field, std::string& current,
                   const std::optional<std::string>& given) {
    if (!existing || !given || *given == current) return;
    changes[field] = json::object{{"from", current}, {"to", *given}};
    report.updated_fields.push_back(field);
    current = *given;
  };
  apply("name", profile.name, options.issuer_name);
  apply("url", profile.url, options.issuer_url);
  apply("email", profile.email, options.email);
  if (profile.base_url.empty()) profile.base_url = base.url;
  profile.profile_json = json::serialize(ob3_profile(profile));
  const bool profile_changed = !existing || !report.updated_fields.empty() ||
                               existing->base_url != profile.base_url ||
                               existing->profile_json != profile.profile_json;
  if (profile_changed) profile.updated_at = at;

  // 6. The store: profile, key references, audit, in one transaction.
  if (!db) {
    auto opened = store::open_sqlite_store({.path = db_path});
    if (!opened) return store_error(db_path, opened.error(), lang);
    db = std::move(*opened);
  }
  bool recorded_keys = false;
  auto tx = db->transact([&](store::Store& s) -> Result<void> {
    if (profile_changed)
      if (auto r = s.put_issuer(profile); !r) return r.error();
    json::array new_keys;
    for (int i = 0; i < 2; ++i) {
      if (held[i].ref) continue;
      store::KeyRef k;
      k.id = key_ids[i];
      k.issuer_id = issuer_id;
      k.algorithm = kSlots[i].algorithm;
      k.private_key_path = (fs::path(kKeysDir) / kSlots[i].file).string();
      k.public_key = crypto::public_jwk_json(held[i].key);
      k.created_at = at;
      if (auto r = s.add_key(k); !r) return r.error();
      new_keys.push_back(json::object{{"id", k.id},
                                      {"algorithm", k.algorithm},
                                      {"path", k.private_key_path},
                                      {"generated", held[i].generated}});
      recorded_keys = true;
    }
    if (!existing || recorded_keys) {
      json::object detail{{"issuer", issuer_id}, {"base_url", base.url}, {"keys", new_keys}};
      if (!existing) {
        detail["name"] = profile.name;
        detail["url"] = profile.url;
        detail["email"] = profile.email;
      }
      store::AuditEntry e{.at = at,
                          .actor = options.actor,
                          .action = existing ? "issuer.keys_recorded" : "issuer.init",
                          .subject = "issuer:" + issuer_id,
                          .detail = json::serialize(detail)};
      if (auto r = s.append_audit(e); !r) return r.error();
    }
    if (!changes.empty()) {
      store::AuditEntry e{.at = at,
                          .actor = options.actor,
                          .action = "issuer.update",
                          .subject = "issuer:" + issuer_id,
                          .detail = json::serialize(changes)};
      if (auto r = s.append_audit(e); !r) return r.error();
    }
    return {};
  });
  if (!tx) return store_error(db_path, tx.error(), lang);

  // 7. The public documents, derived from the store and the keys.
  const fs::path base_dir = public_dir / url_path_to_file(base.path);
  const std::string origin =
      base.scheme + "://" + base.host + (base.port.empty() ? "" : ":" + base.port);
  auto publish = [&](const fs::path& path, const std::string& bytes) -> Result<void> {
    auto w = write_if_changed(path, bytes, lang);
    if (!w) return w.error();
    if (*w) report.published.push_back(path);
    return {};
  };
  json::object jwks = crypto::jwk_set({{key_ids[0], &ed}, {key_ids[1], &rsa}});
  if (auto r = publish(public_dir / ".well-known" / "jwks.json", pretty(jwks)); !r)
    return r.error();
  report.jwks_url = origin + "/.well-known/jwks.json";
  if (!did_web.empty()) {
    // did:web §3.2: a bare host serves /.well-known/did.json, a path serves <path>/did.json.
    auto url = crypto::did_web_document_url(did_web);
    if (!url) return url.error();
    report.did_document_url = *url;
    const fs::path doc_path =
        base.path.empty() ? public_dir / ".well-known" / "did.json" : base_dir / "did.json";
    std::string fragment = key_ids[0].substr(key_ids[0].find('#') + 1);
    json::object doc = crypto::did_document(
        did_web, {{fragment, &ed, crypto::VerificationMethodFormat::multikey}});
    if (auto r = publish(doc_path, pretty(doc)); !r) return r.error();
  }
  if (!profile.url.empty() && !profile.email.empty()) {
    ob2::Ob2Issuer issuer;
    issuer.id = ob2_urls.issuer;
    issuer.name = profile.name;
    issuer.url = profile.url;
    issuer.email = profile.email;
    issuer.public_keys = {ob2_urls.key};
    issuer.revocation_list = ob2_urls.revocation_list;
    const fs::path ob2_dir = base_dir / "ob2";
    if (auto r = publish(ob2_dir / "issuer.json", pretty(ob2::to_json(issuer))); !r)
      return r.error();
    ob2::Ob2CryptographicKey key{ob2_urls.key, ob2_urls.issuer, rsa.public_pem()};
    if (auto r = publish(ob2_dir / "keys" / "1.json", pretty(ob2::to_json(key))); !r)
      return r.error();
    // The revocation list grows with revocations: written once, never reset here.
    if (!fs::exists(ob2_dir / "revocations.json", ec)) {
      ob2::Ob2RevocationList list{ob2_urls.revocation_list, ob2_urls.issuer, {}};
      if (auto r = publish(ob2_dir / "revocations.json", pretty(ob2::to_json(list))); !r)
        return r.error();
    }
    report.ob2_issuer_url = ob2_urls.issuer;
  } else {
    report.notes.push_back(std::string(
        tr(lang,
           "profil OB 2.0 non publié : il exige --issuer-url et --email (relancez init avec "
           "ces options)",
           "OB 2.0 profile not published: it needs --issuer-url and --email (run init "
           "again with them)")));
  }
  if (!existing && !options.issuer_name)
    report.notes.push_back(std::string(
        tr(lang, "nom d'émetteur par défaut : donnez le vôtre avec --issuer-name",
           "default issuer name: give yours with --issuer-name")));

  // 8. The report.
  bool any_generated = held[0].generated || held[1].generated;
  bool all_generated = held[0].generated && held[1].generated;
  if (!existing && all_generated) report.outcome = InitOutcome::created;
  else if (!existing || recorded_keys || any_generated) report.outcome = InitOutcome::completed;
  else if (!report.updated_fields.empty()) report.outcome = InitOutcome::updated;
  else report.outcome = InitOutcome::unchanged;
  report.dir = dir;
  report.store_path = db_path;
  report.issuer_id = issuer_id;
  report.did_method = did_web.empty() ? "key" : "web";
  report.name = profile.name;
  report.url = profile.url;
  report.email = profile.email;
  report.base_url = base.url;
  for (int i = 0; i < 2; ++i)
    report.keys.push_back(InitKey{kSlots[i].role, key_ids[i], kSlots[i].algorithm,
                                  keys_dir / kSlots[i].file,
                                  crypto::public_jwk_json(held[i].key), held[i].generated});
  return report;
}

}  // namespace ecusson::issuance
