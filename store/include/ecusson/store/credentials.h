// Issued credentials: who, for which achievement, from which evaluation, in which formats
// (the signed documents themselves), their status-list entries and revocation or
// suspension.
//
// Exactly once: every credential carries an idempotency key, unique in the store. The
// same (participant, achievement, evaluation) — or the same batch row — always yields the
// same key (award_key), and inserting a credential whose key exists returns the stored one
// instead of a second credential. Revocation is final; suspension can be lifted. Changing
// a credential's status also flips its bit in the matching status list, in the same
// transaction, and bumps that list's version (it must be re-signed). Plain value types and
// an interface.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ecusson/result.h"
#include "ecusson/store/status_lists.h"

namespace ecusson::store {

/// One entry of a credential in a status list (credentialStatus).
struct StatusEntry {
  std::string list_id;
  StatusPurpose purpose = StatusPurpose::revocation;
  std::uint64_t index = 0;
  friend bool operator==(const StatusEntry&, const StatusEntry&) = default;
};

struct Credential {
  std::string id;  // "urn:uuid:…"
  std::string participant_ref;
  std::string achievement_id;
  std::optional<std::string> evaluation_id;  // empty for an explicit (batch CSV) award
  std::string idempotency_key;
  /// Signed documents by format: "ob3-di" (Data Integrity JSON), "ob3-jwt" (VC-JWT
  /// compact), "ob2-hosted", "ob2-signed". At least one.
  std::map<std::string, std::string> documents;
  std::vector<StatusEntry> status;  // indices previously given by allocate_status_index
  std::string issued_at;
  std::optional<std::string> revoked_at;
  std::string revocation_reason;
  std::optional<std::string> suspended_at;  // set while suspended
  std::string suspension_reason;
  friend bool operator==(const Credential&, const Credential&) = default;
};

struct InsertOutcome {
  Credential credential;  // the stored credential (the existing one on a repeat)
  bool created = false;   // false when the idempotency key was already there
};

struct CredentialFilter {
  std::optional<std::string> participant_ref;
  std::optional<std::string> evaluation_id;
  bool include_revoked = true;
};

class CredentialRepository {
 public:
  virtual ~CredentialRepository() = default;

  /// Inserts the credential with its documents and status entries, atomically; when its
  /// idempotency key exists, stores nothing and returns the existing credential with
  /// created = false. Fails with store.constraint (id exists under another key, unknown
  /// participant, achievement, evaluation or status list, a status index used by another
  /// credential or never allocated), store.invalid (no document), store.readonly…
  [[nodiscard]] virtual Result<InsertOutcome> insert_credential(const Credential& c) = 0;
  /// Fails with store.not_found.
  [[nodiscard]] virtual Result<Credential> get_credential(const std::string& id) = 0;
  /// Empty when no credential has that key.
  [[nodiscard]] virtual Result<std::optional<Credential>> find_credential_by_key(
      const std::string& idempotency_key) = 0;
  /// Matching credentials, by issued_at then id.
  [[nodiscard]] virtual Result<std::vector<Credential>> list_credentials(
      const CredentialFilter& filter = {}) = 0;

  /// Revokes (final): sets revoked_at/reason and the bit of its revocation entry. Fails
  /// with store.not_found, store.conflict (already revoked).
  [[nodiscard]] virtual Result<Credential> revoke_credential(const std::string& id,
                                                             const std::string& reason,
                                                             const std::string& at) = 0;
  /// Suspends: sets suspended_at/reason and the bit of its suspension entry. Fails with
  /// store.not_found, store.conflict (revoked, or already suspended).
  [[nodiscard]] virtual Result<Credential> suspend_credential(const std::string& id,
                                                              const std::string& reason,
                                                              const std::string& at) = 0;
  /// Lifts a suspension at `at`: clears suspended_at and the bit. Fails with
  /// store.not_found, store.conflict (revoked, or not suspended).
  [[nodiscard]] virtual Result<Credential> unsuspend_credential(const std::string& id,
                                                                const std::string& at) = 0;
};

/// The idempotency key of an award: the same (participant, achievement, evaluation)
/// always gives the same key, and different triples never collide (length-prefixed).
/// Example: award_key("P1", "https://x/a/1", "EV-1") == "award:2:P1|13:https://x/a/1|4:EV-1"
std::string award_key(std::string_view participant_ref, std::string_view achievement_id,
                      std::string_view evaluation_id);

}  // namespace ecusson::store
