// The scoring engine (rectec.md §4.3, every case of §4.5). See docs/formats.md §2 for the
// rules in prose; each rule below names the case it implements.
#include "ecusson/assessment/score.h"

#include <algorithm>
#include <map>
#include <set>

#include "ecusson/assessment/digest.h"
#include "ecusson/assessment/messages.h"
#include "indicator_index.h"

namespace ecusson::assessment {
namespace {

struct Counted {
  int rank;
  Rational weight;
  EvaluatorRole role;
};

// Weighted median of ranks (case 4). Lower: the smallest rank whose cumulative weight
// reaches half the total; upper: the smallest rank whose cumulative weight exceeds half.
// Equal weights on 2 and 3 give 2 (lower) or 3 (upper).
int weighted_median(std::vector<Counted> v, TieBreak tie) {
  std::sort(v.begin(), v.end(), [](const Counted& a, const Counted& b) { return a.rank < b.rank; });
  Rational total = 0;
  for (const auto& c : v) total += c.weight;
  Rational cum = 0;
  for (const auto& c : v) {
    cum += c.weight;
    Rational twice = cum * Rational(2);
    if (tie == TieBreak::lower ? twice >= total : twice > total) return c.rank;
  }
  return v.back().rank;
}

int consolidate(const std::vector<Counted>& v, const ScoringPolicy& p) {
  switch (p.method) {
    case Consolidation::min:
      return std::min_element(v.begin(), v.end(), [](auto& a, auto& b) { return a.rank < b.rank; })->rank;
    case Consolidation::max:
      return std::max_element(v.begin(), v.end(), [](auto& a, auto& b) { return a.rank < b.rank; })->rank;
    case Consolidation::role_priority:
      for (EvaluatorRole role : p.role_priority) {
        std::vector<Counted> group;
        for (const auto& c : v)
          if (c.role == role) group.push_back(c);
        if (!group.empty()) return weighted_median(group, p.tie_break);
      }
      return weighted_median(v, p.tie_break);
    case Consolidation::weighted_median:
      break;
  }
  return weighted_median(v, p.tie_break);
}

const RatingValue* value_with_rank(const RatingScale& s, int rank) {
  for (const auto& v : s.values)
    if (v.observed && v.rank == rank) return &v;
  return nullptr;
}

// Is `a` a later observation than `b`? Later date wins; on the same date, later in the file.
bool later(const Observation* a, std::size_t ia, const Observation* b, std::size_t ib) {
  if (a->date != b->date) return a->date > b->date;
  return ia > ib;
}

struct Retained {
  const Observation* obs = nullptr;
  std::size_t index = 0;
  int rank = -1;  // -1 for "non observé"
};

class Scorer {
 public:
  Scorer(const Evaluation& e, const Grid& g, const ScoringPolicy& p) : e_(e), g_(g), p_(p) {
    // Retain the latest (or best) observation per (indicator, evaluator) (case 7), and the
    // latest arbitration per indicator (case 14).
    for (std::size_t k = 0; k < e.evaluators.size(); ++k) evaluator_index_.emplace(e.evaluators[k].id, k);
    detail::IndicatorIndex index(g);
    for (std::size_t i = 0; i < e.observations.size(); ++i) {
      const Observation& o = e.observations[i];
      const IndicatorRef* ref = index.find(o.indicator);
      const RatingScale* scale = g.rating_scale_for(*ref->competence);
      const RatingValue* rv = scale->find(o.rating);
      int rank = rv->observed ? rv->rank : -1;
      if (o.arbitration) {
        auto& slot = arbitration_[o.indicator];
        if (slot.obs == nullptr || later(&o, i, slot.obs, slot.index)) slot = {&o, i, rank};
        continue;
      }
      auto& slot = retained_[o.indicator][o.by];
      bool replace = slot.obs == nullptr;
      if (!replace) {
        if (p.latest_only) {
          replace = later(&o, i, slot.obs, slot.index);
        } else {  // best rank among this evaluator's observations; ties: the later one
          replace = rank > slot.rank || (rank == slot.rank && later(&o, i, slot.obs, slot.index));
        }
      }
      if (replace) slot = {&o, i, rank};
    }
  }

  CompetenceResult run(const Domain& d, const Competence& c) {
    CompetenceResult r;
    r.competence = c.id;
    r.domain = d.id;
    const RatingScale& scale = *g_.rating_scale_for(c);
    const int met_rank = p_.met_min_rank ? *p_.met_min_rank : scale.min_meeting_rank();

    for (const Level& l : c.levels)
      for (const Indicator& ind : l.indicators)
        r.indicators.push_back(indicator(ind, l.n, scale, met_rank));

    const int scale_max = c.levels.back().n;
    int cap = scale_max;
    if (p_.cap_by_placement && e_.placement && e_.placement->max_observable_level)
      cap = std::min(cap, *e_.placement->max_observable_level);
    r.cap = cap;

    for (const Level& l : c.levels) r.levels.push_back(level(l, r.indicators, cap));

    auto outcome = [&](int n) { return r.levels[static_cast<std::size_t>(n - 1)].outcome; };
    // Cumulative rule with gap fill (rectec.md §4.3 step 4).
    auto highest = [&](int top) {
      int best = 0;
      for (int n = 1; n <= top; ++n) {
        if (outcome(n) != LevelOutcome::attained) continue;
        bool lower_ok = true;
        if (p_.require_lower_levels) {
          for (int k = 1; k < n; ++k) {
            LevelOutcome o = outcome(k);
            bool fill = p_.gap_fill == GapFill::evidence_of_higher && o == LevelOutcome::insufficient_evidence;
            if (o != LevelOutcome::attained && !fill) lower_ok = false;
          }
        }
        if (lower_ok) best = n;
      }
      return best;
    };
    r.uncapped_level = highest(scale_max);
    r.level = highest(cap);
    for (int k = 1; k < r.level; ++k)
      if (outcome(k) == LevelOutcome::insufficient_evidence)
        r.levels[static_cast<std::size_t>(k - 1)].gap_filled = true;
    // Context cap (case 10): limited by the placement, not "not demonstrated".
    r.capped = r.uncapped_level > r.level || (r.level == cap && cap < scale_max);
    // Non-monotonic results (case 8): an attained level above a lower level judged
    // partial or not demonstrated is not awarded; a person reviews it.
    if (p_.require_lower_levels) {
      for (int n = r.level + 1; n <= cap; ++n) {
        if (outcome(n) != LevelOutcome::attained) continue;
        for (int k = 1; k < n; ++k) {
          LevelOutcome o = outcome(k);
          if (o == LevelOutcome::partial || o == LevelOutcome::not_demonstrated) {
            r.inconsistent = true;
            r.inconsistent_levels.push_back(n);
            break;
          }
        }
      }
    }
    if (r.level < cap) {
      r.next_level = r.level + 1;
      r.next_outcome = outcome(r.level + 1);
    }

    // Basis and confidence over the levels that decide: 1 .. min(level + 1, cap).
    const int considered = std::min(r.level + 1, cap);
    Rational w_total = 0, w_observed = 0, w_divergent = 0;
    std::set<std::string> evaluators;
    std::set<EvaluatorRole> roles;
    bool held_decides = false;
    for (const auto& io : r.indicators) {
      for (const auto& contrib : io.contributions)
        if (contrib.counted) {
          evaluators.insert(contrib.evaluator);
          roles.insert(contrib.role);
        }
      if (io.level > considered) continue;
      ++r.basis.indicators;
      w_total += io.weight;
      if (io.observed) {
        ++r.basis.observed;
        w_observed += io.weight;
      }
      if (io.met) ++r.basis.met;
      if (io.divergent && !io.arbitrated) {
        ++r.basis.divergent;
        w_divergent += io.weight;
      }
      if (io.held) {
        ++r.basis.held;
        held_decides = true;
      }
      if (io.self_only) ++r.basis.self_only;
    }
    r.basis.evaluators.assign(evaluators.begin(), evaluators.end());
    r.basis.roles.assign(roles.begin(), roles.end());
    int other_roles = 0;
    for (EvaluatorRole role : roles)
      if (role != EvaluatorRole::self) ++other_roles;
    r.basis.evaluator_requirement_met = other_roles >= p_.min_evaluator_roles;
    if (!w_total.is_zero()) {
      r.confidence = (w_observed / w_total) * (Rational(1) - w_divergent / w_total);
      // One evaluator only (case 5): allowed, but less sure.
      if (other_roles == 1) r.confidence = r.confidence * p_.single_evaluator_factor;
    }

    // Status (rectec.md §4.3 step 6, design §2).
    if (held_decides) {
      r.status = CompetenceStatus::divergent_held;
    } else if (r.level >= 1) {
      r.status = CompetenceStatus::attained;
    } else {
      switch (outcome(1)) {
        case LevelOutcome::partial: r.status = CompetenceStatus::in_progress; break;
        case LevelOutcome::not_demonstrated: r.status = CompetenceStatus::not_demonstrated; break;
        default: r.status = CompetenceStatus::insufficient_evidence; break;
      }
    }
    return r;
  }

 private:
  IndicatorOutcome indicator(const Indicator& ind, int level_n, const RatingScale& scale, int met_rank) {
    IndicatorOutcome io;
    io.id = ind.id;
    io.level = level_n;
    io.weight = ind.weight;
    io.critical = ind.critical;
    std::vector<Counted> counted;
    bool other_counted = false, self_observed = false;
    // Contributions in evaluator declaration order (stable output). Only the evaluators
    // who rated this indicator are visited: no indicator × evaluator scan.
    if (auto it = retained_.find(ind.id); it != retained_.end()) {
      std::vector<std::pair<std::size_t, const Evaluator*>> order;
      for (const auto& [id, ret] : it->second) {
        std::size_t k = evaluator_index_.at(id);
        order.emplace_back(k, &e_.evaluators[k]);
      }
      std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      for (const auto& [k, evp] : order) {
        const Evaluator& ev = *evp;
        const Retained& ret = it->second.at(ev.id);
        RatingContribution rc;
        rc.evaluator = ev.id;
        rc.role = ev.role;
        rc.rating = ret.obs->rating;
        rc.date = ret.obs->date;
        rc.observed = ret.rank >= 0;  // "non observé" drops out (case 1)
        rc.rank = std::max(ret.rank, 0);
        rc.weight = p_.weight_of(ev.role);
        rc.counted = rc.observed && !rc.weight.is_zero();  // self: weight 0 by default (case 6)
        if (rc.counted) {
          counted.push_back({rc.rank, rc.weight, ev.role});
          if (ev.role != EvaluatorRole::self) other_counted = true;
        }
        if (rc.observed && ev.role == EvaluatorRole::self) self_observed = true;
        io.contributions.push_back(std::move(rc));
      }
    }
    if (!counted.empty()) {
      auto [lo, hi] = std::minmax_element(counted.begin(), counted.end(),
                                          [](auto& a, auto& b) { return a.rank < b.rank; });
      io.divergent = hi->rank - lo->rank > p_.max_rank_gap;
    }
    if (auto it = arbitration_.find(ind.id); it != arbitration_.end()) {
      // An arbitration settles the indicator, divergent or not (case 14).
      const Retained& ret = it->second;
      const Evaluator* ev = &e_.evaluators[evaluator_index_.at(ret.obs->by)];
      RatingContribution rc;
      rc.evaluator = ret.obs->by;
      rc.role = ev ? ev->role : EvaluatorRole::referent;
      rc.rating = ret.obs->rating;
      rc.date = ret.obs->date;
      rc.observed = ret.rank >= 0;
      rc.rank = std::max(ret.rank, 0);
      rc.weight = p_.weight_of(rc.role);
      rc.counted = rc.observed;
      rc.arbitration = true;
      io.contributions.push_back(std::move(rc));
      io.arbitrated = true;
      io.observed = ret.rank >= 0;
      if (io.observed) io.rank = ret.rank;
    } else if (other_counted) {
      io.rank = consolidate(counted, p_);
      io.held = io.divergent && p_.on_exceed == DivergenceAction::flag_and_hold;
      io.observed = !io.held;
    }
    // Self-assessment is never the only basis (case 6), whatever its weight.
    io.self_only = !other_counted && !io.arbitrated && self_observed;
    io.met = io.observed && io.rank && *io.rank >= met_rank;
    if (io.rank)
      if (const RatingValue* v = value_with_rank(scale, *io.rank)) io.rating = v->code;
    return io;
  }

  LevelBasis level(const Level& l, const std::vector<IndicatorOutcome>& all, int cap) {
    LevelBasis b;
    b.n = l.n;
    b.above_cap = l.n > cap;
    for (const auto& io : all) {
      if (io.level != l.n) continue;
      ++b.indicators;
      b.weight_total += io.weight;
      if (io.divergent && !io.arbitrated) ++b.divergent;
      if (io.held) ++b.held;
      if (io.observed) {
        ++b.observed;
        b.weight_observed += io.weight;
        if (io.met) {
          ++b.met;
          b.weight_met += io.weight;
        } else if (io.critical) {
          b.critical_unmet.push_back(io.id);
        }
      } else if (io.critical) {
        b.critical_unobserved.push_back(io.id);
      }
    }
    b.min_observed = std::min(p_.min_observed, b.indicators);
    // Coverage by weight, not count (case 2); gaps are not zeros (case 1).
    b.coverage = b.weight_total.is_zero() ? Rational(0) : b.weight_observed / b.weight_total;
    b.met_share = b.weight_observed.is_zero() ? Rational(0) : b.weight_met / b.weight_observed;
    bool critical = p_.critical_must_be_met;
    if (b.weight_observed.is_zero() || b.coverage < p_.min_coverage || b.observed < b.min_observed) {
      b.outcome = LevelOutcome::insufficient_evidence;
    } else if (b.met_share >= p_.min_met_share && (!critical || b.critical_unmet.empty())) {
      // Critical indicators (case 3): unobserved means not enough evidence yet.
      b.outcome = (!critical || b.critical_unobserved.empty()) ? LevelOutcome::attained
                                                               : LevelOutcome::insufficient_evidence;
    } else if (b.met_share >= p_.partial_min_met_share) {
      b.outcome = LevelOutcome::partial;
    } else {
      b.outcome = LevelOutcome::not_demonstrated;
    }
    return b;
  }

  const Evaluation& e_;
  const Grid& g_;
  const ScoringPolicy& p_;
  std::map<std::string, std::map<std::string, Retained>> retained_;
  std::map<std::string, Retained> arbitration_;
  std::map<std::string, std::size_t> evaluator_index_;
};

}  // namespace

Result<AssessmentResult> score(const Evaluation& e, const Grid& g, const ScoringPolicy& p,
                               const ScoreOptions& options) {
  auto warnings = validate_evaluation(e, g, {options.lang, options.accept_grid_version_drift});
  if (!warnings) return warnings.error();
  AssessmentResult r;
  r.evaluation_id = e.id;
  r.participant_ref = e.participant.ref;
  r.phase = e.phase;
  r.grid_id = g.id;
  r.grid_version = g.version;
  r.policy_id = p.id;
  r.policy_version = p.version;
  r.input_digest = input_digest(g, p, e);
  r.source_file = e.source_file;
  r.placement = e.placement;
  r.warnings = std::move(*warnings);
  if (e.grid_version != g.version) r.flags.push_back("evaluation.grid_version_drift");
  if (e.placement) {
    const Placement& pl = *e.placement;
    // DID_NOT_SHOW gives no result at all (case 9).
    if (pl.completion == Completion::did_not_show) {
      r.no_result = true;
      r.flags.push_back("placement.did_not_show");
      return r;
    }
    // Early end and missed hours are flags for a person, never a penalty (case 9).
    if (pl.ended_early()) r.flags.push_back("placement.ended_early");
    if (pl.hours_planned && pl.hours_missed && !pl.hours_planned->is_zero() &&
        *pl.hours_missed / *pl.hours_planned >= p.missed_hours_flag_share)
      r.flags.push_back("placement.attendance");
  }
  Scorer scorer(e, g, p);
  bool self_only = false;
  for (const Domain& d : g.domains)
    for (const Competence& c : d.competences) {
      r.competences.push_back(scorer.run(d, c));
      for (const auto& io : r.competences.back().indicators) self_only = self_only || io.self_only;
    }
  if (self_only) r.flags.push_back("evaluation.self_only_indicators");
  return r;
}

}  // namespace ecusson::assessment
