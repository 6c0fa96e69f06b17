// ScoringPolicy: the rules that turn observations into a proposed level (design §2).
//
// A policy is data, so a PLIE can tune thresholds without code changes. It lives inside a
// grid (<scoringPolicy> child of <competenceGrid>) or in its own file (root <scoringPolicy>,
// namespace urn:ecusson:grid:1). The defaults below are those of rectec.md §5: tutor and
// referent weight 1, self 0; weighted median with ties going low; divergence when the rank
// gap is >= 2; an indicator is met from the first rating marked meets="true"; a level is
// attained at coverage >= 1/2, met share >= 2/3, all critical indicators met. All shares are
// exact rationals. See docs/formats.md for the XML form. Plain value type; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecusson/assessment/parse_options.h"
#include "ecusson/assessment/rational.h"
#include "ecusson/assessment/source_position.h"
#include "ecusson/result.h"

namespace ecusson::assessment {

/// Who observed. `self` is the participant's own assessment (shown, weight 0 by default).
enum class EvaluatorRole { tutor, referent, self };

/// "tutor", "referent", "self".
std::string_view to_string(EvaluatorRole role);
/// Inverse of to_string; nullopt for anything else.
std::optional<EvaluatorRole> parse_evaluator_role(std::string_view text);

/// How the counted evaluators' ranks for one indicator become one rank.
enum class Consolidation {
  weighted_median,  // weighted median of ranks; ties per TieBreak
  min,              // the lowest counted rank (most prudent)
  max,              // the highest counted rank
  role_priority,    // the rank of the first role in `role_priority` that observed it
};
enum class TieBreak { lower, upper };
/// What a divergent indicator (rank gap > max_rank_gap) becomes.
enum class DivergenceAction {
  flag_and_hold,  // counted as unobserved until an arbitration observation settles it
  flag_only,      // consolidated normally, reported as divergent
};
/// Whether a lower level with insufficient evidence may be filled by a higher attained one.
enum class GapFill { none, evidence_of_higher };

std::string_view to_string(Consolidation c);
std::string_view to_string(TieBreak t);
std::string_view to_string(DivergenceAction a);
std::string_view to_string(GapFill g);

struct ScoringPolicy {
  std::string id = "ecusson-default";
  std::string version = "1";

  // <evaluatorWeights tutor= referent= self=/>
  Rational tutor_weight = 1;
  Rational referent_weight = 1;
  Rational self_weight = 0;
  /// Weight of a role (the three fields above).
  Rational weight_of(EvaluatorRole role) const;

  // <perEvaluator latestOnly="true"/>: keep the latest dated observation per
  // (indicator, evaluator); with false, the best rank among that evaluator's observations.
  bool latest_only = true;

  // <consolidate method= tieBreak= rolePriority="referent tutor"/>
  Consolidation method = Consolidation::weighted_median;
  TieBreak tie_break = TieBreak::lower;
  std::vector<EvaluatorRole> role_priority{EvaluatorRole::referent, EvaluatorRole::tutor};

  // <disagreement maxRankGap="1" onExceed="flag-and-hold"/>
  int max_rank_gap = 1;
  DivergenceAction on_exceed = DivergenceAction::flag_and_hold;

  // <indicatorMet minRank="2"/>: when absent, the lowest rank whose rating value has
  // meets="true" in the competence's rating scale.
  std::optional<int> met_min_rank;

  // <levelAttained minCoverage= minObserved= minMetShare= criticalMustBeMet=/>
  Rational min_coverage{1, 2};
  /// Capped by the number of indicators of the level (a 1-indicator level needs 1).
  int min_observed = 2;
  Rational min_met_share{2, 3};
  bool critical_must_be_met = true;

  // <cumulative requireLowerLevels= allowGapFill="evidence-of-higher|none"/>
  bool require_lower_levels = true;
  GapFill gap_fill = GapFill::evidence_of_higher;

  // <partial minMetShare="1/3"/>: not attained but met share at least this → "partial".
  Rational partial_min_met_share{1, 3};

  // <cap byPlacement="true"/>: apply placement/@maxObservableLevel.
  bool cap_by_placement = true;

  // <confidence singleEvaluatorFactor="3/4"/>: confidence multiplier when only one role
  // (tutor or referent) was counted for the competence (rectec.md §4.5 case 5).
  Rational single_evaluator_factor{3, 4};

  // <requirements minEvaluatorRoles="1" missedHoursFlagShare="1/4"/>
  /// Distinct counted roles a competence needs before a badge may be issued (reported in
  /// the result as `evaluator_requirement_met`; scoring itself does not change).
  int min_evaluator_roles = 1;
  /// Missed hours / planned hours at or above this raises the "attendance" flag. Never a
  /// competence penalty (rectec.md §4.5 case 9).
  Rational missed_hours_flag_share{1, 4};

  /// Where the policy was read from ("" and {0,0} for the built-in default).
  std::string source_file;
  SourcePos pos;

  /// The built-in default (rectec.md §5).
  static ScoringPolicy defaults() { return ScoringPolicy{}; }
};

/// Reads a standalone policy file (root <scoringPolicy>, namespace urn:ecusson:grid:1).
/// Success: the policy. Failure: the same xml.* codes as load_grid (file, size, UTF-8,
/// syntax, namespace, unknown element/attribute), "policy.bad_value" for a value out of
/// range (e.g. a share above 1), with file:line:column.
/// Example: auto p = load_policy("templates/grids/strict.policy.xml");
[[nodiscard]] Result<ScoringPolicy> load_policy(const std::string& path,
                                                const ParseOptions& options = {});
/// Same as load_policy on text already in memory; `file_name` is used in messages.
[[nodiscard]] Result<ScoringPolicy> parse_policy(std::string_view xml, std::string_view file_name,
                                                 const ParseOptions& options = {});

}  // namespace ecusson::assessment
