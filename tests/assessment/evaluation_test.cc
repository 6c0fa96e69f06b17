#include "ecusson/assessment/evaluation.h"

#include "fixtures.h"

namespace ecusson::assessment {
namespace {

using namespace testing;

TEST(evaluation, parses_every_field) {
  std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<evaluation xmlns="urn:ecusson:eval:1" id="EV-1" grid="t" gridVersion="1.0.0" phase="exit">
  <participant ref="P-7F3A9C"/>
  <placement kind="pmsmp" objective="confirmer-projet" conventionRef="IF-1" start="2025-03-03"
             end="2025-03-14" hoursPlanned="70" hoursMissed="3.5" completion="partially-completed"
             lastDayOfPresence="2025-03-13" maxObservableLevel="2">
    <host siret="12345678900012" name="Propreté Services" naf="8121Z"/>
    <job rome="K2204" appellation="12345" label="Agent de propreté"/>
    <tasks>Nettoyage
      de bureaux.</tasks>
  </placement>
  <evaluators>
    <evaluator id="E1" role="tutor" org="host"/>
    <evaluator id="E2" role="referent" org="PLIE"/>
    <evaluator id="E3" role="self"/>
  </evaluators>
  <observations>
    <obs id="o1" indicator="C.1.a" by="E1" date="2025-03-12" rating="2">
      <situation>Deuxième semaine.</situation>
      <comment>A demandé de l'aide une fois.</comment>
      <evidence kind="testimony" ref="doc:att-88">Attestation</evidence>
    </obs>
    <obs indicator="C.1.a" by="E2" date="2025-03-14" rating="3" arbitration="true" overrides="o1"/>
  </observations>
</evaluation>)";
  auto e = parse_evaluation(xml, "e.eval.xml");
  ASSERT_OK(e);
  EXPECT_EQ(e->id, "EV-1");
  EXPECT_EQ(e->phase, Phase::exit);
  EXPECT_EQ(e->participant.ref, "P-7F3A9C");
  ASSERT_TRUE(e->placement);
  const Placement& p = *e->placement;
  EXPECT_EQ(p.start.to_string(), "2025-03-03");
  EXPECT_EQ(*p.hours_missed, Rational(7, 2));
  EXPECT_EQ(*p.completion, Completion::partially_completed);
  EXPECT_TRUE(p.ended_early());
  EXPECT_EQ(*p.max_observable_level, 2);
  EXPECT_EQ(p.host.siret, "12345678900012");
  EXPECT_EQ(p.job.rome, "K2204");
  EXPECT_EQ(p.tasks, "Nettoyage de bureaux.");  // whitespace collapsed
  ASSERT_EQ(e->evaluators.size(), 3u);
  EXPECT_EQ(e->evaluators[2].role, EvaluatorRole::self);
  ASSERT_EQ(e->observations.size(), 2u);
  const Observation& o = e->observations[0];
  EXPECT_EQ(o.situation, "Deuxième semaine.");
  ASSERT_EQ(o.evidence.size(), 1u);
  EXPECT_EQ(o.evidence[0].ref, "doc:att-88");
  EXPECT_EQ(o.pos.line, 18u);
  EXPECT_EQ(o.pos.column, 5u);
  EXPECT_TRUE(e->observations[1].arbitration);
  EXPECT_EQ(e->observations[1].overrides, std::vector<std::string>{"o1"});
  EXPECT_TRUE(e->warnings.empty());
}

TEST(evaluation, unknown_evaluator_lists_declared_ones) {
  auto r = parse_evaluation(eval_xml({{"C.1.a", "X9", "2"}}), "e.xml");
  EXPECT_ERROR(r, "evaluation.unknown_evaluator");
  EXPECT_EQ(r.error().where, "e.xml:10:32");
  EXPECT_NE(r.error().message.find("T, T2, R, S"), std::string::npos) << r.error().message;
}

TEST(evaluation, duplicate_evaluator_id) {
  std::string xml = eval_xml({});
  xml.replace(xml.find("id=\"T2\""), 7, "id=\"T\" ");
  auto r = parse_evaluation(xml, "e.xml");
  EXPECT_ERROR(r, "evaluation.duplicate_id");
  EXPECT_NE(r.error().message.find("ligne 6"), std::string::npos) << r.error().message;
}

TEST(evaluation, duplicate_observation_id) {
  auto r = parse_evaluation(eval_xml({{"C.1.a", "T", "2", "2025-03-10", R"(id="o1")"},
                                      {"C.1.b", "T", "2", "2025-03-10", R"(id="o1")"}}),
                            "e.xml");
  EXPECT_ERROR(r, "evaluation.duplicate_id");
  EXPECT_TRUE(r.error().where.starts_with("e.xml:11:")) << r.error().where;
}

TEST(evaluation, end_before_start) {
  std::string xml = eval_xml({});
  xml.replace(xml.find("end=\"2025-03-14\""), 16, "end=\"2025-03-01\"");
  auto r = parse_evaluation(xml, "e.xml");
  EXPECT_ERROR(r, "evaluation.end_before_start");
  EXPECT_NE(r.error().message.find("2025-03-01"), std::string::npos);
  EXPECT_TRUE(r.error().where.starts_with("e.xml:4:")) << r.error().where;
}

TEST(evaluation, impossible_date_is_rejected) {
  auto r = parse_evaluation(eval_xml({{"C.1.a", "T", "2", "2025-02-29"}}), "e.xml");
  EXPECT_ERROR(r, "xml.bad_value");
  EXPECT_NE(r.error().message.find("AAAA-MM-JJ"), std::string::npos);
}

// rectec.md §4.5 case 7: an observation dated outside the placement is a warning in an
// entry (or intermediate, follow-up) evaluation, and an error in an exit evaluation.
TEST(evaluation, date_outside_placement_warns_on_entry) {
  auto r = parse_evaluation(eval_xml({{"C.1.a", "T", "2", "2025-02-20"}}, "entry"), "e.xml");
  ASSERT_OK(r);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0].code, "evaluation.date_outside_placement");
  EXPECT_EQ(r->warnings[0].where, "e.xml:10:41");
}

TEST(evaluation, date_outside_placement_is_an_error_on_exit) {
  auto r = parse_evaluation(eval_xml({{"C.1.a", "T", "2", "2025-03-15"}}, "exit"), "e.xml");
  EXPECT_ERROR(r, "evaluation.date_outside_placement");
  EXPECT_EQ(r.error().where, "e.xml:10:41");
}

TEST(evaluation, did_not_show_with_observations_is_rejected) {
  auto r = parse_evaluation(eval_xml({{"C.1.a", "T", "2"}}, "exit", R"(completion="did-not-show")"), "e.xml");
  EXPECT_ERROR(r, "evaluation.did_not_show_with_observations");
}

TEST(evaluation, arbitration_must_come_from_a_referent) {
  auto r = parse_evaluation(eval_xml({{"C.1.a", "T", "2", "2025-03-10", R"(arbitration="true")"}}), "e.xml");
  EXPECT_ERROR(r, "evaluation.arbitration_not_referent");
}

TEST(evaluation, arbitration_overrides_must_resolve_to_the_same_indicator) {
  auto r = parse_evaluation(eval_xml({{"C.1.b", "T", "2", "2025-03-10", R"(id="o1")"},
                                      {"C.1.a", "R", "2", "2025-03-10", R"(arbitration="true" overrides="o1")"}}),
                            "e.xml");
  EXPECT_ERROR(r, "evaluation.unknown_observation");
}

TEST(evaluation, missed_hours_cannot_exceed_planned_hours) {
  EXPECT_ERROR(parse_evaluation(eval_xml({}, "exit", R"(hoursPlanned="10" hoursMissed="12")"), "e.xml"),
               "evaluation.bad_hours");
}

TEST(evaluation, last_day_of_presence_within_placement) {
  EXPECT_ERROR(parse_evaluation(eval_xml({}, "exit", R"(lastDayOfPresence="2025-04-01")"), "e.xml"),
               "evaluation.last_day_outside_placement");
}

TEST(evaluation, bad_enumerations_say_what_is_expected) {
  auto r = parse_evaluation(eval_xml({}, "final"), "e.xml");
  EXPECT_ERROR(r, "xml.bad_value");
  EXPECT_NE(r.error().message.find("entry | intermediate | exit | follow-up"), std::string::npos);
  std::string xml = eval_xml({});
  xml.replace(xml.find("role=\"self\""), 11, "role=\"boss\"");
  EXPECT_ERROR(parse_evaluation(xml, "e.xml"), "xml.bad_value");
}

TEST(evaluation, bad_siret_and_rome) {
  std::string base = R"(<evaluation xmlns="urn:ecusson:eval:1" id="E" grid="t" gridVersion="1.0.0" phase="entry">
  <participant ref="P"/><placement kind="pmsmp" start="2025-01-01" end="2025-01-02">)";
  EXPECT_ERROR(parse_evaluation(base + R"(<host siret="123"/></placement></evaluation>)", "e.xml"), "xml.bad_value");
  EXPECT_ERROR(parse_evaluation(base + R"(<job rome="Z1234"/></placement></evaluation>)", "e.xml"), "xml.bad_value");
}

TEST(evaluation, participant_is_required_and_unique) {
  EXPECT_ERROR(parse_evaluation(R"(<evaluation xmlns="urn:ecusson:eval:1" id="E" grid="t" gridVersion="1" phase="entry"/>)", "e.xml"),
               "xml.missing_element");
  EXPECT_ERROR(parse_evaluation(R"(<evaluation xmlns="urn:ecusson:eval:1" id="E" grid="t" gridVersion="1" phase="entry"><participant ref="A"/><participant ref="B"/></evaluation>)", "e.xml"),
               "xml.duplicate_element");
}

TEST(evaluation, max_observable_level_beyond_every_scale_is_rejected_against_the_grid) {
  auto e = parse_evaluation(eval_xml({}, "exit", R"(maxObservableLevel="5")"), "e.xml");
  ASSERT_OK(e);
  auto v = validate_evaluation(*e, test_grid());
  EXPECT_ERROR(v, "evaluation.max_level_out_of_range");
}

TEST(evaluation, validation_passes_warnings_through) {
  auto e = parse_evaluation(eval_xml({{"C.1.a", "T", "2", "2025-01-01"}}, "entry"), "e.xml");
  ASSERT_OK(e);
  auto v = validate_evaluation(*e, test_grid());
  ASSERT_OK(v);
  EXPECT_EQ(v->size(), 1u);
}

}  // namespace
}  // namespace ecusson::assessment
