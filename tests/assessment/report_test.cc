// Reports over hand-built grids and results (no parsing, no scoring): what each format
// contains, escaping, cohort pairing. End-to-end checks on the shipped examples are in
// tests/cli/assess_cli_test.cc.
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "ecusson/assessment/cohort.h"
#include "ecusson/assessment/report_csv.h"
#include "ecusson/assessment/report_html.h"
#include "ecusson/assessment/report_json.h"
#include "test_support.h"

namespace ecusson::assessment {
namespace {

Grid small_grid() {
  Grid g;
  g.id = "mini";
  g.version = "1.0.0";
  g.lang = "fr";
  g.title = "Mini grille <test> & « accents »";
  LevelScale scale;
  scale.id = "s4";
  for (int n = 1; n <= 4; ++n) scale.levels.push_back({n, "N" + std::to_string(n), "Niveau " + std::to_string(n), {}, {}});
  g.level_scales.push_back(scale);
  RatingScale rs;
  rs.id = "r";
  rs.values = {{"NO", "Non observé", 0, false, false, {}}, {"2", "Démontré", 2, true, true, {}}};
  g.rating_scales.push_back(rs);
  Domain d;
  d.id = "ORG";
  d.label = "Pôle organisationnel";
  for (const char* id : {"ORG.ACT", "ORG.REG", "ORG.EQU"}) {
    Competence c;
    c.id = id;
    c.label = std::string("Compétence ") + id + " =cmd";
    c.level_scale = "s4";
    c.rating_scale = "r";
    for (int n = 1; n <= 4; ++n) {
      Level l;
      l.n = n;
      l.indicators.push_back({std::string(id) + "." + std::to_string(n) + ".a", 1, false, "Fait", {}});
      c.levels.push_back(l);
    }
    d.competences.push_back(c);
  }
  g.domains.push_back(d);
  return g;
}

AssessmentResult result(std::string id, std::string participant, Phase phase,
                        std::vector<int> levels, std::string end = "2025-03-14") {
  AssessmentResult r;
  r.evaluation_id = std::move(id);
  r.participant_ref = std::move(participant);
  r.phase = phase;
  r.grid_id = "mini";
  r.grid_version = "1.0.0";
  r.policy_id = "ecusson-default";
  r.policy_version = "1";
  r.input_digest = "sha256:00";
  r.source_file = "/some/private/dir/" + r.evaluation_id + ".eval.xml";
  Placement p;
  p.start = *Date::parse("2025-03-03");
  p.end = *Date::parse(end);
  p.hours_planned = Rational(75, 2);
  p.host.name = "Propreté <Services>";
  r.placement = p;
  const char* ids[] = {"ORG.ACT", "ORG.REG", "ORG.EQU"};
  for (std::size_t i = 0; i < levels.size(); ++i) {
    CompetenceResult c;
    c.competence = ids[i];
    c.domain = "ORG";
    c.level = levels[i];
    c.status = levels[i] > 0 ? CompetenceStatus::attained : CompetenceStatus::insufficient_evidence;
    c.confidence = Rational(5, 8);
    c.basis.observed = 3;
    c.basis.met = 2;
    c.basis.evaluators = {"E1"};
    c.cap = 4;
    for (int n = 1; n <= 4; ++n) {
      LevelBasis b;
      b.n = n;
      b.indicators = 1;
      c.levels.push_back(b);
    }
    r.competences.push_back(c);
  }
  return r;
}

// Sets the progression the engine would compute, so report tests do not depend on it.
void set_progression(AssessmentResult& later, const AssessmentResult& entry) {
  for (CompetenceResult& c : later.competences) {
    const CompetenceResult* e = entry.find(c.competence);
    Progression p;
    p.entry_evaluation = entry.evaluation_id;
    p.entry_level = e->level;
    p.exit_level = c.level;
    p.comparable = e->level > 0 && c.level > 0;
    if (!p.comparable) p.reason = "progression.insufficient_evidence_entry";
    p.delta = c.level - e->level;
    c.progression = p;
  }
}

TEST(cohort, pairs_latest_entry_with_latest_exit_per_participant) {
  Grid g = small_grid();
  std::vector<AssessmentResult> rs = {
      result("A-exit", "P-A", Phase::exit, {2, 2, 2}, "2025-03-14"),
      result("A-entry-old", "P-A", Phase::entry, {1, 1, 1}, "2025-01-10"),
      result("A-entry", "P-A", Phase::entry, {1, 0, 2}, "2025-02-10"),
      result("A-mid", "P-A", Phase::intermediate, {1, 1, 1}, "2025-03-20"),
      result("B-entry", "P-B", Phase::entry, {1, 1, 1}),
  };
  Cohort c = build_cohort(rs, {g});
  EXPECT_EQ(c.evaluation_count, 5u);
  ASSERT_EQ(c.groups.size(), 1u);
  ASSERT_EQ(c.groups[0].participants.size(), 2u);
  const ParticipantRecord& a = c.groups[0].participants[0];
  EXPECT_EQ(a.participant, "P-A");
  ASSERT_TRUE(a.entry && a.later);
  EXPECT_EQ(a.entry->evaluation_id, "A-entry");  // latest entry
  EXPECT_EQ(a.later->evaluation_id, "A-exit");   // exit beats a later intermediate
  EXPECT_EQ(a.other_evaluations, (std::vector<std::string>{"A-entry-old", "A-mid"}));
  const ParticipantRecord& b = c.groups[0].participants[1];
  EXPECT_EQ(b.participant, "P-B");
  EXPECT_TRUE(b.entry);
  EXPECT_FALSE(b.later);
  EXPECT_EQ(b.current()->evaluation_id, "B-entry");
}

TEST(cohort, results_on_another_grid_version_are_kept_apart) {
  Grid g1 = small_grid();
  Grid g2 = small_grid();
  g2.version = "2.0.0";
  AssessmentResult e = result("E", "P-A", Phase::entry, {1, 1, 1});
  AssessmentResult x = result("X", "P-A", Phase::exit, {2, 2, 2});
  x.grid_version = "2.0.0";
  Cohort c = build_cohort({e, x}, {g1, g2});
  ASSERT_EQ(c.groups.size(), 2u);
  EXPECT_FALSE(c.groups[0].participants[0].later);
  EXPECT_FALSE(c.groups[1].participants[0].entry);
}

TEST(cohort, result_without_its_grid_is_a_warning) {
  AssessmentResult x = result("X", "P-A", Phase::exit, {2, 2, 2});
  x.grid_id = "other";
  Cohort c = build_cohort({x}, {small_grid()});
  EXPECT_TRUE(c.groups.empty());
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_EQ(c.warnings[0].code, "cohort.grid_missing");
}

ParticipantRecord paired_record() {
  ParticipantRecord rec;
  rec.participant = "P-A";
  rec.entry = result("A-entry", "P-A", Phase::entry, {1, 0, 2}, "2025-02-10");
  rec.later = result("A-exit", "P-A", Phase::exit, {2, 2, 1});
  set_progression(*rec.later, *rec.entry);
  return rec;
}

Cohort one_record_cohort() {
  Cohort c;
  c.evaluation_count = 2;
  c.groups.push_back({small_grid(), {paired_record()}});
  return c;
}

TEST(report_json, result_has_stable_fields_and_exact_shares) {
  Grid g = small_grid();
  ParticipantRecord rec = paired_record();
  std::string text = result_to_json(*rec.later, g);
  boost::json::value v = boost::json::parse(text);
  const auto& o = v.as_object();
  EXPECT_EQ(o.at("format").as_string(), "ecusson-assessment-result");
  EXPECT_EQ(o.at("format_version").as_int64(), 1);
  EXPECT_EQ(o.at("status").as_string(), "proposal");
  EXPECT_EQ(o.at("participant").as_string(), "P-A");
  // Only the file name: a report never leaks a local path.
  EXPECT_EQ(o.at("evaluation").at("file").as_string(), "A-exit.eval.xml");
  EXPECT_EQ(o.at("placement").at("hours_planned").as_string(), "75/2");
  const auto& comps = o.at("competences").as_array();
  ASSERT_EQ(comps.size(), 3u);
  const auto& c0 = comps[0].as_object();
  EXPECT_EQ(c0.at("id").as_string(), "ORG.ACT");
  EXPECT_EQ(c0.at("level").as_int64(), 2);
  EXPECT_EQ(c0.at("max_level").as_int64(), 4);
  EXPECT_EQ(c0.at("level_label").as_string(), "Niveau 2");
  EXPECT_EQ(c0.at("confidence").as_string(), "5/8");
  EXPECT_EQ(c0.at("confidence_percent").as_int64(), 63);
  EXPECT_EQ(c0.at("progression").at("delta").as_int64(), 1);
  EXPECT_TRUE(comps[1].at("progression").at("delta").is_null());  // not comparable
  EXPECT_EQ(comps[1].at("progression").at("reason").as_string(),
            "progression.insufficient_evidence_entry");
  EXPECT_EQ(c0.at("basis").at("evaluators").as_array().size(), 1u);
  EXPECT_EQ(c0.at("levels").as_array().size(), 4u);
  // Deterministic: same input, same bytes; indented, final newline.
  EXPECT_EQ(text, result_to_json(*rec.later, g));
  EXPECT_TRUE(text.ends_with("}\n"));
  EXPECT_NE(text.find("\n  \"format\": "), std::string::npos);
}

TEST(report_json, cohort_lists_groups_and_participants) {
  boost::json::value v = boost::json::parse(cohort_to_json(one_record_cohort()));
  EXPECT_EQ(v.at("format").as_string(), "ecusson-cohort");
  EXPECT_EQ(v.at("evaluations").as_int64(), 2);
  const auto& group = v.at("groups").as_array().at(0);
  EXPECT_EQ(group.at("grid").at("id").as_string(), "mini");
  EXPECT_EQ(group.at("competences").as_array().size(), 3u);
  const auto& p = group.at("participants").as_array().at(0);
  EXPECT_EQ(p.at("entry").at("evaluation").at("id").as_string(), "A-entry");
  EXPECT_EQ(p.at("later").at("evaluation").at("id").as_string(), "A-exit");
}

TEST(report_csv, one_row_per_participant_and_competence_with_progression) {
  std::string csv = cohort_to_csv(one_record_cohort());
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF" "Grille;Participant;"));
  // Header + 3 competences.
  std::size_t rows = 0;
  for (std::size_t p = 0; (p = csv.find("\r\n", p)) != std::string::npos; p += 2) ++rows;
  EXPECT_EQ(rows, 4u);
  // ORG.ACT: entry 1 → exit 2, +1, confidence 0,63 with a decimal comma, hours 37,5.
  EXPECT_NE(csv.find("mini@1.0.0;P-A;A-entry;A-exit;Sortie;37,5;;Pôle organisationnel;ORG.ACT;"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(";atteint;1;atteint;2;1;;0,63;"), std::string::npos) << csv;
  EXPECT_NE(csv.find(";0,63;"), std::string::npos);
  // A competence label starting with '=' would be neutralised; here '=' is inside: kept.
  EXPECT_NE(csv.find("Compétence ORG.ACT =cmd"), std::string::npos);
}

TEST(report_csv, comma_separator_uses_decimal_point_and_english_headers) {
  std::string csv = cohort_to_csv(one_record_cohort(), CsvOptions{.separator = ','}, Lang::en);
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBF" "Grid,Participant,Entry evaluation,"));
  EXPECT_NE(csv.find(",0.63,"), std::string::npos);
  EXPECT_NE(csv.find(",37.5,"), std::string::npos);
}

TEST(report_html, participant_page_escapes_and_contains_the_radar) {
  Grid g = small_grid();
  std::string html = participant_to_html(paired_record(), g);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
  EXPECT_NE(html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"radar\""), std::string::npos);
  EXPECT_NE(html.find("Propreté &lt;Services&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<Services>"), std::string::npos);
  EXPECT_NE(html.find("Mini grille &lt;test&gt; &amp; « accents »"), std::string::npos);
  EXPECT_NE(html.find("Proposition à valider"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num up\">+1</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num down\">−1</td>"), std::string::npos);
  EXPECT_EQ(html.find("/some/private/dir"), std::string::npos);
}

TEST(report_html, cohort_page_has_the_matrix_then_each_participant) {
  std::string html = cohort_to_html(one_record_cohort(), Lang::en);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  std::size_t matrix = html.find("<table class=\"matrix\">");
  std::size_t section = html.find("<section class=\"participant\" id=\"p-P-A\">");
  ASSERT_NE(matrix, std::string::npos);
  ASSERT_NE(section, std::string::npos);
  EXPECT_LT(matrix, section);
  EXPECT_NE(html.find(">1 → 2</td>"), std::string::npos);
  EXPECT_NE(html.find(">— → 2</td>"), std::string::npos);  // entry not established
}

}  // namespace
}  // namespace ecusson::assessment
