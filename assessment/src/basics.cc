// Small value-type helpers: positions, dates, enum names, grid lookups.
#include <algorithm>
#include <cstdio>

#include "ecusson/assessment/date.h"
#include "ecusson/assessment/evaluation.h"
#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/result.h"
#include "ecusson/assessment/scoring_policy.h"
#include "ecusson/assessment/source_position.h"

namespace ecusson::assessment {

std::string where(std::string_view file, SourcePos pos) {
  std::string out(file);
  if (pos.line != 0) {
    out += ':';
    out += std::to_string(pos.line);
    out += ':';
    out += std::to_string(pos.column);
  }
  return out;
}

// ---- Date

std::optional<Date> Date::parse(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  auto num = [&](std::size_t from, std::size_t len, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + len; ++i) {
      if (t[i] < '0' || t[i] > '9') return false;
      out = out * 10 + (t[i] - '0');
    }
    return true;
  };
  Date d;
  if (!num(0, 4, d.year) || !num(5, 2, d.month) || !num(8, 2, d.day)) return std::nullopt;
  if (d.year < 1900 || d.year > 2199 || d.month < 1 || d.month > 12 || d.day < 1)
    return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  int max = kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
  if (d.day > max) return std::nullopt;
  return d;
}

std::string Date::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// ---- enum names

std::string_view to_string(EvaluatorRole role) {
  switch (role) {
    case EvaluatorRole::tutor: return "tutor";
    case EvaluatorRole::referent: return "referent";
    case EvaluatorRole::self: return "self";
  }
  return "tutor";
}

std::optional<EvaluatorRole> parse_evaluator_role(std::string_view t) {
  if (t == "tutor") return EvaluatorRole::tutor;
  if (t == "referent") return EvaluatorRole::referent;
  if (t == "self") return EvaluatorRole::self;
  return std::nullopt;
}

std::string_view to_string(Consolidation c) {
  switch (c) {
    case Consolidation::weighted_median: return "weighted-median";
    case Consolidation::min: return "min";
    case Consolidation::max: return "max";
    case Consolidation::role_priority: return "role-priority";
  }
  return "weighted-median";
}
std::string_view to_string(TieBreak t) { return t == TieBreak::lower ? "lower" : "upper"; }
std::string_view to_string(DivergenceAction a) {
  return a == DivergenceAction::flag_and_hold ? "flag-and-hold" : "flag-only";
}
std::string_view to_string(GapFill g) {
  return g == GapFill::none ? "none" : "evidence-of-higher";
}

Rational ScoringPolicy::weight_of(EvaluatorRole role) const {
  switch (role) {
    case EvaluatorRole::tutor: return tutor_weight;
    case EvaluatorRole::referent: return referent_weight;
    case EvaluatorRole::self: return self_weight;
  }
  return 0;
}

std::string_view to_string(Phase p) {
  switch (p) {
    case Phase::entry: return "entry";
    case Phase::intermediate: return "intermediate";
    case Phase::exit: return "exit";
    case Phase::follow_up: return "follow-up";
  }
  return "exit";
}
std::optional<Phase> parse_phase(std::string_view t) {
  if (t == "entry") return Phase::entry;
  if (t == "intermediate") return Phase::intermediate;
  if (t == "exit") return Phase::exit;
  if (t == "follow-up") return Phase::follow_up;
  return std::nullopt;
}

std::string_view to_string(Completion c) {
  switch (c) {
    case Completion::completed: return "completed";
    case Completion::partially_completed: return "partially-completed";
    case Completion::did_not_show: return "did-not-show";
  }
  return "completed";
}
std::optional<Completion> parse_completion(std::string_view t) {
  if (t == "completed") return Completion::completed;
  if (t == "partially-completed") return Completion::partially_completed;
  if (t == "did-not-show") return Completion::did_not_show;
  return std::nullopt;
}

std::string_view to_string(CompetenceStatus s) {
  switch (s) {
    case CompetenceStatus::attained: return "attained";
    case CompetenceStatus::in_progress: return "in-progress";
    case CompetenceStatus::insufficient_evidence: return "insufficient-evidence";
    case CompetenceStatus::not_demonstrated: return "not-demonstrated";
    case CompetenceStatus::divergent_held: return "divergent-held";
  }
  return "insufficient-evidence";
}
std::string_view to_string(LevelOutcome o) {
  switch (o) {
    case LevelOutcome::attained: return "attained";
    case LevelOutcome::partial: return "partial";
    case LevelOutcome::insufficient_evidence: return "insufficient-evidence";
    case LevelOutcome::not_demonstrated: return "not-demonstrated";
  }
  return "insufficient-evidence";
}

// ---- lookups

const LevelScale::Step* LevelScale::find(int n) const {
  for (const auto& s : levels)
    if (s.n == n) return &s;
  return nullptr;
}

const RatingValue* RatingScale::find(std::string_view code) const {
  for (const auto& v : values)
    if (v.code == code) return &v;
  return nullptr;
}

int RatingScale::min_meeting_rank() const {
  int best = 0;
  bool found = false;
  for (const auto& v : values) {
    if (v.observed && v.meets && (!found || v.rank < best)) {
      best = v.rank;
      found = true;
    }
  }
  return best;
}

const Level* Competence::find_level(int n) const {
  for (const auto& l : levels)
    if (l.n == n) return &l;
  return nullptr;
}

const Framework* Grid::find_framework(std::string_view fid) const {
  for (const auto& f : frameworks)
    if (f.id == fid) return &f;
  return nullptr;
}
const LevelScale* Grid::find_level_scale(std::string_view sid) const {
  for (const auto& s : level_scales)
    if (s.id == sid) return &s;
  return nullptr;
}
const RatingScale* Grid::find_rating_scale(std::string_view sid) const {
  for (const auto& s : rating_scales)
    if (s.id == sid) return &s;
  return nullptr;
}
const Competence* Grid::find_competence(std::string_view cid) const {
  for (const auto& d : domains)
    for (const auto& c : d.competences)
      if (c.id == cid) return &c;
  return nullptr;
}
const Domain* Grid::domain_of(std::string_view cid) const {
  for (const auto& d : domains)
    for (const auto& c : d.competences)
      if (c.id == cid) return &d;
  return nullptr;
}
std::optional<IndicatorRef> Grid::find_indicator(std::string_view iid) const {
  for (const auto& d : domains)
    for (const auto& c : d.competences)
      for (const auto& l : c.levels)
        for (const auto& i : l.indicators)
          if (i.id == iid) return IndicatorRef{&d, &c, &l, &i};
  return std::nullopt;
}
const RatingScale* Grid::rating_scale_for(const Competence& c) const {
  if (!c.rating_scale.empty()) return find_rating_scale(c.rating_scale);
  return rating_scales.empty() ? nullptr : &rating_scales.front();
}
const LevelScale* Grid::level_scale_for(const Competence& c) const {
  return find_level_scale(c.level_scale);
}
std::string_view Grid::indicator_label(const Indicator& ind, std::string_view rome) const {
  if (!rome.empty()) {
    for (const auto& ctx : contextualisations) {
      if (ctx.rome != rome) continue;
      for (const auto& o : ctx.overrides)
        if (o.ref == ind.id) return o.label;
    }
  }
  return ind.label;
}
std::size_t Grid::competence_count() const {
  std::size_t n = 0;
  for (const auto& d : domains) n += d.competences.size();
  return n;
}

const Evaluator* Evaluation::find_evaluator(std::string_view eid) const {
  for (const auto& e : evaluators)
    if (e.id == eid) return &e;
  return nullptr;
}

const CompetenceResult* AssessmentResult::find(std::string_view cid) const {
  for (const auto& c : competences)
    if (c.competence == cid) return &c;
  return nullptr;
}

}  // namespace ecusson::assessment
