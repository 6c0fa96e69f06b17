// Private helpers shared by the JSON, HTML and CSV reports.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ecusson/assessment/evaluation.h"
#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/rational.h"
#include "ecusson/assessment/result.h"
#include "ecusson/error.h"
#include "ecusson/lang.h"

namespace ecusson::assessment::detail {

/// Rounded half up to an integer percentage (5/8 -> 63).
int percent(const Rational& r);

/// "Entrée", "Intermédiaire", "Sortie", "Suivi" (or English).
std::string_view phase_label(Phase p, Lang lang);

/// "dir/sub/file.xml:3:4" -> "file.xml:3:4": reports never leak local paths.
std::string short_where(std::string_view where);

/// The role of an evaluator as seen in a competence's contributions ("" if unseen).
std::string_view evaluator_role(const CompetenceResult& c, std::string_view evaluator_id);

/// "03/03/2025" (French) or "2025-03-03" (English); "" for an invalid date.
std::string display_date(const Date& d, Lang lang);

}  // namespace ecusson::assessment::detail

namespace ecusson::assessment::detail {

/// Plain words for Progression::reason codes ("" for an empty code).
std::string progression_reason_label(std::string_view code, Lang lang);

/// "E1 (tuteur), E2 (référent)".
std::string evaluators_text(const CompetenceResult& c, Lang lang);

/// False when the engine could not establish a level (level 0 with insufficient evidence
/// or held for arbitration): reports show "—", never a misleading 0.
bool level_established(const CompetenceResult& c);

/// Competence label from the grid, or its id.
std::string competence_label(const Grid& grid, std::string_view id);

/// Warnings of one kind (one code), summarised in one plain sentence for a reader; the
/// individual warnings (with file:line:column) stay for the technical section.
struct WarningGroup {
  std::string code;
  std::string summary;                // "8 observations datées hors de la période…"
  std::vector<const Error*> items;    // in the order given
};

/// Groups warnings by code, in order of first appearance.
std::vector<WarningGroup> group_warnings(const std::vector<const Error*>& warnings, Lang lang);

}  // namespace ecusson::assessment::detail
