// score(): the scoring engine, a pure function (design §2, rectec.md §4.3 and §4.5).
//
// Per competence: keep the latest observation per (indicator, evaluator); drop "non
// observé"; consolidate counted evaluators (self counts 0 by default) by weighted median
// with ties going low; flag divergence and hold it for arbitration; evaluate each level on
// weight coverage, observed count, met share and critical indicators, all with exact
// rationals; apply the cumulative rule (with gap fill), the placement cap, and derive the
// status and confidence. No floating point, no clock: same inputs, same result.
// Thread-safe (no shared state).
#pragma once

#include "ecusson/assessment/evaluation.h"
#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/result.h"
#include "ecusson/assessment/scoring_policy.h"
#include "ecusson/result.h"

namespace ecusson::assessment {

struct ScoreOptions {
  Lang lang = Lang::fr;
  /// See ValidateOptions::accept_grid_version_drift.
  bool accept_grid_version_drift = false;
};

/// Scores an evaluation against a grid with a policy.
/// Success: the AssessmentResult (a proposal). Failure: the errors of validate_evaluation
/// (unknown indicator or evaluator, rating not in the scale, grid id/version mismatch),
/// with file:line:column.
/// Example: auto r = score(eval, grid, grid.effective_policy());
[[nodiscard]] Result<AssessmentResult> score(const Evaluation& evaluation, const Grid& grid,
                                             const ScoringPolicy& policy,
                                             const ScoreOptions& options = {});

}  // namespace ecusson::assessment
