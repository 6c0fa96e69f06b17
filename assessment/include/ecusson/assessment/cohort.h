// Cohort: scored evaluations grouped by grid and participant, entry paired with exit.
//
// The "club compétences" view: over a folder of evaluations, one line per participant and
// one column per competence, showing the entry level, the exit level and the progression.
// build_cohort() takes already-scored results (see assessor.h for reading files), groups
// them by grid (id and version: results on different grids are never compared), keeps per
// participant the latest entry and the latest later-phase result (exit, else follow-up,
// else intermediate), and applies the progression of the entry onto the later result.
// The cohort owns copies of the grids and results. Plain value type; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/result.h"
#include "ecusson/error.h"
#include "ecusson/lang.h"

namespace ecusson::assessment {

/// One participant's results on one grid.
struct ParticipantRecord {
  std::string participant;  // pseudonymous ref
  /// Latest entry result (phase entry), if any.
  std::optional<AssessmentResult> entry;
  /// Latest result of a later phase (exit, else follow-up, else intermediate), with the
  /// progression against `entry` applied when both exist.
  std::optional<AssessmentResult> later;
  /// Ids of this participant's other evaluations (older or not used), sorted.
  std::vector<std::string> other_evaluations;

  /// The result to show as "current": later if present, else entry. Never null once built.
  const AssessmentResult* current() const { return later ? &*later : (entry ? &*entry : nullptr); }
};

/// Participants assessed on one grid (id@version).
struct CohortGroup {
  Grid grid;
  std::vector<ParticipantRecord> participants;  // sorted by participant ref
};

struct Cohort {
  std::vector<CohortGroup> groups;  // sorted by grid key
  std::size_t evaluation_count = 0;
  /// Pairing problems (e.g. two entries on the same day): shown, never fatal.
  std::vector<Error> warnings;
  /// Files of the folder that could not be used (unreadable, malformed, not matching their
  /// grid), skipped: filled by the caller (build_cohort never sets it), listed by reports.
  std::vector<Error> rejected;
};

/// Groups scored results by grid and participant and pairs entry with later results.
/// `grids` must contain the grid of every result (matched by id and version); a result
/// whose grid is missing is skipped with a "cohort.grid_missing" warning.
/// Example: Cohort c = build_cohort({entry_result, exit_result}, {grid});
Cohort build_cohort(std::vector<AssessmentResult> results, const std::vector<Grid>& grids,
                    Lang lang = Lang::fr);

/// Ordering key used to pick the "latest" result: the placement end date (else the empty
/// date), then the evaluation id. Exposed for tests.
bool earlier_than(const AssessmentResult& a, const AssessmentResult& b);

}  // namespace ecusson::assessment
