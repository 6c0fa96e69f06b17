// Input digest: a SHA-256 over the canonical form of the scoring inputs (rectec.md §4.5
// case 22).
//
// The canonical form is built from the parsed values, not the file bytes, so re-indenting
// a file or reordering attributes does not change the digest, while any change to an id,
// a weight, a threshold or an observation does. Each field is written as
// "<name>=<length>:<bytes>\n" in a fixed order; rationals in reduced "n/d" form.
// Pure functions; thread-safe.
#pragma once

#include <string>

#include "ecusson/assessment/evaluation.h"
#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/scoring_policy.h"

namespace ecusson::assessment {

/// Canonical text of each input (exposed for tests and for debugging a digest mismatch).
std::string canonical_form(const Grid& grid);
std::string canonical_form(const ScoringPolicy& policy);
std::string canonical_form(const Evaluation& evaluation);

/// "sha256:" + lowercase hex SHA-256 of canonical(grid) + canonical(policy) + canonical(eval).
/// Example: input_digest(g, p, e).starts_with("sha256:")
std::string input_digest(const Grid& grid, const ScoringPolicy& policy,
                         const Evaluation& evaluation);

/// "sha256:" + hex SHA-256 of any bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace ecusson::assessment
