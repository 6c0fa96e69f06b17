// Evaluations, their scored results per competence, and the human validations of those
// results (design §2: a result is a proposal until a named person validates it).
//
// An evaluation is stored pseudonymously (participant ref, never a name) with the digest
// of its file; its per-competence results are written with it in one transaction. A
// validation confirms or lowers one proposed level; every validation is kept, and the
// latest (by `at`, then insertion order) is the decision in force. Plain value types and
// an interface.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ecusson/result.h"

namespace ecusson::store {

struct Evaluation {
  std::string id;               // evaluation@id ("EV-2025-000412")
  std::string participant_ref;  // Participant::ref
  std::string grid_id;
  std::string grid_version;
  std::string phase;        // entry | intermediate | exit | follow-up
  std::string file_digest;  // "sha256:…" of the evaluation file as scored
  std::string recorded_at;
  friend bool operator==(const Evaluation&, const Evaluation&) = default;
};

/// One competence of a scored evaluation (assessment's result, as proposed).
struct CompetenceResult {
  std::string evaluation_id;
  std::string competence_id;
  std::optional<int> proposed_level;  // empty when no level is attained
  std::string status;  // attained | in-progress | insufficient-evidence | not-demonstrated |
                       // divergent-held
  friend bool operator==(const CompetenceResult&, const CompetenceResult&) = default;
};

enum class Decision { confirm, lower };

struct Validation {
  std::string evaluation_id;
  std::string competence_id;
  std::string by;  // the named person who validates
  std::string at;
  Decision decision = Decision::confirm;
  int level = 0;  // the validated level (≤ proposed; < proposed when lowered)
  std::string comment;
  friend bool operator==(const Validation&, const Validation&) = default;
};

class EvaluationRepository {
 public:
  virtual ~EvaluationRepository() = default;

  /// Stores the evaluation and its results atomically: all or nothing. Fails with
  /// store.constraint (id exists, unknown participant, bad phase or status, a result
  /// for another evaluation, duplicate competence), store.readonly, store.busy…
  [[nodiscard]] virtual Result<void> add_evaluation(
      const Evaluation& e, const std::vector<CompetenceResult>& results) = 0;
  /// Fails with store.not_found.
  [[nodiscard]] virtual Result<Evaluation> get_evaluation(const std::string& id) = 0;
  /// A participant's evaluations, by recorded_at then id.
  [[nodiscard]] virtual Result<std::vector<Evaluation>> list_evaluations(
      const std::string& participant_ref) = 0;
  /// The evaluation's results by competence id (empty for an unknown evaluation).
  [[nodiscard]] virtual Result<std::vector<CompetenceResult>> list_results(
      const std::string& evaluation_id) = 0;

  /// Appends a validation. Fails with store.not_found (no such result), store.invalid
  /// (confirm with a level other than the proposed one, lower to a level not below it,
  /// level < 1, or a result without a proposed level).
  [[nodiscard]] virtual Result<void> record_validation(const Validation& v) = 0;
  /// The decision in force for that result, empty when not validated yet.
  [[nodiscard]] virtual Result<std::optional<Validation>> current_validation(
      const std::string& evaluation_id, const std::string& competence_id) = 0;
  /// Every validation of an evaluation, oldest first.
  [[nodiscard]] virtual Result<std::vector<Validation>> list_validations(
      const std::string& evaluation_id) = 0;
};

std::string_view to_string(Decision d);

}  // namespace ecusson::store
