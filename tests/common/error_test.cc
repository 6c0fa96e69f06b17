#include "ecusson/error.h"

#include <cstdlib>

#include "ecusson/lang.h"
#include "ecusson/result.h"
#include "test_support.h"

namespace ecusson {
namespace {

Result<int> parse_positive(int v) {
  if (v <= 0) return fail("demo.not_positive", "value must be > 0", "input:1:1");
  return v;
}

TEST(error, to_string_names_place_message_and_code) {
  Error e("grid.duplicate_id", "identifiant en double « c1 »", "g.grid.xml:12:7");
  EXPECT_EQ(e.to_string(), "g.grid.xml:12:7: identifiant en double « c1 » [grid.duplicate_id]");
  Error bare("x.y", "msg");
  EXPECT_EQ(bare.to_string(), "msg [x.y]");
}

TEST(result, carries_value_or_error) {
  EXPECT_OK(parse_positive(3));
  EXPECT_EQ(*parse_positive(3), 3);
  EXPECT_ERROR(parse_positive(0), "demo.not_positive");
  EXPECT_THROW((void)parse_positive(-1).value(), ErrorException);
}

TEST(lang, explicit_value_wins_then_environment) {
  EXPECT_EQ(lang_from("en"), Lang::en);
  EXPECT_EQ(lang_from("fr"), Lang::fr);
  ::setenv("LC_ALL", "en_GB.UTF-8", 1);
  EXPECT_EQ(lang_from(), Lang::en);
  ::setenv("LC_ALL", "fr_FR.UTF-8", 1);
  EXPECT_EQ(lang_from(), Lang::fr);
  ::unsetenv("LC_ALL");
}

}  // namespace
}  // namespace ecusson
