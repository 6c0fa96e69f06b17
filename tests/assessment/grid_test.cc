// Grid reading and validation (design §2, rectec.md §4.1 rules, §4.5 cases 12, 16, 17).
#include "ecusson/assessment/grid.h"

#include "fixtures.h"

namespace ecusson::assessment {
namespace {

using namespace testing;

// kTestGrid with `from` replaced by `to` (first occurrence; the test fails if absent).
std::string variant(const std::string& from, const std::string& to) {
  std::string g = kTestGrid;
  auto at = g.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) g.replace(at, from.size(), to);
  return g;
}

TEST(grid, parses_the_test_grid) {
  auto g = parse_grid(kTestGrid, "t.grid.xml");
  ASSERT_OK(g);
  const Competence* c = g->find_competence("C");
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->levels.size(), 3u);
  EXPECT_EQ(c->levels[1].label, "Deux");  // from the level scale
  EXPECT_EQ(c->levels[2].indicators[0].weight, Rational(3));
  EXPECT_TRUE(c->levels[1].indicators[0].critical);
  EXPECT_EQ(g->rating_scale_for(*c)->min_meeting_rank(), 2);
  EXPECT_EQ(g->find_indicator("C.2.b")->level->n, 2);
  EXPECT_EQ(g->domain_of("C")->id, "D");
  EXPECT_FALSE(g->policy.has_value());
  EXPECT_EQ(g->effective_policy().id, "ecusson-default");
  EXPECT_EQ(g->key(), "t@1.0.0");
}

TEST(grid, duplicate_indicator_id) {
  auto r = parse_grid(variant(R"(id="C.1.b")", R"(id="C.1.a")"), "t.xml");
  EXPECT_ERROR(r, "grid.duplicate_id");
  EXPECT_NE(r.error().message.find("C.1.a"), std::string::npos);
  EXPECT_NE(r.error().message.find("ligne 16"), std::string::npos) << r.error().message;
}

TEST(grid, competence_and_indicator_ids_share_one_space) {
  EXPECT_ERROR(parse_grid(variant(R"(id="C.3.c")", R"(id="C")"), "t.xml"), "grid.duplicate_id");
}

TEST(grid, duplicate_rating_code) {
  EXPECT_ERROR(parse_grid(variant(R"(code="1" label="Avec aide")", R"(code="0" label="Avec aide")"), "t.xml"),
               "grid.duplicate_id");
}

TEST(grid, framework_must_be_declared_before_use) {
  std::string g = variant(R"(<competence id="C" label="Compétence" levelScale="s3">)",
                          R"(<competence id="C" label="Compétence" levelScale="s3"><alignment framework="esco" code="x"/>)");
  auto r = parse_grid(g, "t.xml");
  EXPECT_ERROR(r, "grid.unknown_framework");
  EXPECT_NE(r.error().message.find("esco"), std::string::npos);
  // Declared after the domains is still "not declared before use".
  std::string late = g;
  late.replace(late.find("</competenceGrid>"), 17,
               R"(<frameworks><framework id="esco" name="ESCO" version="1.2.0"/></frameworks></competenceGrid>)");
  EXPECT_ERROR(parse_grid(late, "t.xml"), "grid.unknown_framework");
  // Declared first: fine, and the URL is built from uriBase.
  std::string ok = g;
  ok.replace(ok.find("<levelScale"), 11,
             R"(<frameworks><framework id="esco" name="ESCO" version="1.2.0" uriBase="http://data.europa.eu/esco/skill/"/></frameworks><levelScale)");
  auto good = parse_grid(ok, "t.xml");
  ASSERT_OK(good);
  EXPECT_EQ(good->find_competence("C")->alignments[0].url, "http://data.europa.eu/esco/skill/x");
}

TEST(grid, weights_must_be_positive_exact_decimals) {
  for (const char* w : {"0", "-1", "abc", "1e2", "0.0000001", "2000000"}) {
    auto r = parse_grid(variant(R"(weight="3")", std::string("weight=\"") + w + "\""), "t.xml");
    EXPECT_ERROR(r, "grid.bad_weight");
  }
  auto ok = parse_grid(variant(R"(weight="3")", R"(weight="2.5")"), "t.xml");
  ASSERT_OK(ok);
  EXPECT_EQ(ok->find_indicator("C.3.a")->indicator->weight, Rational(5, 2));
}

// rectec.md §4.5 case 16: a declared level with no indicators cannot be attained.
TEST(grid, level_without_indicator_is_rejected) {
  auto r = parse_grid(variant(R"(<indicator id="C.3.a" weight="3">a3</indicator><indicator id="C.3.b">b3</indicator><indicator id="C.3.c">c3</indicator>)", ""), "t.xml");
  EXPECT_ERROR(r, "grid.empty_level");
  EXPECT_NE(r.error().message.find("niveau 3"), std::string::npos);
}

TEST(grid, level_scale_must_exist) {
  auto r = parse_grid(variant(R"(levelScale="s3")", R"(levelScale="s9")"), "t.xml");
  EXPECT_ERROR(r, "grid.unknown_level_scale");
}

TEST(grid, rating_scale_must_exist) {
  EXPECT_ERROR(parse_grid(variant(R"(levelScale="s3">)", R"(levelScale="s3" ratingScale="zz">)"), "t.xml"),
               "grid.unknown_rating_scale");
}

TEST(grid, every_scale_level_must_be_described) {
  std::string g = kTestGrid;
  auto from = g.find("<level n=\"3\">");
  auto to = g.find("</level>", from) + 8;
  g.erase(from, to - from);
  auto r = parse_grid(g, "t.xml");
  EXPECT_ERROR(r, "grid.level_mismatch");
  EXPECT_NE(r.error().message.find("niveau 3"), std::string::npos);
}

TEST(grid, level_outside_the_scale_is_rejected) {
  auto r = parse_grid(variant(R"(<level n="3">)", R"(<level n="4">)"), "t.xml");
  EXPECT_ERROR(r, "grid.level_mismatch");
}

TEST(grid, scale_levels_must_be_numbered_in_order) {
  EXPECT_ERROR(parse_grid(variant(R"(<level n="2" label="Deux"/>)", R"(<level n="5" label="Deux"/>)"), "t.xml"),
               "grid.bad_scale");
}

TEST(grid, rating_scale_needs_a_meeting_value) {
  std::string g = variant(R"(rank="2" meets="true")", R"(rank="2")");
  g.replace(g.find(R"(rank="3" meets="true")"), 21, R"(rank="3")");
  EXPECT_ERROR(parse_grid(g, "t.xml"), "grid.bad_scale");
}

TEST(grid, meets_must_be_monotonic_in_rank) {
  EXPECT_ERROR(parse_grid(variant(R"(rank="3" meets="true")", R"(rank="3")"), "t.xml"), "grid.bad_scale");
}

TEST(grid, non_observe_value_has_no_rank) {
  EXPECT_ERROR(parse_grid(variant(R"(observed="false")", R"(observed="false" rank="9")"), "t.xml"),
               "grid.bad_scale");
}

// rectec.md §4.5 case 17: overrides keep ids; one naming an unknown indicator is refused.
TEST(grid, override_must_name_an_existing_indicator) {
  auto r = parse_grid(variant(R"(ref="C.1.a")", R"(ref="C.1.z")"), "t.xml");
  EXPECT_ERROR(r, "grid.unknown_indicator");
}

TEST(grid, contextualisation_needs_a_rome_code) {
  EXPECT_ERROR(parse_grid(variant(R"(rome="K2204")", R"(rome="cleaning")"), "t.xml"), "xml.bad_value");
}

TEST(grid, version_must_be_semver) {
  auto r = parse_grid(variant(R"(version="1.0.0")", R"(version="v1")"), "t.xml");
  EXPECT_ERROR(r, "grid.bad_version");
  EXPECT_EQ(r.error().where, "t.xml:2:60");
}

TEST(grid, grid_without_competence_is_rejected) {
  std::string g = kTestGrid;
  auto from = g.find("<domain");
  auto to = g.find("</domain>") + 9;
  g.erase(from, to - from);
  EXPECT_ERROR(parse_grid(g, "t.xml"), "grid.no_competence");
}

TEST(grid, ids_use_a_safe_alphabet) {
  EXPECT_ERROR(parse_grid(variant(R"(id="C.1.b")", R"(id="C 1 b")"), "t.xml"), "xml.bad_value");
}

TEST(grid, indicator_needs_wording) {
  EXPECT_ERROR(parse_grid(variant(R"(<indicator id="C.1.b">b1</indicator>)", R"(<indicator id="C.1.b"> </indicator>)"), "t.xml"),
               "xml.bad_value");
}

TEST(grid, embedded_policy_is_read) {
  auto g = parse_grid(variant("<domain", R"(<scoringPolicy id="p" version="2"><levelAttained minMetShare="3/4"/></scoringPolicy><domain)"),
                      "t.xml");
  ASSERT_OK(g);
  ASSERT_TRUE(g->policy);
  EXPECT_EQ(g->policy->min_met_share, Rational(3, 4));
  EXPECT_EQ(g->effective_policy().version, "2");
}

TEST(grid, two_rating_scales_require_an_explicit_choice) {
  std::string g = variant("<domain", R"(<ratingScale id="r2"><value code="x" label="x" rank="0" meets="true"/></ratingScale><domain)");
  EXPECT_ERROR(parse_grid(g, "t.xml"), "xml.missing_attribute");
  std::string chosen = g;
  chosen.replace(chosen.find(R"(levelScale="s3">)"), 16, R"(levelScale="s3" ratingScale="r">)");
  EXPECT_OK(parse_grid(chosen, "t.xml"));
}

}  // namespace
}  // namespace ecusson::assessment
