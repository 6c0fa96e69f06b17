// HTML reports: one participant (entry and final evaluation), or a whole cohort.
//
// Written for the chargé(e) de mission compétences: French by default, self-contained (no
// external resource), printable on A4. A participant report shows the immersion, the
// radar chart of levels per competence with entry and final evaluations overlaid, a summary
// table, and for each competence the basis of the proposed level in plain words (indicators
// observed, met, divergent; evaluators; why capped, held or insufficient) with the figures
// per level. A cohort report starts with the "club compétences" matrix (participant ×
// competence: entry → final level) and then each participant's report, one per printed
// page. Every text from grids and evaluations is escaped. No clock: the same inputs give
// the same bytes. Pure functions; thread-safe.
#pragma once

#include <string>

#include "ecusson/assessment/cohort.h"
#include "ecusson/assessment/grid.h"
#include "ecusson/lang.h"

namespace ecusson::assessment {

/// A full HTML page for one participant. `grid` is the grid of the record's results.
/// Example: std::string html = participant_to_html(cohort.groups[0].participants[0], grid);
std::string participant_to_html(const ParticipantRecord& record, const Grid& grid,
                                Lang lang = Lang::fr);

/// A full HTML page for a cohort: the matrix per grid, then every participant.
/// Example: std::string html = cohort_to_html(build_cohort(results, grids));
std::string cohort_to_html(const Cohort& cohort, Lang lang = Lang::fr);

}  // namespace ecusson::assessment
