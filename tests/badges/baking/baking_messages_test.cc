#include "ecusson/baking/baking_messages.h"

#include <regex>
#include <set>

#include "test_support.h"

namespace ecusson::test {
namespace {

TEST(baking_messages, every_code_used_in_sources_has_both_messages) {
  std::set<std::string> used;
  std::regex code_re("\"(baking\\.[a-z_]+)\"");
  for (auto& entry : std::filesystem::recursive_directory_iterator(source_dir() / "badges")) {
    if (!entry.is_regular_file() || entry.path().parent_path().filename() != "src") continue;
    std::string text = read_file(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), code_re), end; it != end; ++it)
      used.insert((*it)[1]);
  }
  ASSERT_GE(used.size(), 10u);
  for (const auto& code : used) {
    EXPECT_FALSE(baking::baking_message(code, Lang::fr).empty()) << code;
    EXPECT_FALSE(baking::baking_message(code, Lang::en).empty()) << code;
  }
  std::size_t n = 0;
  const std::string_view* codes = baking::baking_codes(n);
  EXPECT_EQ(n, used.size());  // no stale catalogue entry either
  for (std::size_t i = 0; i < n; ++i) EXPECT_TRUE(used.count(std::string(codes[i]))) << codes[i];
}

}  // namespace
}  // namespace ecusson::test
