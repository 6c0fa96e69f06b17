#include "ecusson/assessment/report_json.h"

#include <filesystem>

#include <boost/json.hpp>

#include "ecusson/assessment/explain.h"
#include "json_pretty.h"
#include "report_common.h"

namespace ecusson::assessment {

namespace json = boost::json;

namespace {

json::value str_or_null(std::string_view s) {
  if (s.empty()) return nullptr;
  return json::string(s);
}

json::value rational(const Rational& r) { return json::string(r.to_string()); }

json::array strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(json::string(s));
  return a;
}

json::value error_object(const Error& e) {
  return json::object{{"code", e.code}, {"where", str_or_null(e.where)}, {"message", e.message}};
}

// Warnings or rejected files for a report: local paths cut to the file name.
json::array short_error_array(const std::vector<Error>& errors) {
  json::array out;
  for (const Error& e : errors) {
    json::value w = error_object(e);
    w.as_object()["where"] = str_or_null(detail::short_where(e.where));
    out.push_back(std::move(w));
  }
  return out;
}

json::value placement_object(const Placement& p) {
  json::object o;
  o["kind"] = str_or_null(p.kind);
  o["objective"] = str_or_null(p.objective);
  o["start"] = p.start.valid() ? json::value(json::string(p.start.to_string())) : nullptr;
  o["end"] = p.end.valid() ? json::value(json::string(p.end.to_string())) : nullptr;
  o["hours_planned"] = p.hours_planned ? rational(*p.hours_planned) : nullptr;
  o["hours_missed"] = p.hours_missed ? rational(*p.hours_missed) : nullptr;
  o["completion"] = p.completion ? json::value(json::string(to_string(*p.completion))) : nullptr;
  o["last_day_of_presence"] = p.last_day_of_presence
                                  ? json::value(json::string(p.last_day_of_presence->to_string()))
                                  : nullptr;
  o["ended_early"] = p.ended_early();
  o["host"] = json::object{{"siret", str_or_null(p.host.siret)},
                           {"name", str_or_null(p.host.name)},
                           {"naf", str_or_null(p.host.naf)}};
  o["job"] = json::object{{"rome", str_or_null(p.job.rome)},
                          {"appellation", str_or_null(p.job.appellation)},
                          {"label", str_or_null(p.job.label)}};
  o["max_observable_level"] = p.max_observable_level ? json::value(*p.max_observable_level) : nullptr;
  return o;
}

json::value level_object(const LevelBasis& l, const LevelScale* scale) {
  json::object o;
  o["n"] = l.n;
  const LevelScale::Step* step = scale ? scale->find(l.n) : nullptr;
  o["label"] = step ? str_or_null(step->label) : nullptr;
  o["outcome"] = to_string(l.outcome);
  o["indicators"] = l.indicators;
  o["observed"] = l.observed;
  o["met"] = l.met;
  o["divergent"] = l.divergent;
  o["held"] = l.held;
  o["weight_total"] = rational(l.weight_total);
  o["weight_observed"] = rational(l.weight_observed);
  o["weight_met"] = rational(l.weight_met);
  o["coverage"] = rational(l.coverage);
  o["met_share"] = rational(l.met_share);
  o["min_observed"] = l.min_observed;
  o["critical_unmet"] = strings(l.critical_unmet);
  o["critical_unobserved"] = strings(l.critical_unobserved);
  o["above_cap"] = l.above_cap;
  o["gap_filled"] = l.gap_filled;
  return o;
}

json::value indicator_object(const IndicatorOutcome& i, const Grid& grid, std::string_view rome) {
  json::object o;
  o["id"] = i.id;
  auto ref = grid.find_indicator(i.id);
  o["label"] = ref ? str_or_null(grid.indicator_label(*ref->indicator, rome)) : nullptr;
  o["level"] = i.level;
  o["weight"] = rational(i.weight);
  o["critical"] = i.critical;
  o["observed"] = i.observed;
  o["rank"] = i.rank ? json::value(*i.rank) : nullptr;
  o["rating"] = str_or_null(i.rating);
  o["met"] = i.met;
  o["divergent"] = i.divergent;
  o["held"] = i.held;
  o["arbitrated"] = i.arbitrated;
  o["self_only"] = i.self_only;
  json::array ratings;
  for (const RatingContribution& c : i.contributions) {
    ratings.emplace_back(json::object{
        {"evaluator", c.evaluator},
        {"role", to_string(c.role)},
        {"rating", c.rating},
        {"date", c.date.valid() ? json::value(json::string(c.date.to_string())) : nullptr},
        {"observed", c.observed},
        {"rank", c.observed ? json::value(c.rank) : nullptr},
        {"weight", rational(c.weight)},
        {"counted", c.counted},
        {"arbitration", c.arbitration}});
  }
  o["ratings"] = std::move(ratings);
  return o;
}

json::value progression_object(const Progression& p) {
  json::object o;
  o["comparable"] = p.comparable;
  o["reason"] = str_or_null(p.reason);
  o["entry_evaluation"] = str_or_null(p.entry_evaluation);
  o["entry_level"] = p.entry_level;
  o["exit_level"] = p.exit_level;
  o["delta"] = p.comparable ? json::value(p.delta) : nullptr;
  return o;
}

json::value competence_object(const CompetenceResult& c, const Grid& grid,
                              const AssessmentResult& result, Lang lang) {
  const Competence* comp = grid.find_competence(c.competence);
  const Domain* domain = grid.domain_of(c.competence);
  const LevelScale* scale = comp ? grid.level_scale_for(*comp) : nullptr;
  std::string_view rome = result.placement ? std::string_view(result.placement->job.rome) : "";
  json::object o;
  o["id"] = c.competence;
  o["label"] = comp ? str_or_null(comp->label) : nullptr;
  o["domain"] = json::object{{"id", c.domain},
                             {"label", domain ? str_or_null(domain->label) : nullptr}};
  o["status"] = to_string(c.status);
  o["status_label"] = status_label(c.status, lang);
  o["level"] = c.level;
  const LevelScale::Step* step = scale && c.level > 0 ? scale->find(c.level) : nullptr;
  o["level_label"] = step ? str_or_null(step->label) : nullptr;
  o["max_level"] = scale ? scale->max_level() : 0;
  o["next_level"] = c.next_level ? json::value(*c.next_level) : nullptr;
  o["next_outcome"] =
      c.next_outcome ? json::value(json::string(to_string(*c.next_outcome))) : nullptr;
  o["confidence"] = rational(c.confidence);
  o["confidence_percent"] = detail::percent(c.confidence);
  json::array evaluators;
  for (const std::string& id : c.basis.evaluators) {
    evaluators.emplace_back(
        json::object{{"id", id}, {"role", str_or_null(detail::evaluator_role(c, id))}});
  }
  json::array roles;
  for (EvaluatorRole r : c.basis.roles) roles.emplace_back(json::string(to_string(r)));
  o["basis"] = json::object{{"indicators", c.basis.indicators},
                            {"observed", c.basis.observed},
                            {"met", c.basis.met},
                            {"divergent", c.basis.divergent},
                            {"held", c.basis.held},
                            {"self_only", c.basis.self_only},
                            {"evaluators", std::move(evaluators)},
                            {"roles", std::move(roles)},
                            {"evaluator_requirement_met", c.basis.evaluator_requirement_met}};
  o["capped"] = c.capped;
  o["cap"] = c.cap;
  o["uncapped_level"] = c.uncapped_level;
  o["inconsistent"] = c.inconsistent;
  json::array inconsistent_levels;
  for (int n : c.inconsistent_levels) inconsistent_levels.emplace_back(n);
  o["inconsistent_levels"] = std::move(inconsistent_levels);
  o["progression"] = c.progression ? progression_object(*c.progression) : nullptr;
  o["explanation"] = strings(explain(c, grid, lang));
  json::array levels;
  for (const LevelBasis& l : c.levels) levels.push_back(level_object(l, scale));
  o["levels"] = std::move(levels);
  json::array indicators;
  for (const IndicatorOutcome& i : c.indicators) indicators.push_back(indicator_object(i, grid, rome));
  o["indicators"] = std::move(indicators);
  return o;
}

json::object result_object(const AssessmentResult& r, const Grid& grid, Lang lang) {
  json::object o;
  o["format"] = "ecusson-assessment-result";
  o["format_version"] = 1;
  o["lang"] = lang == Lang::en ? "en" : "fr";
  o["status"] = "proposal";
  o["evaluation"] = json::object{
      {"id", r.evaluation_id},
      {"file", str_or_null(std::filesystem::path(r.source_file).filename().string())},
      {"phase", to_string(r.phase)},
      {"phase_label", detail::phase_label(r.phase, lang)}};
  o["participant"] = r.participant_ref;
  o["grid"] = json::object{{"id", r.grid_id},
                           {"version", r.grid_version},
                           {"title", str_or_null(grid.title)}};
  o["policy"] = json::object{{"id", r.policy_id}, {"version", r.policy_version}};
  o["engine"] = r.engine_version;
  o["input_digest"] = r.input_digest;
  o["placement"] = r.placement ? placement_object(*r.placement) : nullptr;
  o["no_result"] = r.no_result;
  json::array flags;
  for (const std::string& f : r.flags) {
    flags.emplace_back(json::object{{"code", f}, {"message", flag_label(f, lang)}});
  }
  o["flags"] = std::move(flags);
  o["warnings"] = short_error_array(r.warnings);
  json::array comps;
  for (const CompetenceResult& c : r.competences) comps.push_back(competence_object(c, grid, r, lang));
  o["competences"] = std::move(comps);
  return o;
}

}  // namespace

std::string result_to_json(const AssessmentResult& result, const Grid& grid, Lang lang) {
  return detail::pretty_json(result_object(result, grid, lang));
}

std::string cohort_to_json(const Cohort& cohort, Lang lang) {
  json::object o;
  o["format"] = "ecusson-cohort";
  o["format_version"] = 1;
  o["lang"] = lang == Lang::en ? "en" : "fr";
  o["evaluations"] = cohort.evaluation_count;
  o["warnings"] = short_error_array(cohort.warnings);
  if (!cohort.rejected.empty()) o["rejected"] = short_error_array(cohort.rejected);
  json::array groups;
  for (const CohortGroup& g : cohort.groups) {
    json::object go;
    go["grid"] = json::object{{"id", g.grid.id},
                              {"version", g.grid.version},
                              {"title", str_or_null(g.grid.title)}};
    json::array competences;
    for (const Domain& d : g.grid.domains) {
      for (const Competence& c : d.competences) {
        competences.emplace_back(
            json::object{{"id", c.id}, {"label", c.label}, {"domain", d.id}});
      }
    }
    go["competences"] = std::move(competences);
    json::array participants;
    for (const ParticipantRecord& p : g.participants) {
      json::object po;
      po["participant"] = p.participant;
      po["entry"] = p.entry ? json::value(result_object(*p.entry, g.grid, lang)) : nullptr;
      po["later"] = p.later ? json::value(result_object(*p.later, g.grid, lang)) : nullptr;
      po["other_evaluations"] = strings(p.other_evaluations);
      participants.push_back(std::move(po));
    }
    go["participants"] = std::move(participants);
    groups.push_back(std::move(go));
  }
  o["groups"] = std::move(groups);
  return detail::pretty_json(o);
}

}  // namespace ecusson::assessment
