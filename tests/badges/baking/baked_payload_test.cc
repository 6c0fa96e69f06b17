#include "ecusson/baking/baked_payload.h"

#include <boost/json.hpp>

#include "baking_test_util.h"

namespace ecusson::test {
namespace {

using baking::BadgeVersion;
using baking::BakedKind;
using baking::PayloadForm;

TEST(baked_payload, classifies_json_jws_and_url) {
  EXPECT_EQ(*baking::classify_payload(kOb3Json), PayloadForm::json);
  EXPECT_EQ(*baking::classify_payload(" \n" + fake_jws(kOb3Json) + "\n"), PayloadForm::jws);
  EXPECT_EQ(*baking::classify_payload("https://example.org/a/1"), PayloadForm::url);
  EXPECT_ERROR(baking::classify_payload("[1,2]"), "baking.bad_payload");
  EXPECT_ERROR(baking::classify_payload("a.b"), "baking.bad_payload");
  EXPECT_ERROR(baking::classify_payload("a..c"), "baking.bad_payload");
  EXPECT_ERROR(baking::classify_payload(""), "baking.bad_payload");
}

TEST(baked_payload, detects_ob2_and_ob3_json) {
  EXPECT_EQ(*baking::detect_badge_version(kOb2Json), BadgeVersion::ob2);
  EXPECT_EQ(*baking::detect_badge_version(kOb3Json), BadgeVersion::ob3);
  EXPECT_EQ(*baking::detect_badge_version(
                R"({"@context":["https://w3id.org/openbadges/v2",{"x":"y"}],"type":"Assertion"})"),
            BadgeVersion::ob2);
}

TEST(baked_payload, detects_version_inside_jws_payload) {
  EXPECT_EQ(*baking::detect_badge_version(fake_jws(kOb2Json)), BadgeVersion::ob2);
  EXPECT_EQ(*baking::detect_badge_version(fake_jws(kOb3Json)), BadgeVersion::ob3);
  // VCDM 1.1 VC-JWT: the credential sits in a "vc" claim.
  EXPECT_EQ(*baking::detect_badge_version(
                fake_jws(R"({"iss":"x","vc":{"type":["VerifiableCredential"]}})")),
            BadgeVersion::ob3);
  EXPECT_ERROR(baking::detect_badge_version("eyJh.bm90IGpzb24.c2ln"), "baking.bad_payload");
}

TEST(baked_payload, ob3_never_holds_a_url) {
  EXPECT_ERROR(baking::kind_for(BadgeVersion::ob3, PayloadForm::url), "baking.bad_payload");
  EXPECT_EQ(*baking::kind_for(BadgeVersion::ob2, PayloadForm::url), BakedKind::ob2_url);
}

TEST(baked_payload, sniffs_png_and_svg_and_refuses_others) {
  EXPECT_EQ(*baking::sniff_image_format(plain_png()), baking::ImageFormat::png);
  EXPECT_EQ(*baking::sniff_image_format("\xEF\xBB\xBF <?xml version='1.0'?><svg/>"),
            baking::ImageFormat::svg);
  EXPECT_ERROR(baking::sniff_image_format("GIF89a"), "baking.not_an_image");
  EXPECT_ERROR(baking::unbake_image("\xFF\xD8\xFF\xE0 jpeg"), "baking.not_an_image");
}

TEST(baked_payload, read_image_file_reports_missing_file) {
  EXPECT_ERROR(baking::read_image_file("/nonexistent/badge.png"), "baking.io");
}

TEST(baked_payload, rejects_json_nested_beyond_depth_limit) {
  std::string deep(200, '[');
  deep = "{\"a\":" + deep + std::string(200, ']') + "}";
  EXPECT_ERROR(baking::classify_payload(deep), "baking.bad_payload");
}

}  // namespace
}  // namespace ecusson::test
