// Shared test helpers (style C17).
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ecusson/result.h"

namespace ecusson::test {

/// Folder of test data in the repository (tests/data).
inline std::filesystem::path data_dir() { return ECUSSON_TEST_DATA; }
/// Copy of ../shared/conformance shipped in tests/data/conformance.
inline std::filesystem::path conformance_dir() { return data_dir() / "conformance"; }
inline std::filesystem::path source_dir() { return ECUSSON_SOURCE_DIR; }
inline std::filesystem::path templates_dir() { return ECUSSON_TEMPLATES_DIR; }
/// Path of the built `ecusson` executable.
inline std::string ecusson_binary() { return ECUSSON_BINARY; }

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// A fresh empty directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "ecusson-test-XXXXXX").string();
  char* p = ::mkdtemp(tmpl.data());
  path_ = p ? std::filesystem::path(p) : std::filesystem::path(tmpl);
}
inline TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

/// Result of running the ecusson binary.
struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

/// Runs `ecusson ARGS` (ARGS is shell-quoted by the caller), with optional stdin file.
RunResult run_ecusson(const std::string& args, const std::string& stdin_path = {});

}  // namespace ecusson::test

/// Passes when a Result holds a value; prints the Error otherwise.
#define EXPECT_OK(expr)                                                         \
  do {                                                                          \
    const auto& ecusson_r_ = (expr);                                            \
    EXPECT_TRUE(ecusson_r_.has_value())                                         \
        << "unexpected error: " << (ecusson_r_ ? std::string() : ecusson_r_.error().to_string()); \
  } while (0)
#define ASSERT_OK(expr)                                                         \
  do {                                                                          \
    const auto& ecusson_r_ = (expr);                                            \
    ASSERT_TRUE(ecusson_r_.has_value())                                         \
        << "unexpected error: " << (ecusson_r_ ? std::string() : ecusson_r_.error().to_string()); \
  } while (0)
/// Passes when a Result holds an Error whose code equals `code` (a string).
#define EXPECT_ERROR(expr, expected_code)                                       \
  do {                                                                          \
    const auto& ecusson_r_ = (expr);                                            \
    ASSERT_FALSE(ecusson_r_.has_value()) << "expected error " << (expected_code); \
    EXPECT_EQ(ecusson_r_.error().code, (expected_code)) << ecusson_r_.error().to_string(); \
  } while (0)
