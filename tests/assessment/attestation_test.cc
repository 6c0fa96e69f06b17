// The participant's attestation and the tutor's form as documents (print_document.h), on the
// small test grid: what is said, what is left out, escaping. The PDF and the shipped grid are
// tested end to end in tests/cli/attest_cli_test.cc and tests/cli/grid_form_cli_test.cc.
#include "ecusson/assessment/attestation.h"

#include <string>

#include "ecusson/assessment/print_document.h"
#include "ecusson/assessment/tutor_form.h"
#include "fixtures.h"

namespace ecusson::assessment {
namespace {

using testing::eval_xml;
using testing::level_all;
using testing::Obs;
using testing::test_grid;
using testing::operator+;

std::string all_text(const PrintDocument& doc) {
  std::string out;
  auto add = [&](const Spans& spans) {
    for (const Span& s : spans) out += s.text;
    out += "\n";
  };
  for (const Block& b : doc.blocks) {
    add(b.spans);
    for (const Spans& i : b.items) add(i);
    for (const Cell& c : b.header_row) add(c.spans);
    for (const auto& row : b.rows)
      for (const Cell& c : row) add(c.spans);
  }
  return out;
}

TEST(attestation, lists_reached_level_with_wording_and_notes_never_ids) {
  Grid g = test_grid();
  std::string xml = eval_xml(level_all(1, "T", "2") + level_all(2, "T", "3"));
  xml.replace(xml.find(R"(<obs indicator="C.1.a" by="T" date="2025-03-10" rating="2" />)"), 62,
              R"(<obs indicator="C.1.a" by="T" date="2025-03-10" rating="2"><situation>Au dépôt &amp; seul</situation></obs>)");
  Evaluation e = parse_evaluation(xml, "e.eval.xml").value();
  AssessmentResult r = score(e, g, ScoringPolicy::defaults()).value();
  AttestationOptions o;
  o.participant_name = "Camille <Martin>";
  PrintDocument doc = build_attestation(r, e, g, nullptr, o);
  const std::string t = all_text(doc);
  EXPECT_NE(t.find("Compétence — niveau 2 sur 3 : deux"), std::string::npos) << t;
  EXPECT_NE(t.find("a2"), std::string::npos);
  EXPECT_NE(t.find("« Au dépôt & seul »"), std::string::npos) << t;
  EXPECT_EQ(t.find("C.1.a"), std::string::npos) << "no indicator id for the participant";
  EXPECT_NE(t.find("Validé par"), std::string::npos);
  const std::string html = print_document_to_html(doc);
  EXPECT_NE(html.find("Camille &lt;Martin&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<Martin>"), std::string::npos);
}

TEST(attestation, nothing_reached_says_so_without_failure_words) {
  Grid g = test_grid();
  Evaluation e = parse_evaluation(eval_xml({{"C.1.a", "T", "0"}}), "e.eval.xml").value();
  AssessmentResult r = score(e, g, ScoringPolicy::defaults()).value();
  const std::string t = all_text(build_attestation(r, e, g, nullptr, {}));
  EXPECT_NE(t.find("Aucune compétence n'est encore établie"), std::string::npos) << t;
  EXPECT_EQ(t.find("non démontré"), std::string::npos);
}

TEST(attestation, evaluation_date_is_the_latest_observation) {
  Grid g = test_grid();
  std::vector<Obs> obs = {{"C.1.a", "R", "2", "2025-02-24"}, {"C.1.b", "R", "2", "2025-02-26"}};
  Evaluation e = parse_evaluation(eval_xml(obs, "entry"), "e.eval.xml").value();
  AssessmentResult r = score(e, g, ScoringPolicy::defaults()).value();
  EXPECT_EQ(evaluation_date(r).to_string(), "2025-02-26");
  AssessmentResult empty;
  EXPECT_FALSE(evaluation_date(empty).valid());
}

TEST(attestation, objective_in_plain_words) {
  EXPECT_EQ(objective_label("decouvrir-metier"), "Découvrir un métier ou un secteur d'activité");
  EXPECT_EQ(objective_label("confirmer-projet", Lang::en), "Confirm a career plan");
  EXPECT_EQ(objective_label("autre-chose"), "autre-chose");
}

TEST(tutor_form, one_row_per_indicator_with_contextualised_wording) {
  Grid g = test_grid();
  TutorFormOptions o;
  o.rome = "K2204";
  auto csv = tutor_form_to_csv(g, o);
  ASSERT_OK(csv);
  std::size_t rows = 0;
  for (std::size_t p = csv->find("\r\n"); p != std::string::npos; p = csv->find("\r\n", p + 1)) ++rows;
  EXPECT_EQ(rows, 1u + 9u);
  EXPECT_NE(csv->find(";C.1.a;a1 pour le nettoyage;non;NO, 0, 1, 2, 3;;;;;;\r\n"), std::string::npos) << *csv;
  EXPECT_NE(csv->find(";C.2.a;a2;oui;"), std::string::npos);
}

TEST(tutor_form, unknown_competence_is_an_error_naming_the_ids) {
  Grid g = test_grid();
  TutorFormOptions o;
  o.competences = {"X"};
  auto doc = build_tutor_form(g, o);
  EXPECT_ERROR(doc, "grid.unknown_competence");
  EXPECT_NE(doc.error().message.find("D, C"), std::string::npos) << doc.error().message;
  o.competences = {"D"};
  auto by_domain = build_tutor_form(g, o);
  ASSERT_OK(by_domain);
  EXPECT_NE(all_text(*by_domain).find("C.3.c"), std::string::npos);
}

}  // namespace
}  // namespace ecusson::assessment
