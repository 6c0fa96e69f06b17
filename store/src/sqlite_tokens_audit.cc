// API tokens and the audit log in the SQLite store.
#include "sqlite_store_impl.h"

namespace ecusson::store::detail {
namespace {

std::vector<std::string> split_scopes(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

constexpr std::string_view kTokenColumns =
    "id, token_hash, label, scopes, created_at, revoked_at";
ApiToken read_token(const Statement& st) {
  return {st.text(0), st.text(1), st.text(2), split_scopes(st.text(3)), st.text(4),
          st.optional_text(5)};
}

constexpr std::string_view kAuditColumns = "seq, at, actor, action, subject, detail";

}  // namespace

Result<void> SqliteStore::add_api_token(const ApiToken& t) {
  std::string scopes;
  for (const auto& s : t.scopes) {
    if (s.empty() || s.find_first_of(" ,\t\n") != std::string::npos)
      return store_error("store.invalid", db_.path(), {"portée de jeton « " + s + " »"});
    if (!scopes.empty()) scopes += ' ';
    scopes += s;
  }
  if (t.token_hash.size() < 32)
    return store_error("store.invalid", db_.path(),
                       {"empreinte de jeton trop courte : seule l'empreinte (hash) du jeton est "
                        "enregistrée, jamais le jeton"});
  return write([&]() -> Result<void> {
    ECUSSON_STORE_ASSIGN(st, db_.prepare("INSERT INTO api_tokens (" + std::string(kTokenColumns) +
                                         ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    st.bind(1, t.id).bind(2, t.token_hash).bind(3, t.label).bind(4, scopes);
    st.bind(5, t.created_at).bind(6, t.revoked_at);
    return st.run();
  });
}

Result<std::optional<ApiToken>> SqliteStore::find_api_token(const std::string& token_hash) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kTokenColumns) +
                                       " FROM api_tokens WHERE token_hash = ?1"));
  st.bind(1, token_hash);
  ECUSSON_STORE_ASSIGN(row, st.step());
  if (!row) return std::optional<ApiToken>();
  return std::optional<ApiToken>(read_token(st));
}

Result<void> SqliteStore::revoke_api_token(const std::string& id, const std::string& at) {
  return write([&]() -> Result<void> {
    ECUSSON_STORE_ASSIGN(q, db_.prepare("SELECT revoked_at FROM api_tokens WHERE id = ?1"));
    q.bind(1, id);
    ECUSSON_STORE_ASSIGN(row, q.step());
    if (!row) return not_found("jeton d'API", id);
    if (auto when = q.optional_text(0))
      return store_error("store.conflict", db_.path(),
                         {"le jeton " + id + " est déjà révoqué depuis " + *when});
    ECUSSON_STORE_ASSIGN(st, db_.prepare("UPDATE api_tokens SET revoked_at = ?2 WHERE id = ?1"));
    st.bind(1, id).bind(2, at);
    return st.run();
  });
}

Result<std::vector<ApiToken>> SqliteStore::list_api_tokens() {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kTokenColumns) +
                                       " FROM api_tokens ORDER BY created_at, id"));
  std::vector<ApiToken> out;
  for (;;) {
    ECUSSON_STORE_ASSIGN(row, st.step());
    if (!row) return out;
    out.push_back(read_token(st));
  }
}

Result<std::int64_t> SqliteStore::append_audit(const AuditEntry& e) {
  if (e.actor.empty() || e.action.empty())
    return store_error("store.invalid", db_.path(),
                       {"une entrée du journal d'audit doit nommer son auteur et son action"});
  std::string_view detail = e.detail.empty() ? std::string_view("{}") : e.detail;
  if (detail.front() != '{')
    return store_error("store.invalid", db_.path(),
                       {"le détail d'une entrée d'audit doit être un objet JSON"});
  return write([&]() -> Result<std::int64_t> {
    ECUSSON_STORE_ASSIGN(st, db_.prepare("INSERT INTO audit_log (at, actor, action, subject,"
                                         " detail) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING seq"));
    st.bind(1, e.at).bind(2, e.actor).bind(3, e.action).bind(4, e.subject).bind(5, detail);
    ECUSSON_STORE_ASSIGN(row, st.step());
    if (!row) return store_error("store.internal", db_.path(), {"audit_log: no seq"});
    std::int64_t seq = st.integer(0);
    ECUSSON_STORE_CHECK(st.run());
    return seq;
  });
}

Result<std::vector<AuditEntry>> SqliteStore::list_audit(const AuditQuery& q) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kAuditColumns) +
                                       " FROM audit_log WHERE (?1 IS NULL OR subject = ?1)"
                                       " AND seq > ?2 ORDER BY seq LIMIT ?3"));
  st.bind(1, q.subject).bind(2, q.after_seq).bind(3, static_cast<std::int64_t>(q.limit));
  std::vector<AuditEntry> out;
  for (;;) {
    ECUSSON_STORE_ASSIGN(row, st.step());
    if (!row) return out;
    out.push_back({st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)});
  }
}

}  // namespace ecusson::store::detail
