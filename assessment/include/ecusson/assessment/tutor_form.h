// Tutor form: the blank observation form of a grid, for the company tutor (issue 13).
//
// For each competence chosen, its levels and their indicators (id and wording, contextualised
// for a job when the grid has a ROME contextualisation), one column per evaluator to write a
// rating in, and room for the situation observed and comments; the rating scale is printed
// once as a legend. Two outputs: a PrintDocument (HTML or PDF, see print_document.h) to fill
// on paper, and a CSV to fill in a spreadsheet (French Excel: UTF-8 with BOM, `;`, CRLF, as
// csv_writer.h), one row per indicator. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "ecusson/assessment/csv_writer.h"
#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/print_document.h"
#include "ecusson/lang.h"
#include "ecusson/result.h"

namespace ecusson::assessment {

struct TutorFormOptions {
  Lang lang = Lang::fr;
  /// Competence or domain ids to include, in grid order; empty: the whole grid.
  std::vector<std::string> competences;
  /// Job (ROME code) whose contextualised wording to print; empty: the grid's own wording.
  std::string rome;
  /// Column titles, one per evaluator; empty: tutor, referent, participant (self-assessment).
  std::vector<std::string> evaluators;
};

/// The competences `options.competences` selects, in grid order.
/// Failure: "grid.unknown_competence" naming the first unknown id and the ids available.
/// Example: auto c = select_competences(grid, {"ORG", "COM.ORA"});
[[nodiscard]] Result<std::vector<const Competence*>> select_competences(
    const Grid& grid, const std::vector<std::string>& ids, Lang lang = Lang::fr);

/// The printable blank form. Failure: as select_competences.
/// Example: auto doc = build_tutor_form(grid, {}); print_document_to_html(*doc);
[[nodiscard]] Result<PrintDocument> build_tutor_form(const Grid& grid,
                                                    const TutorFormOptions& options);

/// The spreadsheet form: one row per indicator with empty columns to fill. Columns:
/// domain, competence code, competence, level, level label, indicator id, wording, critical,
/// possible ratings, one per evaluator, date, situation, comment. Failure: as
/// select_competences.
/// Example: auto csv = tutor_form_to_csv(grid, {}, CsvOptions{});
[[nodiscard]] Result<std::string> tutor_form_to_csv(const Grid& grid,
                                                    const TutorFormOptions& options,
                                                    const CsvOptions& csv = {});

}  // namespace ecusson::assessment
