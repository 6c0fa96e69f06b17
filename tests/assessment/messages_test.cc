#include "ecusson/assessment/messages.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace ecusson::assessment {
namespace {

std::set<char> placeholders(std::string_view text) {
  std::set<char> out;
  for (std::size_t i = 0; i + 2 < text.size(); ++i)
    if (text[i] == '{' && text[i + 2] == '}' && text[i + 1] >= '1' && text[i + 1] <= '9')
      out.insert(text[i + 1]);
  return out;
}

TEST(messages, every_code_has_french_and_english_text) {
  ASSERT_FALSE(message_catalogue().empty());
  for (const auto& e : message_catalogue()) {
    EXPECT_FALSE(e.fr.empty()) << e.code;
    EXPECT_FALSE(e.en.empty()) << e.code;
    EXPECT_NE(e.fr, e.en) << e.code << " is not translated";
    EXPECT_EQ(placeholders(e.fr), placeholders(e.en)) << e.code;
  }
}

TEST(messages, catalogue_is_sorted_and_unique) {
  auto cat = message_catalogue();
  for (std::size_t i = 1; i < cat.size(); ++i) EXPECT_LT(cat[i - 1].code, cat[i].code);
}

TEST(messages, fills_placeholders_in_the_chosen_language) {
  EXPECT_EQ(message("grid.duplicate_id", Lang::en, {"ORG.ACT", "12"}),
            "duplicate id \"ORG.ACT\" (already used on line 12)");
  EXPECT_EQ(message("grid.duplicate_id", Lang::fr, {"ORG.ACT", "12"}),
            "identifiant « ORG.ACT » en double (déjà utilisé ligne 12)");
}

TEST(messages, unknown_code_is_visible_rather_than_empty) {
  EXPECT_EQ(message("no.such_code", Lang::fr, {"x"}), "no.such_code x");
}

TEST(messages, make_error_sets_code_and_location) {
  Error e = make_error("xml.empty", Lang::en, "a.xml");
  EXPECT_EQ(e.code, "xml.empty");
  EXPECT_EQ(e.where, "a.xml");
  EXPECT_EQ(e.to_string(), "a.xml: the file is empty [xml.empty]");
}

}  // namespace
}  // namespace ecusson::assessment
