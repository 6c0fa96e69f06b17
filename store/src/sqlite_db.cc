#include "sqlite_db.h"

#include <cerrno>
#include <string>

#include "ecusson/store/messages.h"

namespace ecusson::store::detail {

Error store_error(std::string_view code, const std::string& where,
                  std::initializer_list<std::string_view> args) {
  return make_error(code, where, args);
}

// --- Statement ---------------------------------------------------------------------------

Statement& Statement::bind(int i, std::string_view text) {
  sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind(int i, std::int64_t value) {
  sqlite3_bind_int64(stmt_, i, value);
  return *this;
}
Statement& Statement::bind(int i, const std::optional<std::string>& text) {
  return text ? bind(i, std::string_view(*text)) : bind_null(i);
}
Statement& Statement::bind(int i, const std::optional<int>& value) {
  return value ? bind(i, static_cast<std::int64_t>(*value)) : bind_null(i);
}
Statement& Statement::bind_blob(int i, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, i, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind_null(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Result<bool> Statement::step() {
  errno = 0;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const int os_errno = errno;  // SQLite may forget it while rolling back
  // sqlite3_step's extended code is the connection's latest.
  Error e = db_->error(sqlite3_extended_errcode(db_->handle()), sqlite3_sql(stmt_), os_errno);
  sqlite3_reset(stmt_);
  return e;
}

Result<void> Statement::run() {
  for (;;) {
    auto r = step();
    if (!r) return r.error();
    if (!*r) return {};
  }
}

std::string Statement::text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}
std::optional<std::string> Statement::optional_text(int col) const {
  if (sqlite3_column_type(stmt_, col) == SQLITE_NULL) return std::nullopt;
  return text(col);
}
std::int64_t Statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }
std::optional<int> Statement::optional_int(int col) const {
  if (sqlite3_column_type(stmt_, col) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int(stmt_, col);
}
std::string Statement::blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  return p ? std::string(static_cast<const char*>(p),
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}

// --- Db ------------------------------------------------------------------------------------

Statement::~Statement() {
  if (!stmt_) return;
  if (pool_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    pool_->push_back(stmt_);
  } else {
    sqlite3_finalize(stmt_);
  }
}

Db::~Db() {
  for (auto& [sql, pool] : cache_)
    for (sqlite3_stmt* st : pool) sqlite3_finalize(st);
  sqlite3_close_v2(h_);
}

Result<Statement> Db::prepare(std::string_view sql) {
  auto& pool = cache_[std::string(sql)];
  if (!pool.empty()) {
    sqlite3_stmt* stmt = pool.back();
    pool.pop_back();
    return Statement(*this, stmt, &pool);
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(h_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return error(sqlite3_extended_errcode(h_), sql);
  }
  return Statement(*this, stmt, &pool);
}

Result<void> Db::run(std::string_view sql) {
  auto st = prepare(sql);
  if (!st) return st.error();
  return st->run();
}

Result<void> Db::exec(std::string_view sql) {
  std::string s(sql);
  char* msg = nullptr;
  errno = 0;
  int rc = sqlite3_exec(h_, s.c_str(), nullptr, nullptr, &msg);
  const int os_errno = errno;
  sqlite3_free(msg);
  if (rc != SQLITE_OK) return error(sqlite3_extended_errcode(h_), sql, os_errno);
  return {};
}

Error Db::error(int rc, std::string_view context, int os_errno) const {
  std::string detail = h_ ? sqlite3_errmsg(h_) : sqlite3_errstr(rc);
  (void)context;  // SQL text is for developers; kept out of the user's message
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return store_error("store.busy", path_, {path_});
    case SQLITE_CONSTRAINT:
      return store_error("store.constraint", path_, {detail});
    case SQLITE_READONLY:
      return store_error("store.readonly", path_, {path_});
    case SQLITE_FULL:
      return store_error("store.full", path_, {path_});
    case SQLITE_NOTADB:
    case SQLITE_CANTOPEN:
      return store_error("store.open", path_, {path_, detail});
    case SQLITE_CORRUPT:
      return store_error("store.corrupt", path_, {path_, detail});
    case SQLITE_IOERR: {
      // A write refused for lack of room (no space, file size limit, quota) is "full".
      int err = h_ ? sqlite3_system_errno(h_) : 0;
      if (err == 0) err = os_errno;
      if (err == ENOSPC || err == EFBIG || err == EDQUOT)
        return store_error("store.full", path_, {path_});
      return store_error("store.io", path_, {path_, detail});
    }
    default:
      return store_error("store.internal", path_, {detail});
  }
}

// --- Transaction ---------------------------------------------------------------------------

Result<Transaction> Transaction::begin(Db& db, bool write) {
  int level = db.depth_ + 1;
  Result<void> r = level == 1 ? db.run(write ? "BEGIN IMMEDIATE" : "BEGIN")
                              : db.run("SAVEPOINT s" + std::to_string(level));
  if (!r) return r.error();
  db.depth_ = level;
  return Transaction(db, level);
}

Result<void> Transaction::commit() {
  if (done_) return {};
  Result<void> r = level_ == 1 ? db_->run("COMMIT")
                               : db_->run("RELEASE s" + std::to_string(level_));
  if (!r) {
    rollback();
    return r.error();
  }
  done_ = true;
  db_->depth_ = level_ - 1;
  return {};
}

void Transaction::rollback() noexcept {
  if (done_) return;
  done_ = true;
  if (level_ == 1) {
    // After some errors (SQLITE_FULL, IOERR) SQLite has already rolled back: ignore.
    sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  } else {
    std::string s = "ROLLBACK TO s" + std::to_string(level_) + "; RELEASE s" +
                    std::to_string(level_);
    sqlite3_exec(db_->handle(), s.c_str(), nullptr, nullptr, nullptr);
  }
  db_->depth_ = level_ - 1;
}

Transaction::~Transaction() { rollback(); }

}  // namespace ecusson::store::detail
