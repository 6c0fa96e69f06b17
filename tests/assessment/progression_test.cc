// Progression between entry and exit (rectec.md §3.4, §4.3 step 7, §4.5 case 11).
#include "ecusson/assessment/progression.h"

#include "fixtures.h"

namespace ecusson::assessment {
namespace {

using namespace testing;

AssessmentResult scored(const std::vector<Obs>& obs, const std::string& phase,
                        const std::string& grid_version = "1.0.0") {
  Grid g = test_grid();
  g.version = grid_version;
  Evaluation e = parse_evaluation(eval_xml(obs, phase, "", grid_version), "e.eval.xml").value();
  return score(e, g, ScoringPolicy::defaults()).value();
}

// Entry: level 1 attained. Exit: levels 1 and 2 attained. Delta = 2 − 1 = +1.
TEST(progression, level_gain_between_entry_and_exit) {
  auto entry = scored(level_all(1, "R", "2"), "entry");
  auto exit = scored(level_all(1, "T", "3") + level_all(2, "T", "2"), "exit");
  auto p = compute_progression(entry, exit);
  ASSERT_OK(p);
  ASSERT_EQ(p->size(), 1u);
  const Progression& pr = (*p)[0].progression;
  EXPECT_TRUE(pr.comparable);
  EXPECT_EQ(pr.entry_level, 1);
  EXPECT_EQ(pr.exit_level, 2);
  EXPECT_EQ(pr.delta, 1);
  EXPECT_EQ(pr.entry_evaluation, "EV-T");
}

// A drop is reported as it is (−1), not hidden.
TEST(progression, level_drop_is_negative) {
  auto entry = scored(level_all(1, "R", "2") + level_all(2, "R", "2"), "entry");
  auto exit = scored(level_all(1, "T", "2") + level_all(2, "T", "0"), "exit");
  auto p = compute_progression(entry, exit);
  ASSERT_OK(p);
  EXPECT_EQ((*p)[0].progression.delta, -1);
}

// Not demonstrated at entry (level 0, enough evidence) is comparable: 0 → 1 is +1.
TEST(progression, from_not_demonstrated_is_comparable) {
  auto entry = scored(level_all(1, "R", "0"), "entry");
  auto exit = scored(level_all(1, "T", "2"), "exit");
  auto p = compute_progression(entry, exit);
  ASSERT_OK(p);
  EXPECT_TRUE((*p)[0].progression.comparable);
  EXPECT_EQ((*p)[0].progression.delta, 1);
}

TEST(progression, insufficient_evidence_at_entry_is_not_comparable) {
  auto entry = scored({}, "entry");
  auto exit = scored(level_all(1, "T", "2"), "exit");
  auto p = compute_progression(entry, exit);
  ASSERT_OK(p);
  EXPECT_FALSE((*p)[0].progression.comparable);
  EXPECT_EQ((*p)[0].progression.reason, "progression.insufficient_evidence_entry");
  EXPECT_EQ((*p)[0].progression.delta, 0);
}

TEST(progression, insufficient_evidence_at_exit_is_not_comparable) {
  auto entry = scored(level_all(1, "R", "2"), "entry");
  auto exit = scored({}, "exit");
  auto p = compute_progression(entry, exit);
  ASSERT_OK(p);
  EXPECT_EQ((*p)[0].progression.reason, "progression.insufficient_evidence_exit");
}

TEST(progression, divergence_held_is_not_comparable) {
  auto entry = scored(level_all(1, "R", "2"), "entry");
  auto exit = scored({{"C.1.a", "T", "3"}, {"C.1.a", "R", "0"}, {"C.1.b", "T", "2"}, {"C.1.c", "T", "2"}}, "exit");
  auto p = compute_progression(entry, exit);
  ASSERT_OK(p);
  EXPECT_EQ((*p)[0].progression.reason, "progression.divergent_held");
}

// Entry on grid v1.0.0, exit on v1.1.0: without a mapping, not comparable.
TEST(progression, other_grid_version_without_mapping_is_not_comparable) {
  auto entry = scored(level_all(1, "R", "2"), "entry", "1.0.0");
  auto exit = scored(level_all(1, "T", "2") + level_all(2, "T", "2"), "exit", "1.1.0");
  auto p = compute_progression(entry, exit);
  ASSERT_OK(p);
  EXPECT_FALSE((*p)[0].progression.comparable);
  EXPECT_EQ((*p)[0].progression.reason, "progression.grid_version_mismatch");
}

// With an explicit mapping 1.0.0 → 1.1.0 the same pair is comparable (+1).
TEST(progression, explicit_version_mapping_makes_it_comparable) {
  auto entry = scored(level_all(1, "R", "2"), "entry", "1.0.0");
  auto exit = scored(level_all(1, "T", "2") + level_all(2, "T", "2"), "exit", "1.1.0");
  GridVersionMapping m{"t", "1.0.0", "1.1.0", {}};
  auto p = compute_progression(entry, exit, m);
  ASSERT_OK(p);
  EXPECT_TRUE((*p)[0].progression.comparable);
  EXPECT_EQ((*p)[0].progression.delta, 1);
}

// A mapping renaming a competence: the exit's "C" is the entry's "OLD".
TEST(progression, mapping_follows_renamed_competences) {
  auto entry = scored(level_all(1, "R", "2"), "entry", "1.0.0");
  entry.competences[0].competence = "OLD";
  auto exit = scored(level_all(1, "T", "2") + level_all(2, "T", "2"), "exit", "1.1.0");
  GridVersionMapping m{"t", "1.0.0", "1.1.0", {{"OLD", "C"}}};
  auto p = compute_progression(entry, exit, m);
  ASSERT_OK(p);
  EXPECT_TRUE((*p)[0].progression.comparable);
  EXPECT_EQ((*p)[0].progression.entry_level, 1);
}

TEST(progression, refuses_other_participant_and_non_entry_reference) {
  auto entry = scored(level_all(1, "R", "2"), "entry");
  auto exit = scored(level_all(1, "T", "2"), "exit");
  auto other = exit;
  other.participant_ref = "P-OTHER";
  EXPECT_ERROR(compute_progression(entry, other), "progression.participant_mismatch");
  EXPECT_ERROR(compute_progression(exit, exit), "progression.not_entry");
  auto grid = exit;
  grid.grid_id = "other";
  EXPECT_ERROR(compute_progression(entry, grid), "progression.grid_mismatch");
}

TEST(progression, apply_stores_progression_in_the_result) {
  auto entry = scored(level_all(1, "R", "2"), "entry");
  auto exit = scored(level_all(1, "T", "3") + level_all(2, "T", "2"), "exit");
  ASSERT_OK(apply_progression(entry, exit));
  ASSERT_TRUE(exit.competences[0].progression.has_value());
  EXPECT_EQ(exit.competences[0].progression->delta, 1);
}

}  // namespace
}  // namespace ecusson::assessment
