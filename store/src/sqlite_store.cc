// Opening the SQLite store, its migrations, transactions, issuers and the catalogue.
#include "ecusson/store/sqlite_store.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

#include "ecusson/common/datetime.h"
#include "migrations.h"
#include "sqlite_store_impl.h"

namespace ecusson::store {
namespace detail {
namespace {

std::string now_utc() { return format_datetime(static_cast<std::int64_t>(std::time(nullptr))); }

}  // namespace

Error SqliteStore::not_found(std::string_view kind, const std::string& id) const {
  return store_error("store.not_found", db_.path(), {kind, id});
}

Result<void> SqliteStore::initialise(const SqliteOptions& options) {
  sqlite3_extended_result_codes(db_.handle(), 1);
  sqlite3_busy_timeout(db_.handle(), static_cast<int>(options.busy_timeout.count()));
  // SQLite silently falls back to read-only when the file cannot be written: say so now,
  // not at the first write (and before WAL needs a writable -shm file).
  if (!options.read_only && sqlite3_db_readonly(db_.handle(), "main") == 1)
    return store_error("store.readonly", db_.path(), {db_.path()});
  // The first read tells an SQLite file from anything else (SQLITE_NOTADB).
  if (auto r = db_.exec("SELECT count(*) FROM sqlite_master"); !r) {
    const Error& e = r.error();
    if (e.code == "store.corrupt" || e.code == "store.internal")
      return store_error("store.open", db_.path(), {db_.path(), e.message});
    return e;
  }
  ECUSSON_STORE_CHECK(db_.exec("PRAGMA foreign_keys = ON"));
  // A bulk issuance writes a few MB per transaction: with SQLite's 2 MB default cache, pages
  // spill to the WAL mid-transaction and are written again at commit. The cache is memory
  // used only as pages are touched.
  ECUSSON_STORE_CHECK(db_.exec("PRAGMA cache_size = -" +
                               std::to_string(std::max<std::size_t>(options.cache_bytes >> 10, 512))));
  // Reads through a memory map instead of one pread per page (documents span several).
  ECUSSON_STORE_CHECK(db_.exec("PRAGMA mmap_size = 268435456"));
  const auto known = migrations();
  const int latest = known.empty() ? 0 : known.back().version;

  if (options.read_only) {
    ECUSSON_STORE_ASSIGN(version, schema_version());
    if (version > latest)
      return store_error("store.schema_too_new", db_.path(),
                         {db_.path(), std::to_string(version), std::to_string(latest)});
    if (version < latest)
      return store_error("store.open", db_.path(),
                         {db_.path(), "schéma version " + std::to_string(version) +
                                          " à migrer : ouvrez-la une fois en écriture"});
    return {};
  }
  {
    ECUSSON_STORE_ASSIGN(st, db_.prepare("PRAGMA journal_mode = WAL"));
    ECUSSON_STORE_ASSIGN(row, st.step());
    if (!row || st.text(0) != "wal")
      return store_error("store.open", db_.path(),
                         {db_.path(), "le mode WAL est indisponible (" +
                                          (row ? st.text(0) : std::string("?")) + ")"});
  }

  return write([&]() -> Result<void> {
    ECUSSON_STORE_CHECK(db_.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"));
    std::map<int, std::string> applied;  // version -> checksum
    {
      ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT version, checksum FROM schema_migrations"));
      for (;;) {
        ECUSSON_STORE_ASSIGN(row, st.step());
        if (!row) break;
        applied[static_cast<int>(st.integer(0))] = st.text(1);
      }
    }
    if (!applied.empty() && applied.rbegin()->first > latest)
      return store_error("store.schema_too_new", db_.path(),
                         {db_.path(), std::to_string(applied.rbegin()->first),
                          std::to_string(latest)});
    for (const Migration& m : known) {
      auto it = applied.find(m.version);
      if (it != applied.end()) {
        if (it->second != checksum(m.sql))
          return store_error("store.schema_changed", db_.path(),
                             {db_.path(), std::to_string(m.version)});
        continue;
      }
      ECUSSON_STORE_CHECK(db_.exec(m.sql));
      ECUSSON_STORE_ASSIGN(ins, db_.prepare("INSERT INTO schema_migrations"
                                            " (version, name, checksum, applied_at)"
                                            " VALUES (?1, ?2, ?3, ?4)"));
      ins.bind(1, m.version).bind(2, m.name).bind(3, checksum(m.sql)).bind(4, now_utc());
      ECUSSON_STORE_CHECK(ins.run());
    }
    return {};
  });
}

Result<void> SqliteStore::transact(const std::function<Result<void>(Store&)>& work) {
  auto tx = Transaction::begin(db_, true);
  if (!tx) return tx.error();
  Result<void> r = work(*this);  // an exception unwinds through tx: rolled back
  if (!r) return r;
  return tx->commit();
}

Result<int> SqliteStore::schema_version() {
  ECUSSON_STORE_ASSIGN(exists, db_.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                                           " AND name = 'schema_migrations'"));
  ECUSSON_STORE_ASSIGN(has, exists.step());
  if (!has) return 0;
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations"));
  ECUSSON_STORE_ASSIGN(row, st.step());
  return row ? static_cast<int>(st.integer(0)) : 0;
}

// --- Issuers and keys ------------------------------------------------------------------------

namespace {

IssuerProfile read_issuer(const Statement& st) {
  return {st.text(0), st.text(1), st.text(2), st.text(3),
          st.text(4), st.text(5), st.text(6), st.text(7)};
}
constexpr std::string_view kIssuerColumns =
    "id, name, url, email, base_url, profile_json, created_at, updated_at";

KeyRef read_key(const Statement& st) {
  return {st.text(0), st.text(1), st.text(2), st.text(3),
          st.text(4), st.text(5), st.optional_text(6)};
}
constexpr std::string_view kKeyColumns =
    "id, issuer_id, algorithm, private_key_path, public_key, created_at, retired_at";

}  // namespace

Result<void> SqliteStore::put_issuer(const IssuerProfile& i) {
  return write([&]() -> Result<void> {
    ECUSSON_STORE_ASSIGN(st, db_.prepare(
        "INSERT INTO issuers (id, name, url, email, base_url, profile_json, created_at,"
        " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        " ON CONFLICT (id) DO UPDATE SET name = excluded.name, url = excluded.url,"
        " email = excluded.email, base_url = excluded.base_url,"
        " profile_json = excluded.profile_json, updated_at = excluded.updated_at"));
    st.bind(1, i.id).bind(2, i.name).bind(3, i.url).bind(4, i.email).bind(5, i.base_url);
    st.bind(6, i.profile_json).bind(7, i.created_at).bind(8, i.updated_at);
    return st.run();
  });
}

Result<IssuerProfile> SqliteStore::get_issuer(const std::string& id) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kIssuerColumns) +
                                       " FROM issuers WHERE id = ?1"));
  st.bind(1, id);
  ECUSSON_STORE_ASSIGN(row, st.step());
  if (!row) return not_found("émetteur", id);
  return read_issuer(st);
}

Result<std::vector<IssuerProfile>> SqliteStore::list_issuers() {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kIssuerColumns) +
                                       " FROM issuers ORDER BY id"));
  std::vector<IssuerProfile> out;
  for (;;) {
    ECUSSON_STORE_ASSIGN(row, st.step());
    if (!row) return out;
    out.push_back(read_issuer(st));
  }
}

Result<void> SqliteStore::add_key(const KeyRef& k) {
  return write([&]() -> Result<void> {
    ECUSSON_STORE_ASSIGN(st, db_.prepare("INSERT INTO issuer_keys (" + std::string(kKeyColumns) +
                                         ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    st.bind(1, k.id).bind(2, k.issuer_id).bind(3, k.algorithm).bind(4, k.private_key_path);
    st.bind(5, k.public_key).bind(6, k.created_at).bind(7, k.retired_at);
    return st.run();
  });
}

Result<void> SqliteStore::retire_key(const std::string& key_id, const std::string& at) {
  return write([&]() -> Result<void> {
    ECUSSON_STORE_ASSIGN(st, db_.prepare("UPDATE issuer_keys SET retired_at = ?2 WHERE id = ?1"));
    st.bind(1, key_id).bind(2, at);
    ECUSSON_STORE_CHECK(st.run());
    if (db_.changes() == 0) return not_found("clé", key_id);
    return {};
  });
}

Result<std::vector<KeyRef>> SqliteStore::list_keys(const std::string& issuer_id) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kKeyColumns) +
                                       " FROM issuer_keys WHERE issuer_id = ?1"
                                       " ORDER BY created_at, rowid"));
  st.bind(1, issuer_id);
  std::vector<KeyRef> out;
  for (;;) {
    ECUSSON_STORE_ASSIGN(row, st.step());
    if (!row) return out;
    out.push_back(read_key(st));
  }
}

// --- Catalogue -------------------------------------------------------------------------------

namespace {

constexpr std::string_view kAchievementColumns =
    "id, grid_id, grid_version, competence_id, level, name, document, created_at";

Achievement read_achievement(const Statement& st) {
  return {st.text(0), st.text(1), st.text(2), st.text(3), static_cast<int>(st.integer(4)),
          st.text(5), st.text(6), st.text(7)};
}

}  // namespace

Result<Achievement> SqliteStore::put_achievement(const Achievement& a) {
  return write([&]() -> Result<Achievement> {
    ECUSSON_STORE_ASSIGN(existing,
                         find_achievement(a.grid_id, a.grid_version, a.competence_id, a.level));
    if (existing) return *existing;
    ECUSSON_STORE_ASSIGN(st, db_.prepare("INSERT INTO achievements (" +
                                         std::string(kAchievementColumns) +
                                         ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
    st.bind(1, a.id).bind(2, a.grid_id).bind(3, a.grid_version).bind(4, a.competence_id);
    st.bind(5, a.level).bind(6, a.name).bind(7, a.document).bind(8, a.created_at);
    ECUSSON_STORE_CHECK(st.run());
    return a;
  });
}

Result<Achievement> SqliteStore::get_achievement(const std::string& id) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kAchievementColumns) +
                                       " FROM achievements WHERE id = ?1"));
  st.bind(1, id);
  ECUSSON_STORE_ASSIGN(row, st.step());
  if (!row) return not_found("réalisation (achievement)", id);
  return read_achievement(st);
}

Result<std::optional<Achievement>> SqliteStore::find_achievement(const std::string& grid_id,
                                                                 const std::string& grid_version,
                                                                 const std::string& competence_id,
                                                                 int level) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kAchievementColumns) +
                                       " FROM achievements WHERE grid_id = ?1 AND"
                                       " grid_version = ?2 AND competence_id = ?3 AND level = ?4"));
  st.bind(1, grid_id).bind(2, grid_version).bind(3, competence_id).bind(4, level);
  ECUSSON_STORE_ASSIGN(row, st.step());
  if (!row) return std::optional<Achievement>();
  return std::optional<Achievement>(read_achievement(st));
}

Result<std::vector<Achievement>> SqliteStore::list_achievements(const std::string& grid_id,
                                                                const std::string& grid_version) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kAchievementColumns) +
                                       " FROM achievements WHERE grid_id = ?1 AND"
                                       " grid_version = ?2 ORDER BY competence_id, level"));
  st.bind(1, grid_id).bind(2, grid_version);
  std::vector<Achievement> out;
  for (;;) {
    ECUSSON_STORE_ASSIGN(row, st.step());
    if (!row) return out;
    out.push_back(read_achievement(st));
  }
}

}  // namespace detail

// --- Opening -----------------------------------------------------------------------------------

int sqlite_schema_version() {
  auto m = detail::migrations();
  return m.empty() ? 0 : m.back().version;
}

Result<std::unique_ptr<Store>> open_sqlite_store(const SqliteOptions& options) {
  const std::string path = options.path.string();
  if (path.empty()) return detail::store_error("store.open", path, {path, "chemin vide"});
  if (!options.read_only && options.path.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(options.path.parent_path(), ec);
    if (ec)
      return detail::store_error("store.open", path,
                                 {path, "impossible de créer le dossier " +
                                            options.path.parent_path().string() + " (" +
                                            ec.message() + ")"});
  }
  if (options.read_only && !std::filesystem::exists(options.path))
    return detail::store_error("store.open", path, {path, "fichier introuvable"});
  if (!options.read_only && !std::filesystem::exists(options.path)) {
    // The store holds participants' identities (design §5): a new file is readable by its
    // owner only. SQLite gives the -wal and -shm files the database file's mode.
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);
  }
  sqlite3* h = nullptr;
  int flags = options.read_only ? SQLITE_OPEN_READONLY
                                : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &h, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = h ? sqlite3_errmsg(h) : sqlite3_errstr(rc);
    sqlite3_close_v2(h);
    return detail::store_error("store.open", path, {path, detail});
  }
  auto store = std::make_unique<detail::SqliteStore>(detail::Db(h, path));
  if (auto r = store->initialise(options); !r) return r.error();
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace ecusson::store
