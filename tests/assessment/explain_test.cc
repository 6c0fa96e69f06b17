#include "ecusson/assessment/explain.h"

#include "ecusson/assessment/progression.h"
#include "fixtures.h"

namespace ecusson::assessment {
namespace {

using namespace testing;

bool contains(const std::vector<std::string>& lines, const std::string& part) {
  for (const auto& l : lines)
    if (l.find(part) != std::string::npos) return true;
  return false;
}

TEST(explain, attained_level_with_figures_in_french) {
  auto r = score_obs(level_all(1, "T", "2") + level_all(1, "R", "3"));
  auto lines = explain(comp(r), test_grid());
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "Niveau 1 (Un) atteint : 3 indicateurs observés sur 3 (couverture 100\u00A0%), 3 démontrés.");
  EXPECT_TRUE(contains(lines, "Niveau 2 (Deux) : éléments insuffisants"));
  EXPECT_TRUE(contains(lines, "Évaluateurs pris en compte : tuteur, référent."));
}

TEST(explain, english_on_request) {
  auto r = score_obs(level_all(1, "T", "2"));
  auto lines = explain(comp(r), test_grid(), Lang::en);
  EXPECT_EQ(lines[0], "Level 1 (Un) attained: 3 of 3 indicators observed (coverage 100%), 3 demonstrated.");
  EXPECT_TRUE(contains(lines, "A single point of view (tutor): confidence is lower."));
}

TEST(explain, partial_next_level_reads_in_progress) {
  auto r = score_obs(level_all(1, "T", "2") +
                     std::vector<Obs>{{"C.2.a", "T", "1"}, {"C.2.b", "T", "2"}, {"C.2.c", "T", "3"}});
  EXPECT_TRUE(contains(explain(comp(r), test_grid()), "Niveau 2 (Deux) : en cours (3 indicateurs observés sur 3"));
  EXPECT_TRUE(contains(explain(comp(r), test_grid(), Lang::en), "Level 2 (Deux): in progress (3 of 3 indicators"));
}

TEST(explain, insufficient_evidence_is_not_a_failure) {
  auto lines = explain(comp(score_obs({})), test_grid());
  EXPECT_TRUE(contains(lines, "ce n'est pas un échec"));
}

TEST(explain, divergence_names_the_indicator) {
  auto r = score_obs({{"C.1.a", "T", "3"}, {"C.1.a", "R", "0"}});
  auto lines = explain(comp(r), test_grid());
  EXPECT_TRUE(contains(lines, "En attente d'arbitrage"));
  EXPECT_TRUE(contains(lines, "« a1 » (C.1.a)"));
}

TEST(explain, critical_cap_and_progression) {
  auto r = score_obs(level_all(1, "T", "2") +
                     std::vector<Obs>{{"C.2.a", "T", "1"}, {"C.2.b", "T", "2"}, {"C.2.c", "T", "3"}});
  EXPECT_TRUE(contains(explain(comp(r), test_grid()), "Indicateur essentiel non démontré au niveau 2 : « a2 » (C.2.a)."));
  auto capped = score_obs(level_all(1, "T", "2") + level_all(2, "T", "2") + level_all(3, "T", "2"),
                          ScoringPolicy::defaults(), R"(maxObservableLevel="2")");
  EXPECT_TRUE(contains(explain(comp(capped), test_grid()), "Plafonné au niveau 2"));
  capped.competences[0].progression = Progression{true, "", "EV-0", 1, 2, 1};
  EXPECT_TRUE(contains(explain(comp(capped), test_grid()), "Progression depuis l'entrée : niveau 1 → 2 (+1)."));
  capped.competences[0].progression = Progression{false, "progression.grid_version_mismatch", "EV-0", 0, 2, 0};
  EXPECT_TRUE(contains(explain(comp(capped), test_grid()), "versions de grille différentes"));
}

TEST(explain, labels_in_both_languages) {
  EXPECT_EQ(status_label(CompetenceStatus::divergent_held), "en attente d'arbitrage");
  EXPECT_EQ(status_label(CompetenceStatus::in_progress, Lang::en), "in progress");
  EXPECT_EQ(outcome_label(LevelOutcome::partial), "partiel");
  EXPECT_EQ(role_label(EvaluatorRole::self), "auto-évaluation");
  EXPECT_EQ(flag_label("placement.ended_early", Lang::en),
            "Placement ended before the planned date (no effect on levels)");
  EXPECT_EQ(flag_label("something.else"), "something.else");
}

}  // namespace
}  // namespace ecusson::assessment
