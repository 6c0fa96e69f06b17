// Unbakes the baked fixtures of the 1EdTech validators and checks the payload parses.
#include <boost/json.hpp>

#include "baking_test_util.h"
#include "ecusson/baking/baked_payload.h"
#include "ecusson/baking/png_baking.h"

namespace ecusson::test {
namespace {

using baking::BakedKind;
namespace json = boost::json;

json::value payload_json(const baking::BakedPayload& p) {
  if (p.kind == BakedKind::ob3_jws || p.kind == BakedKind::ob2_jws) {
    auto d1 = p.text.find('.');
    auto d2 = p.text.find('.', d1 + 1);
    EXPECT_NE(d2, std::string::npos);
    auto header = b64url_decode(p.text.substr(0, d1));
    EXPECT_TRUE(header);
    EXPECT_TRUE(json::parse(*header).as_object().contains("alg"));
    auto body = b64url_decode(p.text.substr(d1 + 1, d2 - d1 - 1));
    EXPECT_TRUE(body);
    return json::parse(*body);
  }
  return json::parse(p.text);
}

bool has_type(const json::value& v, std::string_view t) {
  const json::value* type = v.as_object().if_contains("type");
  if (!type) return false;
  if (type->is_string()) return type->as_string() == t;
  for (auto& x : type->as_array())
    if (x.is_string() && x.as_string() == t) return true;
  return false;
}

void expect_ob3(const std::string& rel, BakedKind kind) {
  SCOPED_TRACE(rel);
  auto p = baking::unbake_file((conformance_dir() / rel).string());
  ASSERT_OK(p);
  EXPECT_EQ(p->kind, kind);
  json::value v = payload_json(*p);
  // VCDM 1.1 VC-JWTs nest the credential in "vc".
  const json::value& cred = v.as_object().contains("vc") ? v.at("vc") : v;
  EXPECT_TRUE(has_type(cred, "VerifiableCredential"));
  EXPECT_TRUE(has_type(cred, "OpenBadgeCredential") || has_type(cred, "AchievementCredential"));
  EXPECT_TRUE(cred.as_object().contains("credentialSubject"));
}

void expect_ob2(const std::string& rel) {
  SCOPED_TRACE(rel);
  auto p = baking::unbake_file((conformance_dir() / rel).string());
  ASSERT_OK(p);
  EXPECT_EQ(p->kind, BakedKind::ob2_json);
  json::value v = payload_json(*p);
  EXPECT_EQ(v.at("@context").as_string(), "https://w3id.org/openbadges/v2");
  EXPECT_TRUE(has_type(v, "Assertion"));
  EXPECT_TRUE(v.as_object().contains("recipient"));
}

TEST(baking_conformance, unbakes_ob3_json_png) {
  expect_ob3("ob3/validator-fixtures/ob30/simple-json.png", BakedKind::ob3_json);
}
TEST(baking_conformance, unbakes_ob3_json_svg) {
  expect_ob3("ob3/validator-fixtures/ob30/simple-json.svg", BakedKind::ob3_json);
}
TEST(baking_conformance, unbakes_ob3_jwt_png) {
  expect_ob3("ob3/validator-fixtures/ob30/simple-jwt.png", BakedKind::ob3_jws);
}
TEST(baking_conformance, unbakes_ob3_jwt_svg) {
  expect_ob3("ob3/validator-fixtures/ob30/simple-jwt.svg", BakedKind::ob3_jws);
}
TEST(baking_conformance, unbakes_ob3_jwt_v1_png) {
  expect_ob3("ob3/validator-fixtures/ob30/simple-jwt_v1.png", BakedKind::ob3_jws);
}
TEST(baking_conformance, unbakes_ob3_jwt_v1_svg) {
  expect_ob3("ob3/validator-fixtures/ob30/simple-jwt_v1.svg", BakedKind::ob3_jws);
}
TEST(baking_conformance, unbakes_ob2_simple_badge_png) {
  expect_ob2("ob2/validator-fixtures/ob20/simple-badge.png");
}
TEST(baking_conformance, unbakes_ob2_baked_heart_png) {
  expect_ob2("ob2/validator-core-fixtures/baked_heart.png");
}

TEST(baking_conformance, rebakes_fixture_and_keeps_a_single_chunk) {
  auto png = read_file(conformance_dir() / "ob3/validator-fixtures/ob30/simple-json.png");
  auto first = baking::unbake_png(png);
  ASSERT_OK(first);
  auto rebaked = baking::bake_png(png, first->text, baking::BadgeVersion::ob3);
  ASSERT_OK(rebaked);
  int n = 0;
  for (auto& c : png_chunks(*rebaked))
    if (c.type == "iTXt") ++n;
  EXPECT_EQ(n, 1);
  auto again = baking::unbake_png(*rebaked);
  ASSERT_OK(again);
  EXPECT_EQ(json::parse(again->text), json::parse(first->text));
}

}  // namespace
}  // namespace ecusson::test
