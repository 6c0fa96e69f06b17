// The append-only audit log (design §5): who did what, when, to which subject, with a
// JSON detail (for a validation: the proposed and the validated level). Entries can be
// appended and read, never changed or removed: the SQLite backend enforces it with
// triggers that abort any UPDATE or DELETE, whoever issues it. Plain value types and an
// interface.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ecusson/result.h"

namespace ecusson::store {

struct AuditEntry {
  std::int64_t seq = 0;  // assigned by the store, increasing
  std::string at;
  std::string actor;    // "cm.competences@plie.example", "system:batch"
  std::string action;   // "validation.confirm", "credential.issue", "consent.given"…
  std::string subject;  // "credential:urn:uuid:…", "evaluation:EV-1/ORG.ACT"…
  std::string detail;   // JSON object text ("{}" when nothing more)
  friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

struct AuditQuery {
  std::optional<std::string> subject;  // exact subject
  std::int64_t after_seq = 0;          // entries with seq > after_seq
  std::size_t limit = 1000;
};

class AuditLog {
 public:
  virtual ~AuditLog() = default;

  /// Appends an entry (its `seq` is ignored) and returns the seq given. Fails with
  /// store.invalid (empty actor or action, detail not starting with '{'), store.readonly…
  [[nodiscard]] virtual Result<std::int64_t> append_audit(const AuditEntry& e) = 0;
  /// Entries in seq order.
  [[nodiscard]] virtual Result<std::vector<AuditEntry>> list_audit(const AuditQuery& q = {}) = 0;
};

}  // namespace ecusson::store
