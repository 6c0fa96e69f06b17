// Prepared images bake exactly what bake_png / bake_svg bake, for JSON credentials (with
// "]]>" inside), JWS payloads, and pictures that already carry a badge; bad payloads are
// refused the same way.
#include "ecusson/baking/prepared_image.h"

#include <gtest/gtest.h>

#include "baking_test_util.h"
#include "ecusson/baking/png_baking.h"
#include "ecusson/baking/svg_baking.h"

namespace ecusson::baking {
namespace {

const char* kPayloads[] = {
    R"({"@context":["https://www.w3.org/ns/credentials/v2"],"id":"urn:uuid:1","name":"Équipe"})",
    R"({"narrative":"a ]]> b ]]]]> c","x":"<tag> & \"q\""})",
    "  {\"padded\":true}\n",
    "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6a2V5OnoifQ.c2ln",
};

TEST(prepared_image, png_bakes_byte_for_byte_like_bake_png) {
  const std::string png = test::plain_png();
  auto prepared = PreparedPng::prepare(png, BadgeVersion::ob3);
  ASSERT_TRUE(prepared.has_value()) << prepared.error().message;
  for (const char* payload : kPayloads) {
    auto expected = bake_png(png, payload, BadgeVersion::ob3);
    auto got = prepared->bake(payload);
    ASSERT_TRUE(expected.has_value() && got.has_value()) << payload;
    EXPECT_EQ(*got, *expected) << payload;
    auto back = unbake_png(*got);
    ASSERT_TRUE(back.has_value());
  }
  // A picture already baked: its old badge is dropped once, at prepare time.
  auto baked = bake_png(png, kPayloads[0], BadgeVersion::ob3);
  auto again = PreparedPng::prepare(*baked, BadgeVersion::ob3);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again->bake(kPayloads[2]), *bake_png(*baked, kPayloads[2], BadgeVersion::ob3));
  EXPECT_EQ(prepared->bake("not a credential").error().code, "baking.bad_payload");
  EXPECT_EQ(PreparedPng::prepare("GIF89a", BadgeVersion::ob3).error().code, "baking.not_png");
}

TEST(prepared_image, svg_bakes_byte_for_byte_like_bake_svg) {
  const std::string svg =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
      "width=\"10\" height=\"10\"><title>Équipe</title><rect width=\"10\" height=\"10\"/></svg>\n";
  auto prepared = PreparedSvg::prepare(svg, BadgeVersion::ob3);
  ASSERT_TRUE(prepared.has_value()) << prepared.error().message;
  for (const char* payload : kPayloads) {
    auto expected = bake_svg(svg, payload, BadgeVersion::ob3);
    auto got = prepared->bake(payload);
    ASSERT_TRUE(expected.has_value() && got.has_value()) << payload;
    EXPECT_EQ(*got, *expected) << payload;
    auto back = unbake_svg(*got);
    ASSERT_TRUE(back.has_value()) << back.error().message;
  }
  EXPECT_EQ(prepared->bake("{broken").error().code, "baking.bad_payload");
  EXPECT_FALSE(PreparedSvg::prepare("<svg><!DOCTYPE x [<!ENTITY a 'b'>]></svg>", BadgeVersion::ob3)
                   .has_value());
}

}  // namespace
}  // namespace ecusson::baking
