// Thin RAII wrappers over the SQLite C API, private to store/: a connection, prepared
// statements, the mapping of SQLite result codes onto "store.*" Errors, and a transaction
// guard that rolls back unless committed. Not thread-safe (one per connection).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>
#include <string_view>

#include "ecusson/result.h"

namespace ecusson::store::detail {

class Db;

/// A prepared statement. Move-only; finalized by the destructor.
class Statement {
 public:
  /// `pool` (may be null) is where the statement goes back when this object is destroyed.
  Statement(Db& db, sqlite3_stmt* stmt, std::vector<sqlite3_stmt*>* pool = nullptr)
      : db_(&db), stmt_(stmt), pool_(pool) {}
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_), pool_(o.pool_) {
    o.stmt_ = nullptr;
  }
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  // Binding (1-based, like SQLite). Returns *this for chaining.
  Statement& bind(int i, std::string_view text);
  Statement& bind(int i, const char* text) { return bind(i, std::string_view(text)); }
  Statement& bind(int i, const std::string& text) { return bind(i, std::string_view(text)); }
  Statement& bind(int i, std::int64_t value);
  Statement& bind(int i, int value) { return bind(i, static_cast<std::int64_t>(value)); }
  Statement& bind(int i, const std::optional<std::string>& text);
  Statement& bind(int i, const std::optional<int>& value);
  Statement& bind_blob(int i, std::string_view bytes);
  Statement& bind_null(int i);

  /// One step: true when a row is available, false when done.
  [[nodiscard]] Result<bool> step();
  /// Steps to completion (for statements that return no rows).
  [[nodiscard]] Result<void> run();
  /// Makes the statement ready to run again (bindings are kept until rebound).
  Result<void> reset() {
    sqlite3_reset(stmt_);
    return {};
  }

  std::string text(int col) const;
  std::optional<std::string> optional_text(int col) const;
  std::int64_t integer(int col) const;
  std::optional<int> optional_int(int col) const;
  std::string blob(int col) const;

 private:
  Db* db_;
  sqlite3_stmt* stmt_;
  std::vector<sqlite3_stmt*>* pool_;
};

/// An open connection. Move-only; closed by the destructor.
class Db {
 public:
  Db() = default;
  explicit Db(sqlite3* h, std::string path) : h_(h), path_(std::move(path)) {}
  Db(Db&& o) noexcept
      : depth_(o.depth_), h_(o.h_), path_(std::move(o.path_)), cache_(std::move(o.cache_)) {
    o.h_ = nullptr;
  }
  Db& operator=(Db&&) = delete;
  Db(const Db&) = delete;
  ~Db();

  sqlite3* handle() const { return h_; }
  const std::string& path() const { return path_; }

  /// A statement for `sql`, taken from this connection's cache when one is free (parsing
  /// the same SQL again for every call of a repository method costs more than running it).
  [[nodiscard]] Result<Statement> prepare(std::string_view sql);
  /// Rows changed by the latest INSERT/UPDATE/DELETE.
  int changes() const { return sqlite3_changes(h_); }
  /// Runs one statement without parameters through the statement cache (transaction
  /// control: BEGIN, SAVEPOINT, RELEASE, COMMIT run for every repository call).
  [[nodiscard]] Result<void> run(std::string_view sql);
  /// Runs one or more statements without parameters.
  [[nodiscard]] Result<void> exec(std::string_view sql);

  /// The Error for SQLite result `rc` on this connection; `context` says what was done,
  /// `os_errno` is errno right after the failing call (ENOSPC/EFBIG/EDQUOT: store.full).
  Error error(int rc, std::string_view context, int os_errno = 0) const;

  int depth_ = 0;  // open transaction depth (0: none); see Transaction

 private:
  sqlite3* h_ = nullptr;
  std::string path_;
  // Prepared statements not in use, by SQL text (node-based: pools never move).
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>> cache_;
};

/// A transaction (BEGIN IMMEDIATE at depth 0, a SAVEPOINT when nested). The destructor
/// rolls back unless commit() succeeded.
class Transaction {
 public:
  /// Begins: a write transaction takes the write lock at once (BEGIN IMMEDIATE), waiting
  /// up to the busy timeout; a read one is deferred (one snapshot).
  static Result<Transaction> begin(Db& db, bool write = true);
  Transaction(Transaction&& o) noexcept : db_(o.db_), done_(o.done_), level_(o.level_) {
    o.done_ = true;
  }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

  [[nodiscard]] Result<void> commit();

 private:
  Transaction(Db& db, int level) : db_(&db), level_(level) {}
  void rollback() noexcept;

  Db* db_;
  bool done_ = false;
  int level_;  // depth of this transaction (1: outermost)
};

/// The French Error for `code` with its arguments (messages.h), located at the database.
Error store_error(std::string_view code, const std::string& where,
                  std::initializer_list<std::string_view> args = {});

}  // namespace ecusson::store::detail
