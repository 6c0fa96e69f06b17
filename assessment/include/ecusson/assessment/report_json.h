// JSON reports of assessment results and cohorts (format documented in docs/report-json.md).
//
// The JSON is a stable contract for scripts: field names never change meaning, new fields
// may be added. Output is deterministic (no clock, no floating point: shares are exact
// "n/d" strings, plus rounded integer percentages), indented by two spaces, so the same
// inputs give the same bytes. Labels and explanations are in the requested language.
// Pure functions; thread-safe.
#pragma once

#include <string>

#include "ecusson/assessment/cohort.h"
#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/result.h"
#include "ecusson/lang.h"

namespace ecusson::assessment {

/// One result ("format": "ecusson-assessment-result"). `grid` must be the result's grid.
/// Example: std::string json = result_to_json(result, grid);
std::string result_to_json(const AssessmentResult& result, const Grid& grid, Lang lang = Lang::fr);

/// A cohort ("format": "ecusson-cohort"): per grid, per participant, entry and later results.
/// Example: std::string json = cohort_to_json(build_cohort(results, grids));
std::string cohort_to_json(const Cohort& cohort, Lang lang = Lang::fr);

}  // namespace ecusson::assessment
