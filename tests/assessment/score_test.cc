// The scoring engine against every edge case of rectec.md §4.5. Each expected value is
// worked out by hand in the comment above it, on grid "t" (see fixtures.h).
#include "ecusson/assessment/score.h"

#include "fixtures.h"

namespace ecusson::assessment {
namespace {

using namespace testing;

// ---- Case 1: observation gaps -------------------------------------------------------

// Nothing observed: every level has observed weight 0, so every level is "insufficient
// evidence"; the competence is insufficient-evidence (never "failed"), level 0, and the
// confidence is 0/3 × 1 = 0.
TEST(score_gaps, no_observation_is_insufficient_evidence_not_failure) {
  auto r = score_obs({});
  EXPECT_EQ(comp(r).status, CompetenceStatus::insufficient_evidence);
  EXPECT_EQ(comp(r).level, 0);
  for (int n = 1; n <= 3; ++n) EXPECT_EQ(lvl(r, n).outcome, LevelOutcome::insufficient_evidence);
  EXPECT_EQ(comp(r).confidence, Rational(0));
}

// Everything rated "NO": "non observé" drops out of the denominator instead of counting as
// 0, so this is the same as no observation at all.
TEST(score_gaps, all_non_observe_is_insufficient_evidence) {
  auto r = score_obs(level_all(1, "T", "NO") + level_all(2, "T", "NO") + level_all(3, "R", "NO"));
  EXPECT_EQ(comp(r).status, CompetenceStatus::insufficient_evidence);
  EXPECT_EQ(lvl(r, 1).observed, 0);
  EXPECT_EQ(lvl(r, 1).coverage, Rational(0));
  EXPECT_FALSE(ind(r, "C.1.a").observed);
}

// Level 1 fully met by T (3/3 observed, 3/3 met) and level 2 not observed at all:
// level 1 attained, level 2 insufficient evidence → status attained, level 1, next level 2
// with outcome insufficient-evidence.
TEST(score_gaps, unobserved_level_above_an_attained_one) {
  auto r = score_obs(level_all(1, "T", "2"));
  EXPECT_EQ(comp(r).status, CompetenceStatus::attained);
  EXPECT_EQ(comp(r).level, 1);
  ASSERT_TRUE(comp(r).next_level.has_value());
  EXPECT_EQ(*comp(r).next_level, 2);
  EXPECT_EQ(*comp(r).next_outcome, LevelOutcome::insufficient_evidence);
}

// Enough observed, nothing met: level 1 has coverage 1, met share 0/3 = 0 < 1/3 (partial
// threshold) → not demonstrated; status not-demonstrated.
TEST(score_gaps, observed_but_not_met_is_not_demonstrated) {
  auto r = score_obs(level_all(1, "T", "0"));
  EXPECT_EQ(lvl(r, 1).outcome, LevelOutcome::not_demonstrated);
  EXPECT_EQ(comp(r).status, CompetenceStatus::not_demonstrated);
}

// Level 1 with 1 of 3 met: met share 1/3 ≥ partial 1/3 (inclusive) but < 2/3 → partial;
// no level attained → status in-progress, next level 1.
TEST(score_gaps, partial_first_level_is_in_progress) {
  auto r = score_obs({{"C.1.a", "T", "2"}, {"C.1.b", "T", "1"}, {"C.1.c", "T", "0"}});
  EXPECT_EQ(lvl(r, 1).met_share, Rational(1, 3));
  EXPECT_EQ(lvl(r, 1).outcome, LevelOutcome::partial);
  EXPECT_EQ(comp(r).status, CompetenceStatus::in_progress);
  EXPECT_EQ(comp(r).level, 0);
  EXPECT_EQ(*comp(r).next_level, 1);
}

// ---- Case 2: unbalanced weights ------------------------------------------------------

// Level 3 weights are 3, 1, 1 (total 5). Observing only the two light indicators gives
// 2 observed indicators (≥ minObserved 2) but coverage 2/5 < 1/2 → insufficient evidence:
// coverage is by weight, not by count.
TEST(score_weights, light_indicators_alone_do_not_cover_a_level) {
  auto r = score_obs(level_all(1, "T", "3") + level_all(2, "T", "3") +
                     std::vector<Obs>{{"C.3.b", "T", "3"}, {"C.3.c", "T", "3"}});
  EXPECT_EQ(lvl(r, 3).observed, 2);
  EXPECT_EQ(lvl(r, 3).coverage, Rational(2, 5));
  EXPECT_EQ(lvl(r, 3).outcome, LevelOutcome::insufficient_evidence);
  EXPECT_EQ(comp(r).level, 2);
}

// The heavy indicator with one light one: coverage (3+1)/5 = 4/5, met weight 3 of 4
// observed = 3/4 ≥ 2/3 → attained, even though by count 1 of 2 would be only 1/2.
TEST(score_weights, met_share_is_weighted) {
  auto r = score_obs(level_all(1, "T", "3") + level_all(2, "T", "3") +
                     std::vector<Obs>{{"C.3.a", "T", "2"}, {"C.3.b", "T", "0"}});
  EXPECT_EQ(lvl(r, 3).coverage, Rational(4, 5));
  EXPECT_EQ(lvl(r, 3).met_share, Rational(3, 4));
  EXPECT_EQ(lvl(r, 3).outcome, LevelOutcome::attained);
  EXPECT_EQ(comp(r).level, 3);
  EXPECT_EQ(comp(r).status, CompetenceStatus::attained);
  EXPECT_FALSE(comp(r).next_level.has_value());  // top of the scale
}

// The heavy indicator alone: coverage 3/5 ≥ 1/2 but 1 observed < minObserved 2 →
// insufficient evidence.
TEST(score_weights, one_heavy_indicator_is_not_enough_observations) {
  auto r = score_obs(level_all(1, "T", "3") + level_all(2, "T", "3") +
                     std::vector<Obs>{{"C.3.a", "T", "3"}});
  EXPECT_EQ(lvl(r, 3).coverage, Rational(3, 5));
  EXPECT_EQ(lvl(r, 3).min_observed, 2);
  EXPECT_EQ(lvl(r, 3).outcome, LevelOutcome::insufficient_evidence);
}

// ---- Case 3: critical indicators -----------------------------------------------------

// Level 2: C.2.a (critical) rated 1 (unmet), C.2.b and C.2.c met → met share 2/3, which
// reaches 2/3, but the critical indicator is unmet: not attained. 2/3 ≥ 1/3 → partial.
// Level 1 attained → status attained, level 1, next level 2 partial ("in progress").
TEST(score_critical, unmet_critical_blocks_the_level) {
  auto r = score_obs(level_all(1, "T", "2") +
                     std::vector<Obs>{{"C.2.a", "T", "1"}, {"C.2.b", "T", "2"}, {"C.2.c", "T", "3"}});
  EXPECT_EQ(lvl(r, 2).met_share, Rational(2, 3));
  EXPECT_EQ(lvl(r, 2).critical_unmet, std::vector<std::string>{"C.2.a"});
  EXPECT_EQ(lvl(r, 2).outcome, LevelOutcome::partial);
  EXPECT_EQ(comp(r).level, 1);
  EXPECT_EQ(*comp(r).next_outcome, LevelOutcome::partial);
}

// Critical C.2.a not observed, the two others met: coverage 2/3 ≥ 1/2, observed 2, met
// share 2/2 = 1, but a critical indicator lacks evidence → insufficient evidence (not
// "not demonstrated": nobody saw it fail).
TEST(score_critical, unobserved_critical_is_missing_evidence) {
  auto r = score_obs(level_all(1, "T", "2") +
                     std::vector<Obs>{{"C.2.b", "T", "2"}, {"C.2.c", "T", "2"}});
  EXPECT_EQ(lvl(r, 2).critical_unobserved, std::vector<std::string>{"C.2.a"});
  EXPECT_EQ(lvl(r, 2).outcome, LevelOutcome::insufficient_evidence);
  EXPECT_EQ(comp(r).level, 1);
}

// With criticalMustBeMet="false" the same observations attain level 2.
TEST(score_critical, policy_can_ignore_critical_flags) {
  ScoringPolicy p;
  p.critical_must_be_met = false;
  auto r = score_obs(level_all(1, "T", "2") +
                     std::vector<Obs>{{"C.2.a", "T", "1"}, {"C.2.b", "T", "2"}, {"C.2.c", "T", "3"}}, p);
  EXPECT_EQ(lvl(r, 2).outcome, LevelOutcome::attained);
  EXPECT_EQ(comp(r).level, 2);
}

// ---- Case 4: disagreeing evaluators --------------------------------------------------

// Tutor 3 vs referent 0 on C.1.a: gap 3 > maxRankGap 1 → divergent, held (counted as
// unobserved). Level 1 still has C.1.b and C.1.c met by T: coverage 2/3, met 2/2 → attained,
// but a held indicator sits in the deciding levels (1..2) → status divergent-held, and the
// level (1) is provisional until a referent arbitrates.
TEST(score_disagreement, tutor_3_referent_0_is_held_for_arbitration) {
  auto r = score_obs({{"C.1.a", "T", "3"}, {"C.1.a", "R", "0"}, {"C.1.b", "T", "2"}, {"C.1.c", "T", "2"}});
  EXPECT_TRUE(ind(r, "C.1.a").divergent);
  EXPECT_TRUE(ind(r, "C.1.a").held);
  EXPECT_FALSE(ind(r, "C.1.a").observed);
  EXPECT_EQ(lvl(r, 1).held, 1);
  EXPECT_EQ(comp(r).status, CompetenceStatus::divergent_held);
  EXPECT_EQ(comp(r).level, 1);
  EXPECT_EQ(comp(r).basis.held, 1);
}

// The referent's arbitration (rating 2, overriding both observations) settles C.1.a: it is
// observed with rank 2 (met), no longer held → status attained. The two original ratings
// stay in the contributions (audit trail, case 14).
TEST(score_disagreement, arbitration_settles_a_divergent_indicator) {
  auto r = score_obs({{"C.1.a", "T", "3", "2025-03-10", R"(id="o1")"},
                      {"C.1.a", "R", "0", "2025-03-10", R"(id="o2")"},
                      {"C.1.b", "T", "2"},
                      {"C.1.c", "T", "2"},
                      {"C.1.a", "R", "2", "2025-03-14", R"(arbitration="true" overrides="o1 o2")"}});
  const auto& a = ind(r, "C.1.a");
  EXPECT_TRUE(a.arbitrated);
  EXPECT_TRUE(a.divergent);
  EXPECT_FALSE(a.held);
  EXPECT_TRUE(a.met);
  EXPECT_EQ(*a.rank, 2);
  EXPECT_EQ(a.contributions.size(), 3u);
  EXPECT_EQ(comp(r).status, CompetenceStatus::attained);
  EXPECT_EQ(comp(r).basis.divergent, 0);  // settled divergences no longer lower confidence
}

// Tutor 2 vs referent 3 (gap 1, within maxRankGap): weighted median of {2 (w1), 3 (w1)}:
// total 2, cumulative weight at rank 2 is 1, and 2×1 ≥ 2 → 2 ("ties go low").
TEST(score_disagreement, within_gap_weighted_median_ties_low) {
  auto r = score_obs({{"C.1.a", "T", "2"}, {"C.1.a", "R", "3"}});
  EXPECT_FALSE(ind(r, "C.1.a").divergent);
  EXPECT_EQ(*ind(r, "C.1.a").rank, 2);
  EXPECT_EQ(ind(r, "C.1.a").rating, "2");
}

// Same ratings, tieBreak="upper": 2×1 > 2 is false at rank 2, true at rank 3 → 3.
TEST(score_disagreement, upper_tie_break_goes_high) {
  ScoringPolicy p;
  p.tie_break = TieBreak::upper;
  auto r = score_obs({{"C.1.a", "T", "2"}, {"C.1.a", "R", "3"}}, p);
  EXPECT_EQ(*ind(r, "C.1.a").rank, 3);
}

// Referent weight 2: {2 (w1), 3 (w2)}, total 3; at rank 2 cumulative 1, 2×1 ≥ 3 false;
// at rank 3 cumulative 3 → 3. The heavier evaluator wins.
TEST(score_disagreement, weights_move_the_median) {
  ScoringPolicy p;
  p.referent_weight = 2;
  auto r = score_obs({{"C.1.a", "T", "2"}, {"C.1.a", "R", "3"}}, p);
  EXPECT_EQ(*ind(r, "C.1.a").rank, 3);
}

// Three evaluators {1, 2, 2}: gap 1; weighted median: at rank 1 cumulative 1, 2 ≥ 3 false;
// at rank 2 cumulative 3 → 2 (met).
TEST(score_disagreement, median_of_three) {
  auto r = score_obs({{"C.1.a", "T", "1"}, {"C.1.a", "T2", "2"}, {"C.1.a", "R", "2"}});
  EXPECT_EQ(*ind(r, "C.1.a").rank, 2);
  EXPECT_TRUE(ind(r, "C.1.a").met);
}

// method="min": {2, 3} → 2; method="role-priority" (referent first): the referent's 3.
TEST(score_disagreement, other_consolidation_methods) {
  ScoringPolicy p;
  p.method = Consolidation::min;
  EXPECT_EQ(*ind(score_obs({{"C.1.a", "T", "3"}, {"C.1.a", "R", "2"}}, p), "C.1.a").rank, 2);
  p.method = Consolidation::max;
  EXPECT_EQ(*ind(score_obs({{"C.1.a", "T", "3"}, {"C.1.a", "R", "2"}}, p), "C.1.a").rank, 3);
  p.method = Consolidation::role_priority;
  EXPECT_EQ(*ind(score_obs({{"C.1.a", "T", "2"}, {"C.1.a", "R", "3"}}, p), "C.1.a").rank, 3);
}

// onExceed="flag-only": the tutor 3 / referent 0 divergence is reported but consolidated
// (median of {0, 3} ties low → 0, unmet), not held.
TEST(score_disagreement, flag_only_consolidates_divergence) {
  ScoringPolicy p;
  p.on_exceed = DivergenceAction::flag_only;
  auto r = score_obs({{"C.1.a", "T", "3"}, {"C.1.a", "R", "0"}}, p);
  EXPECT_TRUE(ind(r, "C.1.a").divergent);
  EXPECT_FALSE(ind(r, "C.1.a").held);
  EXPECT_EQ(*ind(r, "C.1.a").rank, 0);
}

// ---- Case 5: one evaluator only ------------------------------------------------------

// Only the tutor, level 1 fully met, level 2 empty. Confidence is computed over levels 1..2
// (level + 1): coverage 3/6 = 1/2, no divergence → 1/2 × 1 = 1/2, then × 3/4 because a
// single role was counted → 3/8.
TEST(score_single_evaluator, lowers_confidence) {
  auto r = score_obs(level_all(1, "T", "2"));
  EXPECT_EQ(comp(r).level, 1);
  EXPECT_EQ(comp(r).confidence, Rational(3, 8));
  EXPECT_EQ(comp(r).basis.roles, std::vector<EvaluatorRole>{EvaluatorRole::tutor});
}

// Tutor and referent on level 1: same coverage 1/2, two roles → no factor: 1/2.
TEST(score_single_evaluator, two_roles_keep_full_confidence) {
  auto r = score_obs(level_all(1, "T", "2") + level_all(1, "R", "2"));
  EXPECT_EQ(comp(r).confidence, Rational(1, 2));
  EXPECT_TRUE(comp(r).basis.evaluator_requirement_met);
}

// A policy requiring 2 roles flags the single-tutor result (without changing the level).
TEST(score_single_evaluator, policy_can_require_two_roles) {
  ScoringPolicy p;
  p.min_evaluator_roles = 2;
  auto r = score_obs(level_all(1, "T", "2"), p);
  EXPECT_EQ(comp(r).level, 1);
  EXPECT_FALSE(comp(r).basis.evaluator_requirement_met);
}

// ---- Case 6: self-assessment ---------------------------------------------------------

// Only the participant rated level 1 (all 3): stored and shown, weight 0, so nothing is
// observed → insufficient evidence; 3 indicators are "self only"; a flag says so.
TEST(score_self, self_assessment_alone_counts_zero) {
  auto r = score_obs(level_all(1, "S", "3"));
  EXPECT_EQ(comp(r).status, CompetenceStatus::insufficient_evidence);
  EXPECT_EQ(lvl(r, 1).observed, 0);
  EXPECT_TRUE(ind(r, "C.1.a").self_only);
  EXPECT_EQ(ind(r, "C.1.a").contributions.size(), 1u);
  EXPECT_FALSE(ind(r, "C.1.a").contributions[0].counted);
  EXPECT_NE(std::find(r.flags.begin(), r.flags.end(), "evaluation.self_only_indicators"), r.flags.end());
}

// Even a policy giving self weight 1 never lets self-assessment be the only basis.
TEST(score_self, self_is_never_the_only_basis_even_with_weight) {
  ScoringPolicy p;
  p.self_weight = 1;
  auto r = score_obs(level_all(1, "S", "3"), p);
  EXPECT_EQ(comp(r).status, CompetenceStatus::insufficient_evidence);
  EXPECT_FALSE(ind(r, "C.1.a").observed);
}

// Self 0 next to tutor 2: self counts 0 so the tutor's 2 decides; no divergence is
// computed against an uncounted rating.
TEST(score_self, self_does_not_pull_the_median) {
  auto r = score_obs({{"C.1.a", "T", "2"}, {"C.1.a", "S", "0"}});
  EXPECT_EQ(*ind(r, "C.1.a").rank, 2);
  EXPECT_FALSE(ind(r, "C.1.a").divergent);
}

// ---- Case 7: repeated observations ---------------------------------------------------

// T rated C.1.a "0" on 03-12 and "2" on 03-05; the file lists the later date first. The
// latest dated one (0, 03-12) is kept, whatever the file order.
TEST(score_repeated, latest_observation_per_evaluator_wins) {
  auto r = score_obs({{"C.1.a", "T", "0", "2025-03-12"}, {"C.1.a", "T", "2", "2025-03-05"}});
  EXPECT_EQ(*ind(r, "C.1.a").rank, 0);
  ASSERT_EQ(ind(r, "C.1.a").contributions.size(), 1u);
  EXPECT_EQ(ind(r, "C.1.a").contributions[0].date.to_string(), "2025-03-12");
}

// Same date twice: the one later in the file wins (1 then 3 → 3).
TEST(score_repeated, same_date_later_in_file_wins) {
  auto r = score_obs({{"C.1.a", "T", "1"}, {"C.1.a", "T", "3"}});
  EXPECT_EQ(*ind(r, "C.1.a").rank, 3);
}

// latestOnly="false": the best rank among the evaluator's observations (2 beats a later 0).
TEST(score_repeated, best_of_evaluator_when_policy_says_so) {
  ScoringPolicy p;
  p.latest_only = false;
  auto r = score_obs({{"C.1.a", "T", "0", "2025-03-12"}, {"C.1.a", "T", "2", "2025-03-05"}}, p);
  EXPECT_EQ(*ind(r, "C.1.a").rank, 2);
}

// A later "non observé" replaces an earlier rating: the latest word of the evaluator.
TEST(score_repeated, later_non_observe_replaces_earlier_rating) {
  auto r = score_obs({{"C.1.a", "T", "3", "2025-03-05"}, {"C.1.a", "T", "NO", "2025-03-12"}});
  EXPECT_FALSE(ind(r, "C.1.a").observed);
}

// ---- Case 8: non-monotonic results ---------------------------------------------------

// Level 1 met, level 2 all 0 (not demonstrated), level 3 all met: level 3 is not
// awarded; the result is level 1 and flagged inconsistent at level 3 for a person.
TEST(score_monotonic, attained_above_not_demonstrated_is_flagged_not_awarded) {
  auto r = score_obs(level_all(1, "T", "2") + level_all(2, "T", "0") + level_all(3, "T", "3"));
  EXPECT_EQ(lvl(r, 3).outcome, LevelOutcome::attained);
  EXPECT_EQ(lvl(r, 2).outcome, LevelOutcome::not_demonstrated);
  EXPECT_EQ(comp(r).level, 1);
  EXPECT_TRUE(comp(r).inconsistent);
  EXPECT_EQ(comp(r).inconsistent_levels, std::vector<int>{3});
}

// Level 2 with no evidence but level 3 clearly attained: gap fill (evidence of higher)
// counts level 2 as attained → level 3, level 2 marked gap_filled, not inconsistent.
TEST(score_monotonic, gap_fill_by_evidence_of_higher) {
  auto r = score_obs(level_all(1, "T", "2") + level_all(3, "T", "3"));
  EXPECT_EQ(lvl(r, 2).outcome, LevelOutcome::insufficient_evidence);
  EXPECT_EQ(comp(r).level, 3);
  EXPECT_TRUE(lvl(r, 2).gap_filled);
  EXPECT_FALSE(comp(r).inconsistent);
}

// allowGapFill="none": the same observations give level 1.
TEST(score_monotonic, no_gap_fill_when_disabled) {
  ScoringPolicy p;
  p.gap_fill = GapFill::none;
  auto r = score_obs(level_all(1, "T", "2") + level_all(3, "T", "3"), p);
  EXPECT_EQ(comp(r).level, 1);
}

// requireLowerLevels="false": the highest attained level counts (3), even above a level
// not demonstrated, and no inconsistency is raised.
TEST(score_monotonic, non_cumulative_policy_takes_highest) {
  ScoringPolicy p;
  p.require_lower_levels = false;
  auto r = score_obs(level_all(1, "T", "2") + level_all(2, "T", "0") + level_all(3, "T", "3"), p);
  EXPECT_EQ(comp(r).level, 3);
  EXPECT_FALSE(comp(r).inconsistent);
}

// ---- Case 9: placement ended early ---------------------------------------------------

// Partially completed, 30 of 70 hours missed (30/70 = 3/7 ≥ 1/4): flags "ended early" and
// "attendance", but the competence result is exactly the one of a completed placement.
TEST(score_early_end, partial_placement_is_flagged_never_penalised) {
  auto obs = level_all(1, "T", "2") + level_all(2, "T", "2");
  auto normal = score_obs(obs);
  auto early = score_obs(obs, ScoringPolicy::defaults(),
                         R"(completion="partially-completed" hoursPlanned="70" hoursMissed="30" lastDayOfPresence="2025-03-10")");
  EXPECT_NE(std::find(early.flags.begin(), early.flags.end(), "placement.ended_early"), early.flags.end());
  EXPECT_NE(std::find(early.flags.begin(), early.flags.end(), "placement.attendance"), early.flags.end());
  EXPECT_TRUE(normal.flags.empty());
  EXPECT_EQ(comp(early).level, comp(normal).level);
  EXPECT_EQ(comp(early).status, comp(normal).status);
  EXPECT_EQ(comp(early).confidence, comp(normal).confidence);
}

// 7 of 70 hours missed = 1/10 < 1/4: no attendance flag.
TEST(score_early_end, few_missed_hours_raise_no_flag) {
  auto r = score_obs({}, ScoringPolicy::defaults(), R"(hoursPlanned="70" hoursMissed="7")");
  EXPECT_TRUE(r.flags.empty());
}

// DID_NOT_SHOW: no observations may exist, and there is no result at all.
TEST(score_early_end, did_not_show_gives_no_result) {
  auto r = score_obs({}, ScoringPolicy::defaults(), R"(completion="did-not-show")");
  EXPECT_TRUE(r.no_result);
  EXPECT_TRUE(r.competences.empty());
  EXPECT_EQ(r.flags, std::vector<std::string>{"placement.did_not_show"});
}

// ---- Case 10: context cap ------------------------------------------------------------

// All three levels met but maxObservableLevel="2": uncapped 3, level 2, capped, and no
// "next level" (the context could not show it).
TEST(score_cap, cap_limits_the_level_and_says_so) {
  auto r = score_obs(level_all(1, "T", "2") + level_all(2, "T", "2") + level_all(3, "T", "2"),
                     ScoringPolicy::defaults(), R"(maxObservableLevel="2")");
  EXPECT_EQ(comp(r).uncapped_level, 3);
  EXPECT_EQ(comp(r).level, 2);
  EXPECT_EQ(comp(r).cap, 2);
  EXPECT_TRUE(comp(r).capped);
  EXPECT_FALSE(comp(r).next_level.has_value());
  EXPECT_TRUE(lvl(r, 3).above_cap);
}

// A discovery week (cap 2) where level 3 was never observed: level 2 reached the cap →
// "capped", not "level 3 not demonstrated".
TEST(score_cap, reaching_the_cap_is_capped_not_failed) {
  auto r = score_obs(level_all(1, "T", "2") + level_all(2, "T", "2"), ScoringPolicy::defaults(),
                     R"(maxObservableLevel="2")");
  EXPECT_EQ(comp(r).level, 2);
  EXPECT_TRUE(comp(r).capped);
  EXPECT_EQ(comp(r).status, CompetenceStatus::attained);
}

// A cap at the scale top changes nothing; cap byPlacement="false" ignores the cap.
TEST(score_cap, cap_at_top_or_disabled_is_not_capped) {
  auto obs = level_all(1, "T", "2") + level_all(2, "T", "2") + level_all(3, "T", "2");
  auto top = score_obs(obs, ScoringPolicy::defaults(), R"(maxObservableLevel="3")");
  EXPECT_FALSE(comp(top).capped);
  EXPECT_EQ(comp(top).level, 3);
  ScoringPolicy p;
  p.cap_by_placement = false;
  auto off = score_obs(obs, p, R"(maxObservableLevel="1")");
  EXPECT_EQ(comp(off).level, 3);
  EXPECT_FALSE(comp(off).capped);
}

// ---- Case 11: grid version drift -----------------------------------------------------

TEST(score_version, other_grid_version_is_refused_by_default) {
  Grid g = test_grid();
  auto e = parse_evaluation(eval_xml({{"C.1.a", "T", "2"}}, "exit", "", "0.9.0"), "e.eval.xml");
  ASSERT_OK(e);
  auto r = score(*e, g, ScoringPolicy::defaults());
  EXPECT_ERROR(r, "evaluation.grid_version_mismatch");
  EXPECT_EQ(r.error().where, "e.eval.xml:2:72");  // the gridVersion value
}

TEST(score_version, drift_can_be_accepted_with_a_flag_and_a_warning) {
  Grid g = test_grid();
  auto e = parse_evaluation(eval_xml({{"C.1.a", "T", "2"}}, "exit", "", "0.9.0"), "e.eval.xml");
  ASSERT_OK(e);
  ScoreOptions o;
  o.accept_grid_version_drift = true;
  auto r = score(*e, g, ScoringPolicy::defaults(), o);
  ASSERT_OK(r);
  EXPECT_NE(std::find(r->flags.begin(), r->flags.end(), "evaluation.grid_version_drift"), r->flags.end());
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].code, "evaluation.grid_version_drift");
}

// An indicator removed or renamed in the grid: the evaluation is rejected, even with drift
// accepted, naming the indicator and its position.
TEST(score_version, removed_indicator_is_rejected) {
  Grid g = test_grid();
  auto e = parse_evaluation(eval_xml({{"C.1.z", "T", "2"}}, "exit", "", "0.9.0"), "e.eval.xml");
  ASSERT_OK(e);
  ScoreOptions o;
  o.accept_grid_version_drift = true;
  auto r = score(*e, g, ScoringPolicy::defaults(), o);
  EXPECT_ERROR(r, "evaluation.unknown_indicator");
  EXPECT_NE(r.error().message.find("C.1.z"), std::string::npos);
}

// ---- Case 12: per-competence scales (never assume 4) ---------------------------------

TEST(score_scales, competences_with_2_and_8_levels) {
  std::string levels8;
  for (int n = 1; n <= 8; ++n)
    levels8 += "<level n=\"" + std::to_string(n) + "\"><indicator id=\"E." + std::to_string(n) +
               ".a\">x</indicator><indicator id=\"E." + std::to_string(n) + ".b\">y</indicator></level>";
  std::string grid = R"(<competenceGrid xmlns="urn:ecusson:grid:1" id="g" version="1.0.0">
    <levelScale id="two"><level n="1" label="Je pratique"/><level n="2" label="Je maîtrise"/></levelScale>
    <levelScale id="eight">)";
  for (int n = 1; n <= 8; ++n) grid += "<level n=\"" + std::to_string(n) + "\" label=\"L" + std::to_string(n) + "\"/>";
  grid += R"(</levelScale>
    <ratingScale id="r"><value code="NO" label="NO" observed="false"/><value code="0" label="non" rank="0"/><value code="1" label="oui" rank="1" meets="true"/></ratingScale>
    <domain id="D" label="D">
      <competence id="P" label="P" levelScale="two">
        <level n="1"><indicator id="P.1.a">a</indicator><indicator id="P.1.b">b</indicator></level>
        <level n="2"><indicator id="P.2.a">a</indicator><indicator id="P.2.b">b</indicator></level>
      </competence>
      <competence id="E" label="E" levelScale="eight">)" + levels8 + R"(</competence>
    </domain></competenceGrid>)";
  auto g = parse_grid(grid, "g.grid.xml");
  ASSERT_OK(g);
  std::string ev = R"(<evaluation xmlns="urn:ecusson:eval:1" id="x" grid="g" gridVersion="1.0.0" phase="exit">
    <participant ref="P1"/><evaluators><evaluator id="T" role="tutor"/></evaluators><observations>)";
  for (const char* i : {"P.1.a", "P.1.b", "P.2.a", "P.2.b"})
    ev += std::string("<obs indicator=\"") + i + "\" by=\"T\" date=\"2025-01-01\" rating=\"1\"/>";
  for (int n = 1; n <= 6; ++n)
    for (const char* s : {"a", "b"})
      ev += "<obs indicator=\"E." + std::to_string(n) + "." + s + "\" by=\"T\" date=\"2025-01-01\" rating=\"1\"/>";
  ev += "</observations></evaluation>";
  auto e = parse_evaluation(ev, "x.eval.xml");
  ASSERT_OK(e);
  auto r = score(*e, *g, ScoringPolicy::defaults());
  ASSERT_OK(r);
  const CompetenceResult* p = r->find("P");
  const CompetenceResult* e8 = r->find("E");
  ASSERT_TRUE(p && e8);
  EXPECT_EQ(p->levels.size(), 2u);
  EXPECT_EQ(p->level, 2);
  EXPECT_FALSE(p->next_level.has_value());
  EXPECT_EQ(e8->levels.size(), 8u);
  EXPECT_EQ(e8->level, 6);
  EXPECT_EQ(*e8->next_level, 7);
}

// ---- Case 13: ratings outside the scale, unknown ids ---------------------------------

TEST(score_bad_ratings, rating_outside_the_scale_is_rejected_with_position) {
  Grid g = test_grid();
  auto e = parse_evaluation(eval_xml({{"C.1.a", "T", "4"}}), "e.eval.xml");
  ASSERT_OK(e);
  auto r = score(*e, g, ScoringPolicy::defaults());
  EXPECT_ERROR(r, "evaluation.rating_not_in_scale");
  // Line 10 holds the first <obs>; the rating value starts at column 61.
  EXPECT_EQ(r.error().where, "e.eval.xml:10:61");
  EXPECT_NE(r.error().message.find("NO, 0, 1, 2, 3"), std::string::npos) << r.error().message;
}

TEST(score_bad_ratings, unknown_indicator_is_rejected) {
  Grid g = test_grid();
  auto e = parse_evaluation(eval_xml({{"X.9", "T", "2"}}), "e.eval.xml");
  ASSERT_OK(e);
  auto r = score(*e, g, ScoringPolicy::defaults());
  EXPECT_ERROR(r, "evaluation.unknown_indicator");
  EXPECT_EQ(r.error().where, "e.eval.xml:10:21");
}

TEST(score_bad_ratings, other_grid_is_rejected) {
  Grid g = test_grid();
  g.id = "other";
  auto e = parse_evaluation(eval_xml({}), "e.eval.xml");
  ASSERT_OK(e);
  EXPECT_ERROR(score(*e, g, ScoringPolicy::defaults()), "evaluation.grid_mismatch");
}

// ---- Case 15: ties and rounding ------------------------------------------------------

// Level 1 with 2 of 3 met: met share exactly 2/3. With the default 2/3 threshold it is
// attained (≥ is inclusive); with the "0.67" of a hand-written policy, 2/3 < 67/100 → not
// attained (partial). No floating point: the comparison is exact either way.
TEST(score_rounding, two_thirds_against_2_3_and_0_67) {
  auto obs = std::vector<Obs>{{"C.1.a", "T", "2"}, {"C.1.b", "T", "2"}, {"C.1.c", "T", "1"}};
  auto exact = score_obs(obs);
  EXPECT_EQ(lvl(exact, 1).met_share, Rational(2, 3));
  EXPECT_EQ(lvl(exact, 1).outcome, LevelOutcome::attained);
  ScoringPolicy p;
  p.min_met_share = *Rational::parse("0.67");
  auto rounded = score_obs(obs, p);
  EXPECT_EQ(lvl(rounded, 1).outcome, LevelOutcome::partial);
}

// Coverage exactly at the threshold: minCoverage 1/2 with 3 of 6 weight... level 1 of t has
// 3 indicators, so use a policy minCoverage 2/3 and observe 2 of 3 → 2/3 ≥ 2/3 attained.
TEST(score_rounding, coverage_equal_to_threshold_passes) {
  ScoringPolicy p;
  p.min_coverage = Rational(2, 3);
  auto r = score_obs({{"C.1.a", "T", "2"}, {"C.1.b", "T", "2"}}, p);
  EXPECT_EQ(lvl(r, 1).coverage, Rational(2, 3));
  EXPECT_EQ(lvl(r, 1).outcome, LevelOutcome::attained);
}

// ---- Case 17: contextualised wording does not change scoring -------------------------

TEST(score_context, override_changes_wording_not_ids) {
  Grid with = test_grid();
  Grid without = test_grid();
  without.contextualisations.clear();
  auto ref = with.find_indicator("C.1.a");
  ASSERT_TRUE(ref);
  EXPECT_EQ(with.indicator_label(*ref->indicator, "K2204"), "a1 pour le nettoyage");
  auto e = parse_evaluation(eval_xml(level_all(1, "T", "2")), "e.eval.xml");
  ASSERT_OK(e);
  auto a = score(*e, with, ScoringPolicy::defaults());
  auto b = score(*e, without, ScoringPolicy::defaults());
  ASSERT_OK(a);
  ASSERT_OK(b);
  EXPECT_EQ(comp(*a).level, comp(*b).level);
  EXPECT_EQ(comp(*a).indicators.size(), comp(*b).indicators.size());
  EXPECT_EQ(comp(*a).indicators[0].id, "C.1.a");
}

}  // namespace
}  // namespace ecusson::assessment
