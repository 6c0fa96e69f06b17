// issuance badge images: one drawing per catalogue entry, the credential baked into both
// formats (read back by the baking layer), safe file names, and the achievement's picture
// published once at its image URL.
#include "ecusson/issuance/badge_images.h"

#include "ecusson/baking/baked_payload.h"
#include "issuance_fixture.h"

namespace ecusson::test {
namespace {

namespace fs = std::filesystem;

class BadgeImagesTest : public IssuerFixture {};

TEST_F(BadgeImagesTest, draws_each_entry_once_and_bakes_png_and_svg) {
  issuance::BadgeArtCache cache({.templates_dir = templates_dir(), .png_width = 128});
  auto a = cache.art(grid, "ORG.ACT", 2);
  ASSERT_TRUE(a.has_value()) << a.error().message;
  auto again = cache.art(grid, "ORG.ACT", 2);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(a->get(), again->get());
  EXPECT_EQ(cache.rendered(), 1u);
  ASSERT_TRUE(cache.art(grid, "ORG.REG", 1).has_value());
  EXPECT_EQ(cache.rendered(), 2u);
  EXPECT_NE((*a)->svg.find("Organiser son activité"), std::string::npos);

  const std::string credential = R"({"@context":["https://www.w3.org/ns/credentials/v2"],)"
                                 R"("id":"urn:uuid:1","type":["VerifiableCredential"]})";
  auto baked = issuance::bake_badge(**a, credential);
  ASSERT_TRUE(baked.has_value()) << baked.error().message;
  for (const std::string* image : {&baked->png, &baked->svg}) {
    auto payload = baking::unbake_image(*image);
    ASSERT_TRUE(payload.has_value()) << payload.error().message;
    EXPECT_EQ(payload->text, credential);
  }
  auto written = issuance::write_baked_badge(*baked, tmp.path() / "out", "x");
  ASSERT_TRUE(written.has_value());
  EXPECT_EQ(written->at(0), tmp.path() / "out/x.png");
  EXPECT_EQ(read_file(written->at(1)), baked->svg);
}

TEST_F(BadgeImagesTest, unknown_competence_or_level_is_not_found) {
  issuance::BadgeArtCache cache({.templates_dir = templates_dir()});
  auto none = cache.art(grid, "ORG.ACT", 9);
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().code, "issuance.not_found");
  auto missing = issuance::BadgeArtCache({.templates_dir = tmp.path()}).art(grid, "ORG.ACT", 1);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, "art.template");
}

TEST_F(BadgeImagesTest, file_stems_are_safe_and_stable) {
  EXPECT_EQ(issuance::badge_file_stem("P-7F3A9C", "ORG.ACT", 2,
                                      "urn:uuid:1b2c3d4e-0000-4000-8000-000000000000"),
            "P-7F3A9C_ORG.ACT_niveau2_1b2c3d4e");
  EXPECT_EQ(issuance::badge_file_stem("../P 1", "A/B", 1, "urn:uuid:ab-cd"), "..-P-1_A-B_niveau1_abcd");
}

TEST_F(BadgeImagesTest, achievement_picture_is_published_once_at_its_image_url) {
  issuance::BadgeArtCache cache({.templates_dir = templates_dir(), .png_width = 64});
  auto a = cache.art(grid, "ORG.ACT", 2);
  ASSERT_TRUE(a.has_value());
  const std::string id = achievement("ORG.ACT", 2).id;
  auto first = issuance::publish_achievement_image(issuer(), id, **a);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(*first, issuer().public_file(id + ".png"));
  EXPECT_EQ(read_file(*first), (*a)->png);
  auto second = issuance::publish_achievement_image(issuer(), id, **a);
  ASSERT_TRUE(second.has_value());
  EXPECT_TRUE(second->empty());
}

}  // namespace
}  // namespace ecusson::test
