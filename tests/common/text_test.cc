#include "ecusson/common/text.h"

#include "test_support.h"

namespace ecusson {
namespace {

TEST(text, trim_removes_ascii_whitespace_at_both_ends_only) {
  EXPECT_EQ(trim(" \tab c\r\n"), "ab c");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim(" \n "), "");
  EXPECT_EQ(trim("x"), "x");
  EXPECT_EQ(trim("\xc2\xa0x"), "\xc2\xa0x");  // no-break space is not ASCII whitespace
}

TEST(text, ascii_lower_folds_ascii_letters_only) {
  EXPECT_EQ(ascii_lower("HTTPS://Ex.ORG/\xc3\x89"), "https://ex.org/\xc3\x89");
  EXPECT_EQ(ascii_lower('Q'), 'q');
  EXPECT_EQ(ascii_lower('['), '[');
  EXPECT_EQ(ascii_lower('\xc9'), '\xc9');
}

TEST(text, case_insensitive_comparisons) {
  EXPECT_TRUE(iequals("SHA256", "sha256"));
  EXPECT_FALSE(iequals("a", "ab"));
  EXPECT_FALSE(iequals("[", "{"));  // '[' + 32 is '{': only letters fold
  EXPECT_TRUE(istarts_with("HTTPS://x", "https://"));
  EXPECT_FALSE(istarts_with("http", "https://"));
  EXPECT_TRUE(iends_with("badge.PNG", ".png"));
  EXPECT_FALSE(iends_with("png", ".png"));
  EXPECT_TRUE(iends_with("", ""));
}

TEST(text, join_and_split_are_inverse) {
  EXPECT_EQ(join({"a", "b", "c"}, ", "), "a, b, c");
  EXPECT_EQ(join({}, ", "), "");
  EXPECT_EQ(join({"x"}, " ; "), "x");
  EXPECT_EQ(split("a::b", ':'), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(split("", ':'), (std::vector<std::string_view>{""}));
  EXPECT_EQ(split("did:web:x", ':').size(), 3u);
  std::vector<std::string> parts;
  for (auto p : split("a/b//c", '/')) parts.emplace_back(p);
  EXPECT_EQ(join(parts, "/"), "a/b//c");
}

TEST(text, append_utf8_encodes_each_length) {
  std::string out;
  for (char32_t cp : {U'A', U'\u00e9', U'\u20ac', U'\U0001F3C5'}) append_utf8(out, cp);
  EXPECT_EQ(out, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x8F\x85");
  out.clear();
  for (char32_t cp : {char32_t{0x7F}, char32_t{0x80}, char32_t{0x7FF}, char32_t{0x800},
                      char32_t{0xFFFF}, char32_t{0x10000}, char32_t{0x10FFFF}})
    append_utf8(out, cp);
  EXPECT_EQ(out, "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF");
}

TEST(text, find_invalid_utf8_accepts_every_length_and_points_at_the_first_bad_byte) {
  constexpr auto npos = std::string_view::npos;
  EXPECT_EQ(find_invalid_utf8(""), npos);
  EXPECT_EQ(find_invalid_utf8("A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x8F\x85"), npos);
  EXPECT_EQ(find_invalid_utf8("\xF4\x8F\xBF\xBF\xED\x9F\xBF"), npos);  // U+10FFFF, U+D7FF
  EXPECT_EQ(find_invalid_utf8("caf\xE9"), 3u);                         // Latin-1 "café"
  EXPECT_EQ(find_invalid_utf8("caf\xE9 ok"), 3u);
  EXPECT_EQ(find_invalid_utf8("ab\x80"), 2u);            // stray continuation
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(find_invalid_utf8("\xE0\x80\xAF"), 0u);      // overlong
  EXPECT_EQ(find_invalid_utf8("\xF0\x80\x80\xAF"), 0u);  // overlong
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);     // surrogate U+D800
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xE2\x82"), 0u);  // truncated
  EXPECT_EQ(find_invalid_utf8("\xE2\x82x"), 0u);
  EXPECT_EQ(find_invalid_utf8("\xFF\xFE" "a"), 0u);  // UTF-16 BOM
}

}  // namespace
}  // namespace ecusson
