// CSV report of a cohort, for French Excel (see csv_writer.h for the dialect).
//
// Long format, one row per participant × competence, so that a pivot table gives the
// "club compétences" matrix: entry status and level, final status and level, progression
// (a signed integer, empty when not comparable, with the reason in words), confidence,
// the basis (observed, met, divergent indicators, evaluators), capped and "to review"
// (inconsistent) flags. Column headers are French (or English with Lang::en). A single
// evaluation is a cohort of one. Pure function; thread-safe.
#pragma once

#include <string>

#include "ecusson/assessment/cohort.h"
#include "ecusson/assessment/csv_writer.h"
#include "ecusson/lang.h"

namespace ecusson::assessment {

/// The cohort as CSV text (BOM first unless options.bom is false).
/// Example: write_file("cohorte.csv", cohort_to_csv(cohort, {.separator = ';'}));
std::string cohort_to_csv(const Cohort& cohort, const CsvOptions& options = {},
                          Lang lang = Lang::fr);

}  // namespace ecusson::assessment
