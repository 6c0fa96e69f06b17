// The schema of the SQLite store, as an ordered list of migrations (see migrations.cc for
// the rule that governs them). Private to store/.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace ecusson::store::detail {

struct Migration {
  int version;            // 1, 2, 3… without gaps
  std::string_view name;  // short description, recorded in schema_migrations
  std::string_view sql;   // statements run in the migration's transaction
};

/// Every shipped migration, by version.
std::span<const Migration> migrations();

/// A stable checksum of a migration's SQL (FNV-1a 64, hex), recorded when it is applied
/// and compared at every open: a shipped migration that was edited is detected.
std::string checksum(std::string_view sql);

}  // namespace ecusson::store::detail
