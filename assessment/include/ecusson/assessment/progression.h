// Progression: level change per competence between an entry and a later result (design §2,
// rectec.md §3.4 and §4.3 step 7).
//
// Progression is computed only when both sides rest on enough evidence and on the same
// grid (or an explicit version mapping); otherwise it is "not comparable" with a reason.
// Pure functions over results; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ecusson/assessment/result.h"
#include "ecusson/result.h"

namespace ecusson::assessment {

/// Declares that two versions of a grid are comparable, with renamed competence ids.
struct GridVersionMapping {
  std::string grid_id;
  std::string from_version;  // the entry's grid version
  std::string to_version;    // the later result's grid version
  /// entry competence id -> later competence id; ids not listed map to themselves.
  std::map<std::string, std::string> competences;
};

struct CompetenceProgression {
  std::string competence;  // id in the later result
  Progression progression;
};

/// Compares an entry result with a later result of the same participant.
/// Success: one CompetenceProgression per competence of `later`, in its order.
/// Failure: "progression.participant_mismatch" (different participant refs),
/// "progression.not_entry" (entry.phase is not entry), "progression.grid_mismatch"
/// (different grid ids).
/// Example: auto p = compute_progression(entry_result, exit_result);
[[nodiscard]] Result<std::vector<CompetenceProgression>> compute_progression(
    const AssessmentResult& entry, const AssessmentResult& later,
    const std::optional<GridVersionMapping>& mapping = std::nullopt);

/// compute_progression, then stores each Progression into later.competences[i].progression.
/// Failure: as compute_progression (and `later` is left unchanged).
[[nodiscard]] Result<void> apply_progression(const AssessmentResult& entry,
                                             AssessmentResult& later,
                                             const std::optional<GridVersionMapping>& mapping =
                                                 std::nullopt);

}  // namespace ecusson::assessment
