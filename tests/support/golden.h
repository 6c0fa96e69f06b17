// ecusson::test::expect_golden: compares a produced text with a reviewed golden file in
// tests/data/golden/, or rewrites the golden when ECUSSON_UPDATE_GOLDEN=1 (then review the
// diff and commit). Header-only; include it in any test that needs it.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "test_support.h"

namespace ecusson::test {

inline std::filesystem::path golden_dir() { return data_dir() / "golden"; }

inline void write_text_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

// Compares `actual` with the golden file `name`, showing the first differing line.
inline void expect_golden(const std::string& name, const std::string& actual) {
  std::filesystem::path path = golden_dir() / name;
  const char* update = std::getenv("ECUSSON_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::create_directories(golden_dir());
    write_text_file(path, actual);
    GTEST_SKIP() << "golden rewritten: " << path;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << "missing golden " << path << " (run with ECUSSON_UPDATE_GOLDEN=1, then review)";
  std::string expected = read_file(path);
  if (expected != actual) {
    std::size_t i = 0;
    while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) ++i;
    std::size_t line =
        1 + static_cast<std::size_t>(std::count(expected.begin(), expected.begin() + i, '\n'));
    ADD_FAILURE() << name << " differs from the golden at line " << line << ":\n  golden: "
                  << expected.substr(i, 120) << "\n  actual: " << actual.substr(i, 120)
                  << "\n(if intended: ECUSSON_UPDATE_GOLDEN=1, review, commit)";
  }
}

}  // namespace ecusson::test
