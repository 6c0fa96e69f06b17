#include "ecusson/common/message_catalogue.h"

#include <array>

#include "test_support.h"

namespace ecusson {
namespace {

constexpr std::array<MessageEntry, 3> kCatalogue{{
    {"a.first", "premier {1}", "first {1}"},
    {"b.two", "{2} puis {1}", "{2} then {1}"},
    {"c.braces", "{0} {x} {1", "{0} {x} {1"},
}};

TEST(message_catalogue, picks_the_language_and_fills_the_arguments) {
  EXPECT_EQ(format_message(kCatalogue, "a.first", Lang::fr, {"x"}), "premier x");
  EXPECT_EQ(format_message(kCatalogue, "a.first", Lang::en, {"x"}), "first x");
  EXPECT_EQ(format_message(kCatalogue, "b.two", Lang::fr, {"un", "deux"}), "deux puis un");
}

TEST(message_catalogue, a_missing_argument_leaves_nothing_and_other_braces_stay) {
  EXPECT_EQ(format_message(kCatalogue, "b.two", Lang::en, {"one"}), " then one");
  EXPECT_EQ(format_message(kCatalogue, "c.braces", Lang::en, {"z"}), "{0} {x} {1");
}

TEST(message_catalogue, an_unknown_code_says_the_code_and_its_arguments) {
  EXPECT_EQ(format_message(kCatalogue, "zz.unknown", Lang::fr, {"p", "q"}), "zz.unknown p q");
  EXPECT_EQ(format_message(kCatalogue, "a.firs", Lang::fr, {}), "a.firs");
}

}  // namespace
}  // namespace ecusson
