// AssessmentResult: the proposed levels for one evaluation (design §2 "Result").
//
// Derived, never edited: score() builds it from (evaluation, grid, policy), and the same
// inputs always give the same value (no clock, no randomness, exact rationals). It records
// the grid, policy and engine versions and a SHA-256 digest of the canonical inputs. Each
// competence carries its status, level, confidence and the full basis (per level and per
// indicator) so a report can explain the level in plain words (see explain.h). A result is
// a proposal until a named person validates it; nothing here issues anything.
// Plain value type; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecusson/assessment/date.h"
#include "ecusson/assessment/evaluation.h"
#include "ecusson/assessment/rational.h"
#include "ecusson/error.h"

namespace ecusson::assessment {

/// Version of the scoring algorithm (changes when the same inputs would score differently).
inline constexpr std::string_view kEngineVersion = "ecusson-assessment 1.0.0";

/// Status of one competence (design §2).
enum class CompetenceStatus {
  attained,               // level >= 1 attained (next level may be in progress)
  in_progress,            // no level attained, but level 1 is partial
  insufficient_evidence,  // not enough observed to decide: never "failed"
  not_demonstrated,       // enough observed, level 1 not shown
  divergent_held,         // evaluators disagree on an indicator that decides; arbitrate
};
/// "attained", "in-progress", "insufficient-evidence", "not-demonstrated", "divergent-held".
std::string_view to_string(CompetenceStatus s);

/// Outcome of one level of one competence.
enum class LevelOutcome {
  attained,
  partial,                // not attained, met share >= partial threshold
  insufficient_evidence,  // coverage or observed count too low, or a critical unobserved
  not_demonstrated,
};
/// "attained", "partial", "insufficient-evidence", "not-demonstrated".
std::string_view to_string(LevelOutcome o);

/// One evaluator's retained rating for an indicator (after "latest per evaluator").
struct RatingContribution {
  std::string evaluator;  // Evaluator id
  EvaluatorRole role = EvaluatorRole::tutor;
  std::string rating;     // rating code as written
  Date date;
  bool observed = false;  // false for "non observé"
  int rank = 0;           // meaningful when observed
  Rational weight = 0;    // role weight used (0: shown, not counted)
  bool counted = false;   // observed and weight > 0
  bool arbitration = false;
};

/// The consolidated view of one indicator.
struct IndicatorOutcome {
  std::string id;
  int level = 0;
  Rational weight = 1;
  bool critical = false;
  /// Counted in coverage: observed by a counted non-self evaluator (or arbitrated) and not held.
  bool observed = false;
  std::optional<int> rank;     // consolidated rank when observed (or divergent)
  std::string rating;          // a rating code with that rank (for display)
  bool met = false;
  bool divergent = false;      // counted ranks differ by more than max_rank_gap
  bool held = false;           // divergent and held for arbitration (counted as unobserved)
  bool arbitrated = false;     // settled by an arbitration observation
  bool self_only = false;      // only the participant's self-assessment observed it
  std::vector<RatingContribution> contributions;  // every retained rating, counted or not
};

/// The figures behind one level's outcome.
struct LevelBasis {
  int n = 0;
  LevelOutcome outcome = LevelOutcome::insufficient_evidence;
  int indicators = 0;
  int observed = 0;
  int met = 0;
  int divergent = 0;
  int held = 0;
  Rational weight_total = 0;
  Rational weight_observed = 0;
  Rational weight_met = 0;
  Rational coverage = 0;   // weight_observed / weight_total
  Rational met_share = 0;  // weight_met / weight_observed (0 when nothing observed)
  int min_observed = 0;    // effective minimum (policy value capped by indicator count)
  std::vector<std::string> critical_unmet;       // critical indicators observed, not met
  std::vector<std::string> critical_unobserved;  // critical indicators not observed
  bool above_cap = false;   // above the placement cap: not counted in the level
  bool gap_filled = false;  // insufficient evidence, counted as attained (evidence of higher)
};

/// Progression of one competence between an entry and this result.
struct Progression {
  bool comparable = false;
  /// Why not comparable: "progression.insufficient_evidence_entry",
  /// "progression.insufficient_evidence_exit", "progression.divergent_held",
  /// "progression.grid_version_mismatch", "progression.missing_in_entry". Empty if comparable.
  std::string reason;
  std::string entry_evaluation;
  int entry_level = 0;
  int exit_level = 0;
  int delta = 0;  // exit_level - entry_level
};

struct CompetenceResult {
  std::string competence;  // Competence id
  std::string domain;      // Domain id
  CompetenceStatus status = CompetenceStatus::insufficient_evidence;
  /// Highest level attained under the cumulative rule and the cap (0 = none).
  int level = 0;
  /// The level above, when it exists within the cap, and its outcome ("in progress" when
  /// partial). Absent when level is the top of the scale or the cap.
  std::optional<int> next_level;
  std::optional<LevelOutcome> next_outcome;
  /// coverage × (1 − divergent share) [× single-evaluator factor], over levels 1..level+1.
  Rational confidence = 0;
  struct Basis {
    int indicators = 0;  // over the levels considered for confidence
    int observed = 0;
    int met = 0;
    int divergent = 0;
    int held = 0;
    int self_only = 0;
    std::vector<std::string> evaluators;  // ids whose ratings were counted, sorted
    std::vector<EvaluatorRole> roles;     // distinct counted roles, sorted
    bool evaluator_requirement_met = true;  // roles.size() >= policy.min_evaluator_roles
  } basis;
  /// The cap changed or limited the result (level reached the placement cap below the
  /// scale top, or a higher level would otherwise have been attained).
  bool capped = false;
  int cap = 0;             // effective cap (scale top when no placement cap)
  int uncapped_level = 0;  // level before the cap
  /// A level is attained above a lower level judged partial or not demonstrated: the
  /// higher level is not awarded; a person must review (rectec.md §4.5 case 8).
  bool inconsistent = false;
  std::vector<int> inconsistent_levels;  // attained levels above the break
  std::vector<LevelBasis> levels;          // every level of the scale, ordered
  std::vector<IndicatorOutcome> indicators;  // every indicator of the competence, in grid order
  std::optional<Progression> progression;  // set by apply_progression
};

struct AssessmentResult {
  std::string evaluation_id;
  std::string participant_ref;
  Phase phase = Phase::exit;
  std::string grid_id;
  std::string grid_version;
  std::string policy_id;
  std::string policy_version;
  std::string engine_version{kEngineVersion};
  /// "sha256:<64 hex>" over the canonical form of grid, policy and evaluation.
  std::string input_digest;
  std::string source_file;  // the evaluation file
  /// Placement summary (copied for reports).
  std::optional<Placement> placement;
  /// DID_NOT_SHOW: no result at all (competences empty) (rectec.md §4.5 case 9).
  bool no_result = false;
  /// Flags for a person, never penalties: "placement.ended_early", "placement.attendance",
  /// "evaluation.grid_version_drift", "evaluation.self_only_indicators".
  std::vector<std::string> flags;
  /// Warnings from validation (dates outside the placement, version drift…).
  std::vector<Error> warnings;
  std::vector<CompetenceResult> competences;  // in grid order

  const CompetenceResult* find(std::string_view competence_id) const;
};

}  // namespace ecusson::assessment
