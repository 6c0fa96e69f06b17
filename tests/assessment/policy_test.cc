#include "ecusson/assessment/scoring_policy.h"

#include "fixtures.h"

namespace ecusson::assessment {
namespace {

std::string policy(const std::string& body) {
  return R"(<scoringPolicy xmlns="urn:ecusson:grid:1" id="p" version="1">)" + body + "</scoringPolicy>";
}

TEST(policy, defaults_follow_rectec_section_5) {
  ScoringPolicy p = ScoringPolicy::defaults();
  EXPECT_EQ(p.tutor_weight, Rational(1));
  EXPECT_EQ(p.referent_weight, Rational(1));
  EXPECT_EQ(p.self_weight, Rational(0));
  EXPECT_EQ(p.method, Consolidation::weighted_median);
  EXPECT_EQ(p.tie_break, TieBreak::lower);
  EXPECT_EQ(p.max_rank_gap, 1);  // divergence from a gap of 2
  EXPECT_EQ(p.min_coverage, Rational(1, 2));
  EXPECT_EQ(p.min_met_share, Rational(2, 3));
  EXPECT_TRUE(p.critical_must_be_met);
}

TEST(policy, empty_policy_element_keeps_defaults) {
  auto p = parse_policy(policy(""), "p.xml");
  ASSERT_OK(p);
  EXPECT_EQ(p->min_met_share, Rational(2, 3));
  EXPECT_EQ(p->source_file, "p.xml");
}

TEST(policy, reads_every_setting) {
  auto p = parse_policy(policy(R"(
    <evaluatorWeights tutor="2" referent="1.5" self="0.25"/>
    <perEvaluator latestOnly="false"/>
    <consolidate method="role-priority" tieBreak="upper" rolePriority="tutor referent"/>
    <disagreement maxRankGap="2" onExceed="flag-only"/>
    <indicatorMet minRank="3"/>
    <levelAttained minCoverage="0.6" minObserved="3" minMetShare="0.75" criticalMustBeMet="false"/>
    <cumulative requireLowerLevels="false" allowGapFill="none"/>
    <partial minMetShare="1/2"/>
    <cap byPlacement="false"/>
    <confidence singleEvaluatorFactor="1/2"/>
    <requirements minEvaluatorRoles="2" missedHoursFlagShare="0.1"/>)"),
                        "p.xml");
  ASSERT_OK(p);
  EXPECT_EQ(p->tutor_weight, Rational(2));
  EXPECT_EQ(p->referent_weight, Rational(3, 2));
  EXPECT_EQ(p->self_weight, Rational(1, 4));
  EXPECT_FALSE(p->latest_only);
  EXPECT_EQ(p->method, Consolidation::role_priority);
  EXPECT_EQ(p->tie_break, TieBreak::upper);
  EXPECT_EQ(p->role_priority, (std::vector<EvaluatorRole>{EvaluatorRole::tutor, EvaluatorRole::referent}));
  EXPECT_EQ(p->max_rank_gap, 2);
  EXPECT_EQ(p->on_exceed, DivergenceAction::flag_only);
  EXPECT_EQ(*p->met_min_rank, 3);
  EXPECT_EQ(p->min_coverage, Rational(3, 5));
  EXPECT_EQ(p->min_observed, 3);
  EXPECT_EQ(p->min_met_share, Rational(3, 4));
  EXPECT_FALSE(p->critical_must_be_met);
  EXPECT_FALSE(p->require_lower_levels);
  EXPECT_EQ(p->gap_fill, GapFill::none);
  EXPECT_EQ(p->partial_min_met_share, Rational(1, 2));
  EXPECT_FALSE(p->cap_by_placement);
  EXPECT_EQ(p->single_evaluator_factor, Rational(1, 2));
  EXPECT_EQ(p->min_evaluator_roles, 2);
  EXPECT_EQ(p->missed_hours_flag_share, Rational(1, 10));
}

TEST(policy, share_above_one_is_rejected) {
  auto r = parse_policy(policy(R"(<levelAttained minMetShare="1.5"/>)"), "p.xml");
  EXPECT_ERROR(r, "policy.bad_value");
  EXPECT_EQ(r.error().where, "p.xml:1:90");
}

TEST(policy, unknown_method_lists_the_choices) {
  auto r = parse_policy(policy(R"(<consolidate method="mean"/>)"), "p.xml");
  EXPECT_ERROR(r, "policy.bad_value");
  EXPECT_NE(r.error().message.find("weighted-median | min | max | role-priority"), std::string::npos);
}

TEST(policy, all_zero_weights_are_rejected) {
  EXPECT_ERROR(parse_policy(policy(R"(<evaluatorWeights tutor="0" referent="0" self="0"/>)"), "p.xml"),
               "policy.bad_value");
}

TEST(policy, unknown_setting_is_reported) {
  EXPECT_ERROR(parse_policy(policy(R"(<levelAttained minScore="2"/>)"), "p.xml"), "xml.unknown_attribute");
  EXPECT_ERROR(parse_policy(policy(R"(<magic/>)"), "p.xml"), "xml.unknown_element");
}

TEST(policy, setting_given_twice_is_reported) {
  EXPECT_ERROR(parse_policy(policy(R"(<cap byPlacement="true"/><cap byPlacement="false"/>)"), "p.xml"),
               "xml.duplicate_element");
}

TEST(policy, policy_root_needs_the_grid_namespace) {
  EXPECT_ERROR(parse_policy(R"(<scoringPolicy xmlns="urn:ecusson:eval:1" id="p" version="1"/>)", "p.xml"),
               "xml.wrong_namespace");
}

// A policy with minRank 3 makes a "2" unmet, even though the scale says "2" meets.
TEST(policy, indicator_met_rank_overrides_the_scale) {
  ScoringPolicy p;
  p.met_min_rank = 3;
  auto r = testing::score_obs(testing::level_all(1, "T", "2"), p);
  EXPECT_FALSE(testing::ind(r, "C.1.a").met);
  EXPECT_EQ(testing::comp(r).level, 0);
}

}  // namespace
}  // namespace ecusson::assessment
