// Store: Ecusson's persistence, one object per connection to the database.
//
// Store gathers the repositories (issuers and keys, the achievement catalogue,
// participants and consents, evaluations and validations, credentials, status lists, API
// tokens, the audit log) behind one abstract interface. Callers hold a
// `std::unique_ptr<Store>` from a backend's factory (open_sqlite_store today; a PostgreSQL
// backend later) and never see the backend's types, SQL or error numbers: every failure
// is an Error with a stable "store.*" code (see messages.h) and a French message.
//
// Each repository method is atomic on its own. To make several calls one unit of work,
// run them inside `transact`: they all commit, or none does.
//
// Thread-safety: a Store is one connection and is not thread-safe; give each thread its
// own Store (they may share the database file: writers are serialised by the backend,
// waiting up to the busy timeout).
#pragma once

#include <functional>
#include <string>

#include "ecusson/result.h"
#include "ecusson/store/api_tokens.h"
#include "ecusson/store/audit_log.h"
#include "ecusson/store/catalogue.h"
#include "ecusson/store/credentials.h"
#include "ecusson/store/evaluations.h"
#include "ecusson/store/issuers.h"
#include "ecusson/store/participants.h"
#include "ecusson/store/status_lists.h"

namespace ecusson::store {

class Store : public IssuerRepository,
              public CatalogueRepository,
              public ParticipantRepository,
              public EvaluationRepository,
              public CredentialRepository,
              public StatusListRepository,
              public ApiTokenRepository,
              public AuditLog {
 public:
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store() override = default;

  /// Runs `work` in one transaction: commits when it returns a value, rolls everything
  /// back when it returns an Error (returned as is) or throws (rethrown after the
  /// rollback). Calls may nest: an inner transact is a savepoint of the outer one.
  /// Fails also with store.busy (another writer held the database past the busy
  /// timeout), store.readonly, store.full when beginning or committing.
  /// Example:
  ///   auto r = store.transact([&](Store& s) -> Result<void> {
  ///     if (auto c = s.record_consent(consent); !c) return c.error();
  ///     return s.append_audit(entry).has_value() ? Result<void>() : …;
  ///   });
  [[nodiscard]] virtual Result<void> transact(const std::function<Result<void>(Store&)>& work) = 0;

  /// The schema version of the open database (the highest migration applied).
  [[nodiscard]] virtual Result<int> schema_version() = 0;

  /// "sqlite" or "postgresql": for messages and diagnostics only.
  virtual std::string backend() const = 0;
};

}  // namespace ecusson::store
