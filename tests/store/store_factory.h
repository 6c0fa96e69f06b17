// The backends the repository contract suite (store_contract_test.cc) runs against.
//
// A factory opens a NEW connection to the one database of a test each time it is called
// (the concurrency tests open two). SQLite: a file in the test's temporary directory. A
// PostgreSQL backend will add a factory here (a fresh schema per test), and the whole
// suite will run against it unchanged.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "ecusson/store/sqlite_store.h"
#include "ecusson/store/store.h"

namespace ecusson::store::test {

struct StoreFactory {
  std::string name;  // test name suffix: "sqlite"
  std::function<Result<std::unique_ptr<Store>>(const std::filesystem::path& dir)> open;
};

/// Test names and messages show the backend's name.
inline void PrintTo(const StoreFactory& f, std::ostream* os) { *os << f.name; }

inline std::vector<StoreFactory> store_factories() {
  return {
      {"sqlite",
       [](const std::filesystem::path& dir) {
         return open_sqlite_store({.path = dir / "var" / "ecusson.db"});
       }},
  };
}

}  // namespace ecusson::store::test
