// From a scored evaluation to awarded badges (design §2, rectec.md §3.5): the evaluation's
// proposals are recorded, a named person validates them (confirming or lowering each
// level), the participant's consent is recorded, and every validated, consented level not
// yet issued is awarded.
//
// Nothing is issued for a proposal that is not validated, for a competence in progress,
// with insufficient evidence, not demonstrated or held for arbitration, for a participant
// who has not consented (or withdrew), or without an e-mail or DID to name the recipient:
// each refusal is an AwardDecision with a reason in French (or English), never an issue.
// Every change is in the audit log with its actor: a validation keeps the proposed and
// the validated level.
//
// Free functions over a Store (not thread-safe, like the Store) and an opened Issuer.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/result.h"
#include "ecusson/issuance/award.h"
#include "ecusson/issuance/catalogue.h"
#include "ecusson/issuance/issuer.h"
#include "ecusson/lang.h"
#include "ecusson/result.h"
#include "ecusson/store/store.h"

namespace ecusson::issuance {

struct RecordedEvaluation {
  store::Evaluation evaluation;
  std::vector<store::CompetenceResult> results;
  bool created = false;  // false: it was already recorded with the same file digest
};

/// Records a scored evaluation (pseudonymous: its participant ref only) with its
/// proposals, and appends "evaluation.record". Idempotent for the same file digest.
/// Fails with issuance.unknown_participant (import the participant first),
/// issuance.evaluation_changed (the id is recorded with another digest: an evaluation
/// file is not edited once recorded; give the new one another id), issuance.no_result
/// (the evaluation could not be scored), issuance.store.
[[nodiscard]] Result<RecordedEvaluation> record_evaluation(store::Store& store,
                                                           const Issuer& issuer,
                                                           const assessment::AssessmentResult& result,
                                                           const std::string& actor,
                                                           Lang lang = Lang::fr);

struct ValidateOptions {
  std::string by;  // the named person who validates (required)
  /// Levels lowered by that person: competence id -> level (≥ 1, ≤ proposed). The other
  /// proposals are confirmed as they are.
  std::map<std::string, int> levels;
  std::string comment;
  std::string at;  // empty → now
};

/// What happened to one competence of a validated evaluation.
struct ValidationOutcome {
  std::string competence_id;
  std::optional<int> proposed;   // empty: nothing to validate (no level attained)
  std::optional<int> validated;  // the level in force after this call
  std::string decision;          // "confirm", "lower", "unchanged" (same decision in force), "none"
  std::string note;              // why nothing was validated (status in plain words)
};

/// Validates the evaluation's proposals: confirms each attained level, or lowers it to
/// options.levels[competence]. A decision equal to the one in force is not recorded
/// again. Every validation is appended to the audit log ("validation.confirm" /
/// "validation.lower", detail {competence, proposed, validated, comment}), all in one
/// transaction. Fails with issuance.bad_option (empty `by`, a level for a competence the
/// evaluation does not have, or that has no proposal, or above the proposal, or < 1),
/// issuance.not_found (unknown evaluation), issuance.store.
[[nodiscard]] Result<std::vector<ValidationOutcome>> validate_evaluation(
    store::Store& store, const Issuer& issuer, const std::string& evaluation_id,
    const ValidateOptions& options, Lang lang = Lang::fr);

/// Records consent given or withdrawn (how: "formulaire papier signé"…), with
/// "consent.given" / "consent.withdrawn" in the audit log. Fails with issuance.not_found
/// (unknown participant), issuance.store.
[[nodiscard]] Result<store::Consent> record_consent(store::Store& store, const Issuer& issuer,
                                                    const std::string& participant_ref,
                                                    store::ConsentState state,
                                                    const std::string& how,
                                                    const std::string& actor,
                                                    Lang lang = Lang::fr);

struct AwardDecision {
  std::string competence_id;
  int level = 0;  // the level concerned (0 when none)
  enum class Kind { issued, already_issued, refused } kind = Kind::refused;
  std::string reason;  // refused: why, in plain words (French by default)
  std::string reason_code;  // refused: "not_validated", "no_consent", "status", …
  std::optional<store::Credential> credential;
};

std::string_view to_string(AwardDecision::Kind k);

struct AwardOptions {
  AwardPolicy policy = AwardPolicy::highest;
  std::string actor;  // who awards (audit)
  std::string valid_until;  // optional expiry of the credentials issued
};

/// Awards an evaluation recorded earlier. `result` is the same evaluation scored again
/// (its digest must be the recorded one): it gives the evidence narrative (the
/// indicators observed at the level awarded, in the grid's wording). The grid's catalogue
/// is synchronised first. Returns one decision per (competence, level), in grid order.
/// Fails with issuance.not_found (the evaluation is not recorded: validate it first),
/// issuance.evaluation_changed, issuance.store, and sign_award's errors.
[[nodiscard]] Result<std::vector<AwardDecision>> award_evaluation(
    store::Store& store, const Issuer& issuer, const assessment::Grid& grid,
    const assessment::AssessmentResult& result, const AwardOptions& options,
    Lang lang = Lang::fr);

/// The evidence narrative of a level: the indicators of that level observed as met, in
/// the grid's wording, as a Markdown list (no names, no comments: no personal data).
std::string evidence_narrative(const assessment::Grid& grid,
                               const assessment::CompetenceResult& result, int level,
                               Lang lang = Lang::fr);

}  // namespace ecusson::issuance
