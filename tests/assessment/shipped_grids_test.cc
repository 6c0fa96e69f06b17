// The grids shipped in templates/grids must load and validate.
#include "ecusson/assessment/grid.h"

#include <set>

#include "test_support.h"

namespace ecusson::assessment {
namespace {

using ecusson::test::templates_dir;

TEST(shipped_grids, rectec_style_grid_validates_with_12_competences_in_4_domains) {
  auto g = load_grid((templates_dir() / "grids/rectec-style.grid.xml").string());
  ASSERT_OK(g);
  EXPECT_EQ(g->id, "rectec-style-fr");
  EXPECT_EQ(g->version, "1.0.0");
  EXPECT_EQ(g->domains.size(), 4u);
  EXPECT_EQ(g->competence_count(), 12u);
  ASSERT_TRUE(g->policy.has_value());
  EXPECT_EQ(g->policy->min_met_share, Rational(2, 3));
  EXPECT_EQ(g->policy->self_weight, Rational(0));
  const char* names[] = {"Organiser son activité", "Prendre en compte les règlements",
                         "Travailler en équipe", "Mobiliser des ressources mathématiques",
                         "Communiquer à l'oral", "Communiquer à l'écrit",
                         "Prendre en compte les usages sociaux", "Utiliser les ressources numériques",
                         "Gérer des informations", "Agir face aux imprévus",
                         "Construire son parcours professionnel"};
  std::set<std::string> labels;
  for (const auto& d : g->domains)
    for (const auto& c : d.competences) labels.insert(c.label);
  for (const char* n : names) EXPECT_TRUE(labels.count(n)) << n;
}

TEST(shipped_grids, rectec_style_grid_has_4_levels_of_2_to_4_indicators_and_esco_alignments) {
  auto g = load_grid((templates_dir() / "grids/rectec-style.grid.xml").string());
  ASSERT_OK(g);
  const Framework* esco = g->find_framework("esco");
  ASSERT_NE(esco, nullptr);
  EXPECT_EQ(esco->version, "1.2.0");
  for (const auto& d : g->domains)
    for (const auto& c : d.competences) {
      ASSERT_EQ(c.levels.size(), 4u) << c.id;
      for (const auto& l : c.levels) {
        EXPECT_GE(l.indicators.size(), 2u) << c.id << " " << l.n;
        EXPECT_LE(l.indicators.size(), 4u) << c.id << " " << l.n;
        EXPECT_FALSE(l.descriptor.empty());
      }
      bool has_esco = false;
      for (const auto& a : c.alignments)
        if (a.framework == "esco") {
          has_esco = true;
          EXPECT_TRUE(a.url.starts_with("http://data.europa.eu/esco/skill/")) << a.url;
          EXPECT_EQ(a.url.size(), std::string("http://data.europa.eu/esco/skill/").size() + 36);
        }
      EXPECT_TRUE(has_esco) << c.id;
    }
  // Level 1..4 of the EQF-graded scale point at EQF 1..4.
  const LevelScale* cec = g->find_level_scale("cec1-4");
  ASSERT_NE(cec, nullptr);
  for (const auto& s : cec->levels) {
    ASSERT_EQ(s.alignments.size(), 1u);
    EXPECT_EQ(s.alignments[0].framework, "eqf");
    EXPECT_EQ(s.alignments[0].code, std::to_string(s.n));
  }
  // The two "personal" competences use their own scale (per-competence scales).
  EXPECT_EQ(g->find_competence("RPE.PAR")->level_scale, "parcours1-4");
}

TEST(shipped_grids, rectec_style_contextualisation_keeps_indicator_ids) {
  auto g = load_grid((templates_dir() / "grids/rectec-style.grid.xml").string());
  ASSERT_OK(g);
  auto ref = g->find_indicator("ORG.ACT.2.a");
  ASSERT_TRUE(ref.has_value());
  EXPECT_EQ(g->indicator_label(*ref->indicator, "K2204"),
            "Nettoie une zone complète selon le protocole sans relance.");
  EXPECT_EQ(g->indicator_label(*ref->indicator), "Enchaîne les tâches d'une demi-journée sans relance.");
  EXPECT_EQ(g->indicator_label(*ref->indicator, "A1111"), ref->indicator->label);
}

TEST(shipped_grids, savoir_etre_grid_has_another_shape) {
  auto g = load_grid((templates_dir() / "grids/savoir-etre-2-niveaux.grid.xml").string());
  ASSERT_OK(g);
  EXPECT_EQ(g->domains.size(), 1u);
  EXPECT_EQ(g->competence_count(), 4u);
  for (const auto& c : g->domains[0].competences) {
    ASSERT_EQ(c.levels.size(), 2u);
    EXPECT_EQ(c.levels[0].label, "Je pratique");
    EXPECT_EQ(c.levels[1].label, "Je maîtrise");
  }
  ASSERT_TRUE(g->policy.has_value());
  EXPECT_EQ(g->policy->method, Consolidation::min);
}

TEST(shipped_grids, standalone_policy_file_loads) {
  auto p = load_policy((templates_dir() / "grids/strict.policy.xml").string());
  ASSERT_OK(p);
  EXPECT_EQ(p->id, "strict");
  EXPECT_EQ(p->min_coverage, Rational(1));
  EXPECT_EQ(p->min_met_share, Rational(3, 4));
  EXPECT_EQ(p->min_evaluator_roles, 2);
  EXPECT_EQ(p->partial_min_met_share, Rational(1, 2));
}

TEST(shipped_grids, find_grid_locates_a_grid_by_id_and_version) {
  auto g = find_grid(templates_dir() / "grids", "savoir-etre-fr", "1.0.0");
  ASSERT_OK(g);
  EXPECT_EQ(g->competence_count(), 4u);
  EXPECT_ERROR(find_grid(templates_dir() / "grids", "savoir-etre-fr", "9.9.9"), "grid.not_found");
}

}  // namespace
}  // namespace ecusson::assessment
