// The issuance message catalogue (style C6): sorted, every code has both texts.
#include "ecusson/issuance/messages.h"

#include "test_support.h"

namespace ecusson::test {
namespace {

TEST(issuance_messages, catalogue_is_sorted_and_complete) {
  auto all = issuance::message_catalogue();
  ASSERT_FALSE(all.empty());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_TRUE(all[i].code.starts_with("issuance.")) << all[i].code;
    EXPECT_FALSE(all[i].fr.empty()) << all[i].code;
    EXPECT_FALSE(all[i].en.empty()) << all[i].code;
    if (i > 0) {
      EXPECT_LT(all[i - 1].code, all[i].code);
    }
  }
}

TEST(issuance_messages, placeholders_are_filled) {
  EXPECT_EQ(issuance::message("issuance.write", Lang::en, {"var/keys", "denied"}),
            "cannot write var/keys: denied");
  EXPECT_EQ(issuance::message("issuance.nope", Lang::fr, {"x"}), "issuance.nope x");
}

}  // namespace
}  // namespace ecusson::test
