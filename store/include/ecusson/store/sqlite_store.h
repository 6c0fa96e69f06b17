// The SQLite backend of Store: one database file (default var/ecusson.db), opened in WAL
// mode with foreign keys on and a busy timeout, its schema migrated at open.
//
// Opening applies, in one transaction, every migration the file does not have yet (they
// are recorded in its `schema_migrations` table), and refuses a file whose schema is
// newer than this program, or whose recorded migration differs from the shipped one.
// The returned Store owns the connection; see store.h for thread-safety (one Store per
// thread; several Stores, in several threads or processes, may share one file).
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>

#include "ecusson/result.h"
#include "ecusson/store/store.h"

namespace ecusson::store {

struct SqliteOptions {
  /// The database file; created (with its parent directory) when missing, unless
  /// read_only.
  std::filesystem::path path = "var/ecusson.db";
  /// How long a writer waits for another one before failing with store.busy.
  std::chrono::milliseconds busy_timeout{5000};
  /// Open for reading only: no migration is applied (the schema must be current), and
  /// every write fails with store.readonly.
  bool read_only = false;
  /// Page cache of this connection (SQLite's cache_size), at least 512 KB.
  std::size_t cache_bytes = 32u << 20;
};

/// Opens (creating and migrating as needed) the database at `options.path`.
/// Fails with store.open (cannot create or open the file, not an SQLite database,
/// corrupt), store.readonly (the file or its directory cannot be written and read_only
/// is false), store.schema_too_new (the file was migrated by a newer Ecusson),
/// store.schema_changed (a migration recorded in the file differs from the shipped one),
/// store.busy, store.full.
/// Example: auto store = open_sqlite_store({.path = "var/ecusson.db"});
[[nodiscard]] Result<std::unique_ptr<Store>> open_sqlite_store(const SqliteOptions& options);

/// The highest schema version this program knows (the number of shipped migrations).
int sqlite_schema_version();

}  // namespace ecusson::store
