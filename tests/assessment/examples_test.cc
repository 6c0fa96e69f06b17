// The example evaluations (examples/evaluations) score as examples/README.md describes.
// Every expectation below is derived by hand in that README, from the default policy of
// each grid.
#include <filesystem>

#include "ecusson/assessment/progression.h"
#include "ecusson/assessment/score.h"
#include "test_support.h"

namespace ecusson::assessment {
namespace {

using ecusson::test::source_dir;
using ecusson::test::templates_dir;

AssessmentResult run(const std::string& file) {
  auto e = load_evaluation((source_dir() / "examples/evaluations" / file).string());
  EXPECT_TRUE(e.has_value()) << (e ? "" : e.error().to_string());
  auto g = find_grid(templates_dir() / "grids", e->grid, e->grid_version);
  EXPECT_TRUE(g.has_value()) << (g ? "" : g.error().to_string());
  auto r = score(*e, *g, g->effective_policy());
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().to_string());
  return *r;
}

const CompetenceResult& c(const AssessmentResult& r, const std::string& id) {
  const CompetenceResult* p = r.find(id);
  if (p == nullptr) throw std::runtime_error("no competence " + id);
  return *p;
}

Progression progress(const AssessmentResult& entry, const AssessmentResult& exit, const std::string& id) {
  auto p = compute_progression(entry, exit).value();
  for (const auto& cp : p)
    if (cp.competence == id) return cp.progression;
  throw std::runtime_error("no progression for " + id);
}

TEST(examples, every_example_loads_and_scores) {
  int n = 0;
  for (const auto& f : std::filesystem::directory_iterator(source_dir() / "examples/evaluations")) {
    if (!f.path().string().ends_with(".eval.xml")) continue;
    auto r = run(f.path().filename().string());
    EXPECT_TRUE(r.warnings.empty()) << f.path();
    ++n;
  }
  EXPECT_GE(n, 6);
}

// P-7F3A9C: clear attainment and progression, tutor and referent agree.
TEST(examples, p7f3a9c_clear_attainment_and_progression) {
  auto entry = run("P-7F3A9C.entry.eval.xml");
  auto exit = run("P-7F3A9C.exit.eval.xml");
  EXPECT_EQ(c(entry, "ORG.ACT").level, 1);
  EXPECT_EQ(*c(entry, "ORG.ACT").next_outcome, LevelOutcome::partial);
  EXPECT_EQ(c(entry, "ORG.EQU").status, CompetenceStatus::insufficient_evidence);
  EXPECT_EQ(c(exit, "ORG.ACT").status, CompetenceStatus::attained);
  EXPECT_EQ(c(exit, "ORG.ACT").level, 2);
  EXPECT_EQ(*c(exit, "ORG.ACT").next_outcome, LevelOutcome::partial);
  EXPECT_EQ(c(exit, "ORG.ACT").levels[2].met_share, Rational(1, 3));
  EXPECT_EQ(c(exit, "ORG.REG").level, 2);
  EXPECT_EQ(c(exit, "ORG.EQU").level, 2);
  EXPECT_EQ(c(exit, "COM.ORA").level, 2);
  EXPECT_EQ(c(exit, "COM.USA").level, 2);
  EXPECT_EQ(c(exit, "COM.ECR").status, CompetenceStatus::insufficient_evidence);
  EXPECT_TRUE(exit.flags.empty());
  EXPECT_EQ(progress(entry, exit, "ORG.ACT").delta, 1);
  EXPECT_EQ(progress(entry, exit, "ORG.REG").delta, 1);
  EXPECT_EQ(progress(entry, exit, "COM.ORA").delta, 1);
  EXPECT_EQ(progress(entry, exit, "ORG.EQU").reason, "progression.insufficient_evidence_entry");
}

// P-2B81D4: disagreement (one held, one arbitrated), self-only, single evaluator.
TEST(examples, p2b81d4_disagreement_and_arbitration) {
  auto entry = run("P-2B81D4.entry.eval.xml");
  auto exit = run("P-2B81D4.exit.eval.xml");
  EXPECT_EQ(c(entry, "COM.NUM").status, CompetenceStatus::not_demonstrated);
  EXPECT_EQ(c(exit, "ORG.MAT").status, CompetenceStatus::divergent_held);
  EXPECT_EQ(c(exit, "ORG.MAT").level, 2);
  EXPECT_EQ(c(exit, "COM.NUM").status, CompetenceStatus::attained);
  EXPECT_EQ(c(exit, "COM.NUM").level, 1);
  EXPECT_TRUE(c(exit, "COM.NUM").indicators[0].arbitrated);
  EXPECT_EQ(*c(exit, "COM.NUM").next_outcome, LevelOutcome::partial);
  EXPECT_EQ(c(exit, "RAC.IMP").level, 2);
  EXPECT_EQ(c(exit, "COM.ORA").status, CompetenceStatus::insufficient_evidence);
  EXPECT_EQ(c(exit, "COM.ORA").basis.self_only, 2);
  // ORG.EQU: tutor only; confidence over levels 1..2 = 2/5 observed weight... (2 of 5
  // indicators, weight 1 each) = 2/5, × 3/4 for a single evaluator = 3/10.
  EXPECT_EQ(c(exit, "ORG.EQU").level, 1);
  EXPECT_EQ(c(exit, "ORG.EQU").confidence, Rational(3, 10));
  EXPECT_EQ(progress(entry, exit, "ORG.MAT").reason, "progression.divergent_held");
  EXPECT_EQ(progress(entry, exit, "COM.NUM").delta, 1);
  EXPECT_EQ(progress(entry, exit, "RAC.IMP").delta, 1);
  EXPECT_EQ(exit.flags, std::vector<std::string>{"evaluation.self_only_indicators"});
}

// P-95E0C7: placement ended early, attendance flag, cap by the placement context.
TEST(examples, p95e0c7_early_end_and_cap) {
  auto entry = run("P-95E0C7.entry.eval.xml");
  auto exit = run("P-95E0C7.exit.eval.xml");
  EXPECT_EQ(c(entry, "ORG.REG").status, CompetenceStatus::in_progress);
  EXPECT_EQ(exit.flags, (std::vector<std::string>{"placement.ended_early", "placement.attendance",
                                                  "evaluation.self_only_indicators"}));
  EXPECT_EQ(c(exit, "ORG.REG").level, 2);
  EXPECT_EQ(c(exit, "ORG.REG").uncapped_level, 3);
  EXPECT_TRUE(c(exit, "ORG.REG").capped);
  EXPECT_EQ(c(exit, "ORG.ACT").level, 2);
  EXPECT_TRUE(c(exit, "ORG.ACT").capped);
  EXPECT_EQ(c(exit, "COM.USA").status, CompetenceStatus::not_demonstrated);
  EXPECT_EQ(c(exit, "RPE.PAR").level, 1);
  EXPECT_EQ(progress(entry, exit, "ORG.REG").delta, 2);
  EXPECT_EQ(progress(entry, exit, "ORG.ACT").reason, "progression.insufficient_evidence_entry");
}

// P-4C2D11: the two-level grid with its own (prudent) policy.
TEST(examples, p4c2d11_two_level_grid) {
  auto entry = run("P-4C2D11.entry.eval.xml");
  auto exit = run("P-4C2D11.exit.eval.xml");
  EXPECT_EQ(exit.policy_id, "savoir-etre-prudent");
  EXPECT_EQ(c(entry, "SE.ORG").status, CompetenceStatus::in_progress);
  EXPECT_EQ(c(exit, "SE.ORG").level, 2);
  EXPECT_EQ(c(exit, "SE.INT").level, 1);
  EXPECT_EQ(*c(exit, "SE.INT").next_outcome, LevelOutcome::insufficient_evidence);
  EXPECT_EQ(c(exit, "SE.COM").status, CompetenceStatus::in_progress);
  EXPECT_EQ(c(exit, "SE.ADA").status, CompetenceStatus::insufficient_evidence);
  EXPECT_EQ(progress(entry, exit, "SE.ORG").delta, 2);
  EXPECT_EQ(progress(entry, exit, "SE.INT").delta, 0);
}

// P-61AA0F: did not show: no result at all.
TEST(examples, p61aa0f_did_not_show) {
  auto exit = run("P-61AA0F.exit.eval.xml");
  EXPECT_TRUE(exit.no_result);
  EXPECT_TRUE(exit.competences.empty());
}

}  // namespace
}  // namespace ecusson::assessment
