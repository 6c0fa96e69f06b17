#include "ecusson/store/messages.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace ecusson::store {
namespace {

std::set<char> placeholders(std::string_view text) {
  std::set<char> out;
  for (std::size_t i = 0; i + 2 < text.size(); ++i)
    if (text[i] == '{' && text[i + 2] == '}' && text[i + 1] >= '1' && text[i + 1] <= '9')
      out.insert(text[i + 1]);
  return out;
}

TEST(store_messages, every_code_has_french_and_english_text) {
  ASSERT_FALSE(message_catalogue().empty());
  for (const auto& e : message_catalogue()) {
    EXPECT_EQ(e.code.substr(0, 6), "store.") << e.code;
    EXPECT_FALSE(e.fr.empty()) << e.code;
    EXPECT_FALSE(e.en.empty()) << e.code;
    EXPECT_NE(e.fr, e.en) << e.code << " is not translated";
    EXPECT_EQ(placeholders(e.fr), placeholders(e.en)) << e.code;
  }
}

TEST(store_messages, catalogue_is_sorted_and_unique) {
  auto cat = message_catalogue();
  for (std::size_t i = 1; i < cat.size(); ++i) EXPECT_LT(cat[i - 1].code, cat[i].code);
}

TEST(store_messages, the_documented_codes_exist) {
  for (std::string_view code :
       {"store.open", "store.busy", "store.constraint", "store.not_found", "store.schema_too_new",
        "store.readonly", "store.full", "store.conflict", "store.status_list_full"}) {
    bool found = false;
    for (const auto& e : message_catalogue()) found = found || e.code == code;
    EXPECT_TRUE(found) << code;
  }
}

TEST(store_messages, errors_are_french_with_arguments) {
  Error e = make_error("store.readonly", "var/ecusson.db", {"var/ecusson.db"});
  EXPECT_EQ(e.code, "store.readonly");
  EXPECT_EQ(e.where, "var/ecusson.db");
  EXPECT_EQ(e.message, "la base de données var/ecusson.db est en lecture seule : aucune écriture possible");
  EXPECT_EQ(message("store.readonly", Lang::en, {"x.db"}),
            "the database x.db is read-only: nothing can be written");
}

}  // namespace
}  // namespace ecusson::store
