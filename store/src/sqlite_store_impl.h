// SqliteStore: the SQLite implementation of Store (see ecusson/store/sqlite_store.h).
// Private to store/; its methods are defined by concept in sqlite_*.cc.
#pragma once

#include <utility>

#include "ecusson/store/sqlite_store.h"
#include "ecusson/store/store.h"
#include "sqlite_db.h"

// Error propagation inside store/ (private): return the Error of a failed Result.
#define ECUSSON_STORE_CHECK(expr)                  \
  do {                                             \
    if (auto ecusson_r_ = (expr); !ecusson_r_)     \
      return std::move(ecusson_r_).error();        \
  } while (0)
#define ECUSSON_STORE_ASSIGN(var, expr)            \
  auto var##_result_ = (expr);                     \
  if (!var##_result_) return var##_result_.error(); \
  auto var = std::move(*var##_result_)

namespace ecusson::store::detail {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(Db db) : db_(std::move(db)) {}

  /// Sets pragmas and applies migrations (open_sqlite_store's work after sqlite3_open).
  Result<void> initialise(const SqliteOptions& options);

  // Store
  Result<void> transact(const std::function<Result<void>(Store&)>& work) override;
  Result<int> schema_version() override;
  std::string backend() const override { return "sqlite"; }

  // IssuerRepository
  Result<void> put_issuer(const IssuerProfile& issuer) override;
  Result<IssuerProfile> get_issuer(const std::string& id) override;
  Result<std::vector<IssuerProfile>> list_issuers() override;
  Result<void> add_key(const KeyRef& key) override;
  Result<void> retire_key(const std::string& key_id, const std::string& at) override;
  Result<std::vector<KeyRef>> list_keys(const std::string& issuer_id) override;

  // CatalogueRepository
  Result<Achievement> put_achievement(const Achievement& a) override;
  Result<Achievement> get_achievement(const std::string& id) override;
  Result<std::optional<Achievement>> find_achievement(const std::string& grid_id,
                                                      const std::string& grid_version,
                                                      const std::string& competence_id,
                                                      int level) override;
  Result<std::vector<Achievement>> list_achievements(const std::string& grid_id,
                                                     const std::string& grid_version) override;

  // ParticipantRepository
  Result<void> add_participant(const Participant& p) override;
  Result<void> update_participant(const Participant& p) override;
  Result<Participant> get_participant(const std::string& ref) override;
  Result<std::optional<Participant>> find_participant_by_email(const std::string& email) override;
  Result<std::vector<Participant>> list_participants() override;
  Result<void> record_consent(const Consent& c) override;
  Result<std::optional<Consent>> current_consent(const std::string& participant_ref) override;
  Result<std::vector<Consent>> consent_history(const std::string& participant_ref) override;

  // EvaluationRepository
  Result<void> add_evaluation(const Evaluation& e,
                              const std::vector<CompetenceResult>& results) override;
  Result<Evaluation> get_evaluation(const std::string& id) override;
  Result<std::vector<Evaluation>> list_evaluations(const std::string& participant_ref) override;
  Result<std::vector<CompetenceResult>> list_results(const std::string& evaluation_id) override;
  Result<void> record_validation(const Validation& v) override;
  Result<std::optional<Validation>> current_validation(const std::string& evaluation_id,
                                                       const std::string& competence_id) override;
  Result<std::vector<Validation>> list_validations(const std::string& evaluation_id) override;

  // CredentialRepository
  Result<InsertOutcome> insert_credential(const Credential& c) override;
  Result<Credential> get_credential(const std::string& id) override;
  Result<std::optional<Credential>> find_credential_by_key(const std::string& key) override;
  Result<std::vector<Credential>> list_credentials(const CredentialFilter& filter) override;
  Result<Credential> revoke_credential(const std::string& id, const std::string& reason,
                                       const std::string& at) override;
  Result<Credential> suspend_credential(const std::string& id, const std::string& reason,
                                        const std::string& at) override;
  Result<Credential> unsuspend_credential(const std::string& id, const std::string& at) override;

  // StatusListRepository
  Result<StatusList> create_status_list(const std::string& id, const std::string& issuer_id,
                                        StatusPurpose purpose, std::uint64_t size,
                                        const std::string& at) override;
  Result<StatusList> get_status_list(const std::string& id) override;
  Result<std::vector<StatusList>> list_status_lists(const std::string& issuer_id) override;
  Result<std::uint64_t> allocate_status_index(const std::string& list_id) override;
  Result<StatusIndexRange> allocate_status_indices(const std::string& list_id,
                                                   std::uint64_t max_count) override;
  Result<void> put_status_list_signature(const std::string& list_id, std::uint64_t version,
                                         const std::string& signed_credential,
                                         const std::string& at) override;

  // ApiTokenRepository
  Result<void> add_api_token(const ApiToken& t) override;
  Result<std::optional<ApiToken>> find_api_token(const std::string& token_hash) override;
  Result<void> revoke_api_token(const std::string& id, const std::string& at) override;
  Result<std::vector<ApiToken>> list_api_tokens() override;

  // AuditLog
  Result<std::int64_t> append_audit(const AuditEntry& e) override;
  Result<std::vector<AuditEntry>> list_audit(const AuditQuery& q) override;

 private:
  /// Runs `f` (returning Result<T>) in a write transaction: committed when f succeeds.
  template <class F>
  auto write(F&& f) -> decltype(f()) {
    auto tx = Transaction::begin(db_, /*write=*/true);
    if (!tx) return tx.error();
    auto r = f();
    if (!r) return r;  // the guard rolls back
    if (auto c = tx->commit(); !c) return c.error();
    return r;
  }
  /// Runs `f` in a read transaction (one consistent snapshot for several statements).
  template <class F>
  auto read(F&& f) -> decltype(f()) {
    auto tx = Transaction::begin(db_, /*write=*/false);
    if (!tx) return tx.error();
    auto r = f();
    if (!r) return r;
    if (auto c = tx->commit(); !c) return c.error();
    return r;
  }

  Result<Credential> load_credential(const std::string& id);
  Result<void> set_status_bit(const Credential& c, StatusPurpose purpose, bool value,
                              const std::string& at);
  Error not_found(std::string_view kind, const std::string& id) const;

  Db db_;
};

}  // namespace ecusson::store::detail
