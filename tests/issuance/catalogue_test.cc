// issuance catalogue: one Achievement per competence and level of the shipped grids, stable
// ids, criteria from descriptors and indicators, rubric levels, alignments, the award
// policy, the OB 3.0 Achievement schema, and idempotent, append-only syncs into the store.
#include "ecusson/issuance/catalogue.h"

#include <boost/json.hpp>
#include <set>

#include "ecusson/store/sqlite_store.h"
#include "mini_json_schema.h"
#include "test_support.h"

namespace ecusson::test {
namespace {

namespace json = boost::json;
using issuance::AwardPolicy;
using issuance::build_catalogue;
using issuance::CatalogueEntry;
using issuance::levels_to_award;

constexpr const char* kBase = "https://badges.example.fr";

assessment::Grid rectec() {
  auto g = assessment::load_grid((templates_dir() / "grids/rectec-style.grid.xml").string());
  EXPECT_TRUE(g.has_value());
  return *g;
}

assessment::Grid savoir_etre() {
  auto g =
      assessment::load_grid((templates_dir() / "grids/savoir-etre-2-niveaux.grid.xml").string());
  EXPECT_TRUE(g.has_value());
  return *g;
}

std::vector<CatalogueEntry> catalogue_of(const assessment::Grid& g) {
  auto cat = build_catalogue(g, {.base_url = kBase});
  EXPECT_TRUE(cat.has_value()) << (cat ? "" : cat.error().message);
  return cat ? *cat : std::vector<CatalogueEntry>{};
}

TEST(catalogue, rectec_grid_gives_48_achievements_with_unique_stable_ids) {
  auto g = rectec();
  auto cat = catalogue_of(g);
  ASSERT_EQ(cat.size(), 48u);
  std::set<std::string> ids, names;
  for (const auto& e : cat) {
    ids.insert(e.achievement.id);
    names.insert(e.achievement.name);
    EXPECT_EQ(e.achievement.id, std::string(kBase) + "/achievements/rectec-style-fr/1.0.0/" +
                                    e.competence_id + "/" + std::to_string(e.level));
    EXPECT_EQ(e.achievement.achievement_type, "Competency");
    EXPECT_EQ(e.achievement.version, "1.0.0");
    EXPECT_EQ(e.achievement.image, e.achievement.id + ".png");
    EXPECT_FALSE(e.achievement.description.empty());
  }
  EXPECT_EQ(ids.size(), 48u);
  EXPECT_EQ(names.size(), 48u);
  // Stable: built again (and with a trailing slash on the base) gives the same ids.
  auto again = build_catalogue(g, {.base_url = std::string(kBase) + "/"});
  ASSERT_OK(again);
  for (std::size_t i = 0; i < cat.size(); ++i)
    EXPECT_EQ((*again)[i].achievement.id, cat[i].achievement.id);
  EXPECT_EQ(cat[1].achievement.id, "https://badges.example.fr/achievements/rectec-style-fr/1.0.0/ORG.ACT/2");
  EXPECT_EQ(cat[1].achievement.name, "Organiser son activité — niveau 2 (Avec une part d'autonomie)");
}

TEST(catalogue, names_and_texts_stay_neutral) {
  for (const auto& e : catalogue_of(rectec())) {
    for (const std::string& text :
         {e.achievement.name, e.achievement.description, e.achievement.criteria_narrative}) {
      for (const char* word : {"insertion", "PLIE", "RSA", "PMSMP"})
        EXPECT_EQ(text.find(word), std::string::npos) << word << " in " << e.achievement.id;
    }
    // The grid's own wording may speak of "l'immersion" (RPE descriptors); the name, which
    // a badge shows first, only holds competence and level labels.
    EXPECT_EQ(e.achievement.name.find("immersion"), std::string::npos) << e.achievement.id;
  }
}

TEST(catalogue, criteria_mention_the_descriptor_and_each_indicator_of_the_level) {
  auto g = rectec();
  auto cat = catalogue_of(g);
  for (const auto& e : cat) {
    const auto* c = g.find_competence(e.competence_id);
    ASSERT_NE(c, nullptr);
    const auto* l = c->find_level(e.level);
    ASSERT_NE(l, nullptr);
    const std::string& narrative = e.achievement.criteria_narrative;
    EXPECT_NE(narrative.find(l->descriptor), std::string::npos) << e.achievement.id;
    for (const auto& ind : l->indicators)
      EXPECT_NE(narrative.find("- " + ind.label), std::string::npos)
          << ind.id << " missing from " << e.achievement.id;
    // Indicators of the other levels are not listed.
    for (const auto& other : c->levels) {
      if (other.n == e.level) continue;
      for (const auto& ind : other.indicators)
        EXPECT_EQ(narrative.find(ind.label), std::string::npos) << ind.id;
    }
  }
}

TEST(catalogue, result_description_lists_the_levels_the_achievement_references) {
  auto cat = catalogue_of(rectec());
  for (const auto& e : cat) {
    ASSERT_TRUE(e.achievement.result_description.has_value());
    const auto& rd = *e.achievement.result_description;
    ASSERT_EQ(rd.levels.size(), 4u);
    std::set<std::string> level_ids;
    for (std::size_t i = 0; i < rd.levels.size(); ++i) {
      EXPECT_EQ(rd.levels[i].level, std::to_string(i + 1));
      EXPECT_FALSE(rd.levels[i].name.empty());
      level_ids.insert(rd.levels[i].id);
    }
    EXPECT_EQ(level_ids.size(), 4u);
    EXPECT_TRUE(level_ids.count(rd.required_level)) << rd.required_level;
    EXPECT_EQ(rd.required_level, issuance::rubric_level_id(kBase, e.grid_id, e.grid_version,
                                                           e.competence_id, e.level));
  }
  // Same rubric for every level of a competence.
  EXPECT_EQ(cat[0].achievement.result_description->id, cat[3].achievement.result_description->id);
  EXPECT_NE(cat[0].achievement.result_description->id, cat[4].achievement.result_description->id);
}

TEST(catalogue, alignments_carry_the_grid_code_esco_and_eqf) {
  auto g = rectec();
  auto cat = catalogue_of(g);
  const auto& e = cat[1];  // ORG.ACT level 2
  const auto& al = e.achievement.alignments;
  ASSERT_FALSE(al.empty());
  EXPECT_EQ(al[0].target_type, "ext:GridCompetenceLevel");
  EXPECT_EQ(al[0].target_code, "ORG.ACT/2");
  EXPECT_NE(al[0].target_framework.find("rectec-style-fr 1.0.0"), std::string::npos);
  int esco = 0, eqf = 0;
  for (const auto& a : al) {
    EXPECT_FALSE(a.target_name.empty());
    EXPECT_FALSE(a.target_url.empty());
    if (a.target_type == "ext:ESCOSkill") {
      ++esco;
      EXPECT_TRUE(a.target_url.starts_with("http://data.europa.eu/esco/skill/")) << a.target_url;
    }
    if (a.target_type == "ext:EQFLevel") {
      ++eqf;
      EXPECT_EQ(a.target_code, "2");
    }
  }
  const auto* c = g.find_competence("ORG.ACT");
  std::size_t declared_esco = 0;
  for (const auto& a : c->alignments) declared_esco += a.framework == "esco";
  EXPECT_EQ(esco, static_cast<int>(declared_esco));
  EXPECT_EQ(eqf, 1);
  // The EQF level is also on the rubric level.
  const auto& rl = e.achievement.result_description->levels[1];
  ASSERT_EQ(rl.alignments.size(), 1u);
  EXPECT_EQ(rl.alignments[0].target_type, "ext:EQFLevel");
  // Every competence alignment of the grid is carried over (ESCO, CléA…).
  for (const auto& ce : cat) {
    const auto* comp = g.find_competence(ce.competence_id);
    for (const auto& a : comp->alignments) {
      bool found = false;
      for (const auto& x : ce.achievement.alignments) found = found || x.target_code == a.code;
      EXPECT_TRUE(found) << a.code << " for " << ce.achievement.id;
    }
  }
}

TEST(catalogue, two_level_grid) {
  auto g = savoir_etre();
  auto cat = catalogue_of(g);
  ASSERT_EQ(cat.size(), g.competence_count() * 2);
  for (const auto& e : cat) {
    EXPECT_TRUE(e.level == 1 || e.level == 2);
    ASSERT_EQ(e.achievement.result_description->levels.size(), 2u);
    EXPECT_NE(e.achievement.id.find("/savoir-etre-fr/1.0.0/"), std::string::npos);
  }
  EXPECT_NE(cat[0].achievement.name.find("Je pratique"), std::string::npos);
  EXPECT_NE(cat[1].achievement.name.find("Je maîtrise"), std::string::npos);
}

TEST(catalogue, award_policy_highest_or_every) {
  EXPECT_EQ(levels_to_award(3), std::vector<int>({3}));
  EXPECT_EQ(levels_to_award(3, AwardPolicy::highest), std::vector<int>({3}));
  EXPECT_EQ(levels_to_award(3, AwardPolicy::every), std::vector<int>({1, 2, 3}));
  EXPECT_EQ(levels_to_award(1, AwardPolicy::every), std::vector<int>({1}));
  EXPECT_TRUE(levels_to_award(0, AwardPolicy::every).empty());
  EXPECT_TRUE(levels_to_award(0).empty());
  auto p = issuance::parse_award_policy("every");
  ASSERT_OK(p);
  EXPECT_EQ(*p, AwardPolicy::every);
  EXPECT_EQ(issuance::award_policy_name(AwardPolicy::highest), "highest");
  EXPECT_ERROR(issuance::parse_award_policy("all"), "issuance.bad_award_policy");
}

TEST(catalogue, refuses_a_bad_base_url) {
  EXPECT_ERROR(build_catalogue(rectec(), {.base_url = "http://badges.example.fr"}),
               "issuance.insecure_base_url");
  EXPECT_ERROR(build_catalogue(rectec(), {.base_url = "not a url"}), "issuance.bad_base_url");
}

TEST(catalogue, ids_percent_encode_unusual_segments) {
  EXPECT_EQ(issuance::achievement_id(kBase, "g é", "1.0", "A/B", 1),
            "https://badges.example.fr/achievements/g%20%C3%A9/1.0/A%2FB/1");
}

TEST(catalogue, achievement_json_validates_against_the_ob3_schema) {
  auto schema_text =
      read_file(conformance_dir() / "ob3/schemas/ob_v3p0_achievementcredential_schema.json");
  json::value full = json::parse(schema_text);
  json::object root;
  root["$ref"] = "#/$defs/Achievement";
  root["$defs"] = full.at("$defs");
  MiniSchema schema(root);
  for (auto g : {rectec(), savoir_etre()}) {
    for (const auto& e : catalogue_of(g)) {
      auto doc = issuance::achievement_document(e);
      ASSERT_OK(doc);
      auto errors = schema.validate(*doc);
      EXPECT_TRUE(errors.empty()) << e.achievement.id << ": " << errors.front();
      EXPECT_EQ(doc->at("achievementType"), "Competency");
      EXPECT_EQ(doc->at("resultDescription").as_array()[0].at("resultType"),
                "RubricCriterionLevel");
    }
  }
  // The schema helper does refuse a broken Achievement.
  auto doc = issuance::achievement_document(catalogue_of(rectec())[0]);
  ASSERT_OK(doc);
  doc->erase("criteria");
  EXPECT_FALSE(schema.validate(*doc).empty());
}

TEST(catalogue, a_credential_result_points_at_a_rubric_level) {
  auto cat = catalogue_of(rectec());
  credentials::Ob3CredentialInput in;
  in.issuer.id = "did:web:badges.example.fr";
  in.issuer.name = "Émetteur";
  in.achievement = cat[2].achievement;
  in.recipient.email = "camille@example.org";
  in.result = credentials::Ob3Result{cat[2].achievement.result_description->required_level, {}, {}};
  auto cred = credentials::build_ob3_credential(in);
  ASSERT_OK(cred);
  const auto& res = cred->at("credentialSubject").at("result").as_array()[0];
  EXPECT_EQ(json::value_to<std::string>(res.at("achievedLevel")), issuance::rubric_level_id(kBase, "rectec-style-fr", "1.0.0",
                                                               "ORG.ACT", 3));
  auto schema_text =
      read_file(conformance_dir() / "ob3/schemas/ob_v3p0_achievementcredential_schema.json");
  MiniSchema schema(json::parse(schema_text));
  auto errors = schema.validate(*cred);
  EXPECT_TRUE(errors.empty()) << errors.front();
}

class CatalogueSync : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::open_sqlite_store({.path = tmp_.path() / "ecusson.db"});
    ASSERT_OK(s);
    store_ = std::move(*s);
  }
  TempDir tmp_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(CatalogueSync, twice_gives_the_same_rows) {
  auto g = rectec();
  auto first = issuance::sync_catalogue(*store_, g, {.base_url = kBase}, "2026-01-01T00:00:00Z");
  ASSERT_OK(first);
  EXPECT_EQ(first->added, 48);
  EXPECT_EQ(first->unchanged, 0);
  auto rows1 = store_->list_achievements("rectec-style-fr", "1.0.0");
  ASSERT_OK(rows1);
  ASSERT_EQ(rows1->size(), 48u);

  auto second = issuance::sync_catalogue(*store_, g, {.base_url = kBase}, "2026-02-02T00:00:00Z");
  ASSERT_OK(second);
  EXPECT_EQ(second->added, 0);
  EXPECT_EQ(second->unchanged, 48);
  EXPECT_TRUE(second->kept_different.empty());
  auto rows2 = store_->list_achievements("rectec-style-fr", "1.0.0");
  ASSERT_OK(rows2);
  EXPECT_EQ(*rows1, *rows2);
  // The stored document is the Achievement JSON.
  auto doc = json::parse((*rows1)[0].document).as_object();
  EXPECT_EQ(json::value_to<std::string>(doc.at("id")), (*rows1)[0].id);
  EXPECT_EQ(doc.at("type").as_array()[0], "Achievement");
}

TEST_F(CatalogueSync, a_new_grid_version_adds_rows_and_never_edits_old_ones) {
  auto g = rectec();
  ASSERT_OK(issuance::sync_catalogue(*store_, g, {.base_url = kBase}, "2026-01-01T00:00:00Z"));
  auto old_rows = store_->list_achievements("rectec-style-fr", "1.0.0");
  ASSERT_OK(old_rows);

  // Version 1.1.0 rewords a descriptor.
  auto v2 = g;
  v2.version = "1.1.0";
  v2.domains[0].competences[0].levels[1].descriptor = "Descripteur réécrit pour la 1.1.0.";
  auto r = issuance::sync_catalogue(*store_, v2, {.base_url = kBase}, "2026-03-03T00:00:00Z");
  ASSERT_OK(r);
  EXPECT_EQ(r->added, 48);
  auto new_rows = store_->list_achievements("rectec-style-fr", "1.1.0");
  ASSERT_OK(new_rows);
  ASSERT_EQ(new_rows->size(), 48u);
  auto old_again = store_->list_achievements("rectec-style-fr", "1.0.0");
  ASSERT_OK(old_again);
  EXPECT_EQ(*old_rows, *old_again);
  auto edited = store_->find_achievement("rectec-style-fr", "1.1.0", "ORG.ACT", 2);
  ASSERT_OK(edited);
  ASSERT_TRUE(edited->has_value());
  EXPECT_NE((*edited)->document.find("Descripteur réécrit"), std::string::npos);
  EXPECT_NE((*edited)->id.find("/1.1.0/"), std::string::npos);

  // The same version edited in place is not written over: reported, kept as stored.
  auto same_version = g;
  same_version.domains[0].competences[0].levels[1].descriptor = "Modifié sans changer de version.";
  auto kept = issuance::sync_catalogue(*store_, same_version, {.base_url = kBase});
  ASSERT_OK(kept);
  EXPECT_EQ(kept->added, 0);
  // Level 2's descriptor is also its rubric level's description, shared by the 4
  // achievements of ORG.ACT: all 4 differ, all 4 are kept.
  EXPECT_EQ(kept->unchanged, 44);
  ASSERT_EQ(kept->kept_different.size(), 4u);
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(kept->kept_different[i],
              issuance::achievement_id(kBase, "rectec-style-fr", "1.0.0", "ORG.ACT", i + 1));
  auto still = store_->list_achievements("rectec-style-fr", "1.0.0");
  ASSERT_OK(still);
  EXPECT_EQ(*old_rows, *still);
}

}  // namespace
}  // namespace ecusson::test
