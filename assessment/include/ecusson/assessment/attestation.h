// Attestation: the participant's "Attestation de compétences", written for the participant
// and a future employer (issue 13).
//
// Plain French, no codes, no percentages: the placement, each competence reached with its
// level label and the indicators demonstrated (in the grid's wording, contextualised for the
// job when the grid has a ROME contextualisation), the tutor's and referent's own words
// (observation situations and comments), the progression since the entry interview, and a
// validation block to sign by hand. Competences not established are not listed one by one:
// the attestation states what was shown, never a failure. build_attestation() returns a
// PrintDocument (print_document.h), rendered to HTML here or to PDF by the `ecusson attest`
// command. No clock, no randomness: the same inputs give the same document. Pure function;
// thread-safe.
#pragma once

#include <string>
#include <vector>

#include "ecusson/assessment/evaluation.h"
#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/print_document.h"
#include "ecusson/assessment/result.h"
#include "ecusson/lang.h"

namespace ecusson::assessment {

struct AttestationOptions {
  Lang lang = Lang::fr;
  /// Printed as is; empty: a blank line to write the name on, with the pseudonymous ref.
  std::string participant_name;
  /// The issuing structure (PLIE, association…); empty: a blank line.
  std::string structure_name;
  /// Pre-fills "Validé par" in the validation block; empty: a blank line.
  std::string validated_by;
  /// Reserve a box for the structure's logo in the top band.
  bool logo_slot = true;
  /// Hook for badges once they are linked to evaluations: one verification address per
  /// competence, printed under that competence (a QR code can be drawn there later).
  struct BadgeLink {
    std::string competence;  // Competence id
    std::string url;         // verification page
  };
  std::vector<BadgeLink> badges;
};

/// Builds the attestation of `result` (an exit or later evaluation, with the progression of
/// `entry` applied, as build_cohort() does), from the `evaluation` it was scored from (for
/// the evaluators' own words) and its `grid`. `entry` may be null.
/// Example:
///   PrintDocument doc = build_attestation(*record.later, exit_eval, grid, &*record.entry, {});
///   std::string html = print_document_to_html(doc);
PrintDocument build_attestation(const AssessmentResult& result, const Evaluation& evaluation,
                                const Grid& grid, const AssessmentResult* entry,
                                const AttestationOptions& options);

/// The date an evaluation was held: its latest retained observation date; the placement end
/// when nothing was observed; an invalid Date when neither exists.
/// Example: evaluation_date(entry).to_string() == "2025-02-24"
Date evaluation_date(const AssessmentResult& result);

/// Plain words for a placement objective token ("confirmer-projet" → "Confirmer un projet
/// professionnel"); unknown tokens are returned as written.
std::string objective_label(std::string_view objective, Lang lang = Lang::fr);

}  // namespace ecusson::assessment
