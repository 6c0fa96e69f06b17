// Participants (identity and contact: the only place they live, design §5) and their
// consents to be issued badges.
//
// Evaluations name a participant by a pseudonymous `ref`; names, e-mail and DID exist only
// here. Consent is a history: each given/withdrawn event is kept, and the latest one (by
// `at`, then by insertion order) is the current state. Plain value types and an interface.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ecusson/result.h"

namespace ecusson::store {

struct Participant {
  std::string ref;  // pseudonymous id used in evaluation files, unique
  std::string given_name;
  std::string family_name;
  std::string email;               // may be empty; unique (case-insensitive) when not
  std::optional<std::string> did;  // when the person identifies with a DID
  std::string created_at;
  friend bool operator==(const Participant&, const Participant&) = default;
};

enum class ConsentState { given, withdrawn };

struct Consent {
  std::string participant_ref;
  ConsentState state = ConsentState::given;
  std::string at;           // when the person said so, RFC 3339 UTC
  std::string how;          // "formulaire papier signé", "courriel", "oral, en entretien"…
  std::string recorded_by;  // who entered it
  friend bool operator==(const Consent&, const Consent&) = default;
};

class ParticipantRepository {
 public:
  virtual ~ParticipantRepository() = default;

  /// Fails with store.constraint (ref or e-mail already used, empty ref).
  [[nodiscard]] virtual Result<void> add_participant(const Participant& p) = 0;
  /// Replaces names, e-mail and DID of `p.ref`. Fails with store.not_found,
  /// store.constraint (e-mail used by someone else).
  [[nodiscard]] virtual Result<void> update_participant(const Participant& p) = 0;
  /// Fails with store.not_found.
  [[nodiscard]] virtual Result<Participant> get_participant(const std::string& ref) = 0;
  /// Case-insensitive e-mail match; empty optional when nobody has it.
  [[nodiscard]] virtual Result<std::optional<Participant>> find_participant_by_email(
      const std::string& email) = 0;
  /// All participants, by ref.
  [[nodiscard]] virtual Result<std::vector<Participant>> list_participants() = 0;

  /// Appends a consent event. Fails with store.constraint (unknown participant).
  [[nodiscard]] virtual Result<void> record_consent(const Consent& c) = 0;
  /// The latest event, or empty when the person was never asked (no consent).
  [[nodiscard]] virtual Result<std::optional<Consent>> current_consent(
      const std::string& participant_ref) = 0;
  /// Every event, oldest first.
  [[nodiscard]] virtual Result<std::vector<Consent>> consent_history(
      const std::string& participant_ref) = 0;
};

std::string_view to_string(ConsentState s);

}  // namespace ecusson::store
