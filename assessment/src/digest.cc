// Canonical forms and the SHA-256 input digest (rectec.md §4.5 case 22).
#include "ecusson/assessment/digest.h"

#include "ecusson/common/digest.h"

namespace ecusson::assessment {
namespace {

// "<name>=<length>:<bytes>\n": unambiguous whatever the bytes contain.
class Canon {
 public:
  Canon& f(std::string_view name, std::string_view value) {
    out_ += name;
    out_ += '=';
    out_ += std::to_string(value.size());
    out_ += ':';
    out_ += value;
    out_ += '\n';
    return *this;
  }
  Canon& f(std::string_view name, const Rational& v) { return f(name, v.to_string()); }
  Canon& f(std::string_view name, int v) { return f(name, std::to_string(v)); }
  Canon& f(std::string_view name, bool v) { return f(name, v ? std::string_view("1") : std::string_view("0")); }
  Canon& f(std::string_view name, const char* v) { return f(name, std::string_view(v)); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

void alignment(Canon& c, const Alignment& a) {
  c.f("alignment.framework", a.framework).f("alignment.code", a.code).f("alignment.label", a.label)
      .f("alignment.match", a.match);
}

}  // namespace

std::string canonical_form(const Grid& g) {
  Canon c;
  c.f("grid", "urn:ecusson:grid:1").f("id", g.id).f("version", g.version).f("lang", g.lang)
      .f("title", g.title).f("source.name", g.source_name).f("source.url", g.source_url)
      .f("source.note", g.source_note);
  for (const auto& fw : g.frameworks)
    c.f("framework.id", fw.id).f("framework.name", fw.name).f("framework.version", fw.version)
        .f("framework.uriBase", fw.uri_base);
  for (const auto& s : g.level_scales) {
    c.f("levelScale", s.id);
    for (const auto& st : s.levels) {
      c.f("level.n", st.n).f("level.code", st.code).f("level.label", st.label);
      for (const auto& a : st.alignments) alignment(c, a);
    }
  }
  for (const auto& s : g.rating_scales) {
    c.f("ratingScale", s.id);
    for (const auto& v : s.values)
      c.f("value.code", v.code).f("value.label", v.label).f("value.rank", v.rank)
          .f("value.meets", v.meets).f("value.observed", v.observed);
  }
  for (const auto& d : g.domains) {
    c.f("domain.id", d.id).f("domain.label", d.label);
    for (const auto& comp : d.competences) {
      c.f("competence.id", comp.id).f("competence.label", comp.label)
          .f("competence.description", comp.description).f("competence.levelScale", comp.level_scale)
          .f("competence.ratingScale", comp.rating_scale).f("competence.gradingModel", comp.grading_model);
      for (const auto& a : comp.alignments) alignment(c, a);
      for (const auto& l : comp.levels) {
        c.f("level.n", l.n).f("level.label", l.label).f("level.descriptor", l.descriptor);
        for (const auto& i : l.indicators)
          c.f("indicator.id", i.id).f("indicator.weight", i.weight).f("indicator.critical", i.critical)
              .f("indicator.label", i.label);
      }
    }
  }
  for (const auto& ctx : g.contextualisations) {
    c.f("contextualisation.rome", ctx.rome).f("contextualisation.label", ctx.label);
    for (const auto& o : ctx.overrides) c.f("override.ref", o.ref).f("override.label", o.label);
  }
  // The grid's own policy is digested through the policy actually used (input_digest).
  return c.take();
}

std::string canonical_form(const ScoringPolicy& p) {
  Canon c;
  c.f("policy", "urn:ecusson:grid:1#scoringPolicy").f("id", p.id).f("version", p.version)
      .f("weight.tutor", p.tutor_weight).f("weight.referent", p.referent_weight)
      .f("weight.self", p.self_weight).f("latestOnly", p.latest_only)
      .f("method", to_string(p.method)).f("tieBreak", to_string(p.tie_break));
  std::string prio;
  for (auto r : p.role_priority) {
    if (!prio.empty()) prio += ' ';
    prio += to_string(r);
  }
  c.f("rolePriority", prio).f("maxRankGap", p.max_rank_gap).f("onExceed", to_string(p.on_exceed))
      .f("metMinRank", p.met_min_rank ? std::to_string(*p.met_min_rank) : std::string("scale"))
      .f("minCoverage", p.min_coverage).f("minObserved", p.min_observed)
      .f("minMetShare", p.min_met_share).f("criticalMustBeMet", p.critical_must_be_met)
      .f("requireLowerLevels", p.require_lower_levels).f("gapFill", to_string(p.gap_fill))
      .f("partialMinMetShare", p.partial_min_met_share).f("capByPlacement", p.cap_by_placement)
      .f("singleEvaluatorFactor", p.single_evaluator_factor)
      .f("minEvaluatorRoles", p.min_evaluator_roles)
      .f("missedHoursFlagShare", p.missed_hours_flag_share);
  return c.take();
}

std::string canonical_form(const Evaluation& e) {
  Canon c;
  c.f("evaluation", "urn:ecusson:eval:1").f("id", e.id).f("grid", e.grid)
      .f("gridVersion", e.grid_version).f("phase", to_string(e.phase))
      .f("participant", e.participant.ref);
  if (e.placement) {
    const Placement& p = *e.placement;
    auto opt = [](const std::optional<Rational>& r) { return r ? r->to_string() : std::string("-"); };
    c.f("placement.kind", p.kind).f("placement.objective", p.objective)
        .f("placement.conventionRef", p.convention_ref).f("placement.start", p.start.to_string())
        .f("placement.end", p.end.to_string()).f("placement.hoursPlanned", opt(p.hours_planned))
        .f("placement.hoursMissed", opt(p.hours_missed))
        .f("placement.completion", p.completion ? to_string(*p.completion) : std::string_view("-"))
        .f("placement.lastDayOfPresence", p.last_day_of_presence ? p.last_day_of_presence->to_string() : "-")
        .f("placement.maxObservableLevel",
           p.max_observable_level ? std::to_string(*p.max_observable_level) : std::string("-"))
        .f("host.siret", p.host.siret).f("host.name", p.host.name).f("host.naf", p.host.naf)
        .f("job.rome", p.job.rome).f("job.appellation", p.job.appellation).f("job.label", p.job.label)
        .f("tasks", p.tasks);
  } else {
    c.f("placement", "-");
  }
  for (const auto& ev : e.evaluators)
    c.f("evaluator.id", ev.id).f("evaluator.role", to_string(ev.role)).f("evaluator.org", ev.org)
        .f("evaluator.name", ev.name);
  for (const auto& o : e.observations) {
    c.f("obs.id", o.id).f("obs.indicator", o.indicator).f("obs.by", o.by)
        .f("obs.date", o.date.to_string()).f("obs.rating", o.rating).f("obs.arbitration", o.arbitration);
    std::string ov;
    for (const auto& x : o.overrides) {
      if (!ov.empty()) ov += ' ';
      ov += x;
    }
    c.f("obs.overrides", ov).f("obs.situation", o.situation).f("obs.comment", o.comment);
    for (const auto& ev : o.evidence)
      c.f("evidence.kind", ev.kind).f("evidence.ref", ev.ref).f("evidence.text", ev.text);
  }
  return c.take();
}

std::string sha256_hex(std::string_view bytes) {
  std::string raw = ecusson::sha256(bytes);
  return raw.empty() ? "sha256:error" : "sha256:" + hex_encode(raw);
}

std::string input_digest(const Grid& grid, const ScoringPolicy& policy, const Evaluation& evaluation) {
  return sha256_hex(canonical_form(grid) + canonical_form(policy) + canonical_form(evaluation));
}

}  // namespace ecusson::assessment
