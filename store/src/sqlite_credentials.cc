// Credentials and status lists in the SQLite store.
#include "sqlite_store_impl.h"

namespace ecusson::store::detail {
namespace {

constexpr std::string_view kCredentialColumns =
    "id, participant_ref, achievement_id, evaluation_id, idempotency_key, issued_at,"
    " revoked_at, revocation_reason, suspended_at, suspension_reason";

Credential read_credential_row(const Statement& st) {
  Credential c;
  c.id = st.text(0);
  c.participant_ref = st.text(1);
  c.achievement_id = st.text(2);
  c.evaluation_id = st.optional_text(3);
  c.idempotency_key = st.text(4);
  c.issued_at = st.text(5);
  c.revoked_at = st.optional_text(6);
  c.revocation_reason = st.text(7);
  c.suspended_at = st.optional_text(8);
  c.suspension_reason = st.text(9);
  return c;
}

constexpr std::string_view kStatusListColumns =
    "id, issuer_id, purpose, size, bits, next_index, version, signed_credential,"
    " signed_version, updated_at";

StatusList read_status_list(const Statement& st) {
  StatusList l;
  l.id = st.text(0);
  l.issuer_id = st.text(1);
  l.purpose = st.text(2) == "suspension" ? StatusPurpose::suspension : StatusPurpose::revocation;
  l.size = static_cast<std::uint64_t>(st.integer(3));
  l.bits = st.blob(4);
  l.next_index = static_cast<std::uint64_t>(st.integer(5));
  l.version = static_cast<std::uint64_t>(st.integer(6));
  l.signed_credential = st.optional_text(7);
  l.signed_version = static_cast<std::uint64_t>(st.integer(8));
  l.updated_at = st.text(9);
  return l;
}

}  // namespace

// --- Credentials ---------------------------------------------------------------------------

Result<Credential> SqliteStore::load_credential(const std::string& id) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kCredentialColumns) +
                                       " FROM credentials WHERE id = ?1"));
  st.bind(1, id);
  ECUSSON_STORE_ASSIGN(row, st.step());
  if (!row) return not_found("attestation (credential)", id);
  Credential c = read_credential_row(st);
  ECUSSON_STORE_ASSIGN(docs, db_.prepare("SELECT format, content FROM credential_documents"
                                         " WHERE credential_id = ?1"));
  docs.bind(1, id);
  for (;;) {
    ECUSSON_STORE_ASSIGN(more, docs.step());
    if (!more) break;
    c.documents.emplace(docs.text(0), docs.text(1));
  }
  ECUSSON_STORE_ASSIGN(status, db_.prepare("SELECT s.list_id, l.purpose, s.idx"
                                           " FROM credential_status s JOIN status_lists l"
                                           " ON l.id = s.list_id WHERE s.credential_id = ?1"
                                           " ORDER BY l.purpose, s.list_id"));
  status.bind(1, id);
  for (;;) {
    ECUSSON_STORE_ASSIGN(more, status.step());
    if (!more) break;
    c.status.push_back({status.text(0),
                        status.text(1) == "suspension" ? StatusPurpose::suspension
                                                       : StatusPurpose::revocation,
                        static_cast<std::uint64_t>(status.integer(2))});
  }
  return c;
}

Result<InsertOutcome> SqliteStore::insert_credential(const Credential& c) {
  return write([&]() -> Result<InsertOutcome> {
    ECUSSON_STORE_ASSIGN(existing, find_credential_by_key(c.idempotency_key));
    if (existing) return InsertOutcome{std::move(*existing), false};
    if (c.documents.empty())
      return store_error("store.invalid", db_.path(),
                         {"l'attestation " + c.id + " n'a aucun document signé"});
    ECUSSON_STORE_ASSIGN(st, db_.prepare("INSERT INTO credentials (" +
                                         std::string(kCredentialColumns) +
                                         ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
    st.bind(1, c.id).bind(2, c.participant_ref).bind(3, c.achievement_id);
    st.bind(4, c.evaluation_id).bind(5, c.idempotency_key).bind(6, c.issued_at);
    st.bind(7, c.revoked_at).bind(8, c.revocation_reason).bind(9, c.suspended_at);
    st.bind(10, c.suspension_reason);
    ECUSSON_STORE_CHECK(st.run());
    ECUSSON_STORE_ASSIGN(doc, db_.prepare("INSERT INTO credential_documents (credential_id,"
                                          " format, content) VALUES (?1, ?2, ?3)"));
    for (const auto& [format, content] : c.documents) {
      doc.bind(1, c.id).bind(2, format).bind(3, content);
      ECUSSON_STORE_CHECK(doc.run());
      ECUSSON_STORE_CHECK(doc.reset());
    }
    ECUSSON_STORE_ASSIGN(purpose, db_.prepare("SELECT purpose FROM status_lists WHERE id = ?1"));
    ECUSSON_STORE_ASSIGN(entry, db_.prepare("INSERT INTO credential_status (credential_id,"
                                            " list_id, idx) VALUES (?1, ?2, ?3)"));
    for (const StatusEntry& s : c.status) {
      purpose.bind(1, s.list_id);
      ECUSSON_STORE_ASSIGN(found, purpose.step());
      if (!found) return not_found("liste de statut", s.list_id);
      if (purpose.text(0) != to_string(s.purpose))
        return store_error("store.invalid", db_.path(),
                           {"la liste de statut " + s.list_id + " a pour objet « " +
                            purpose.text(0) + " », pas « " + std::string(to_string(s.purpose)) +
                            " »"});
      ECUSSON_STORE_CHECK(purpose.reset());
      entry.bind(1, c.id).bind(2, s.list_id).bind(3, static_cast<std::int64_t>(s.index));
      ECUSSON_STORE_CHECK(entry.run());
      ECUSSON_STORE_CHECK(entry.reset());
    }
    ECUSSON_STORE_ASSIGN(stored, load_credential(c.id));
    return InsertOutcome{std::move(stored), true};
  });
}

Result<Credential> SqliteStore::get_credential(const std::string& id) {
  return read([&] { return load_credential(id); });
}

Result<std::optional<Credential>> SqliteStore::find_credential_by_key(const std::string& key) {
  return read([&]() -> Result<std::optional<Credential>> {
    ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT id FROM credentials WHERE idempotency_key = ?1"));
    st.bind(1, key);
    ECUSSON_STORE_ASSIGN(row, st.step());
    if (!row) return std::optional<Credential>();
    ECUSSON_STORE_ASSIGN(c, load_credential(st.text(0)));
    return std::optional<Credential>(std::move(c));
  });
}

Result<std::vector<Credential>> SqliteStore::list_credentials(const CredentialFilter& f) {
  return read([&]() -> Result<std::vector<Credential>> {
    ECUSSON_STORE_ASSIGN(st, db_.prepare(
        "SELECT id FROM credentials WHERE (?1 IS NULL OR participant_ref = ?1)"
        " AND (?2 IS NULL OR evaluation_id = ?2) AND (?3 OR revoked_at IS NULL)"
        " ORDER BY issued_at, id"));
    st.bind(1, f.participant_ref).bind(2, f.evaluation_id).bind(3, f.include_revoked ? 1 : 0);
    std::vector<std::string> ids;
    for (;;) {
      ECUSSON_STORE_ASSIGN(row, st.step());
      if (!row) break;
      ids.push_back(st.text(0));
    }
    std::vector<Credential> out;
    out.reserve(ids.size());
    for (const auto& id : ids) {
      ECUSSON_STORE_ASSIGN(c, load_credential(id));
      out.push_back(std::move(c));
    }
    return out;
  });
}

Result<void> SqliteStore::set_status_bit(const Credential& c, StatusPurpose purpose, bool value,
                                         const std::string& at) {
  for (const StatusEntry& s : c.status) {
    if (s.purpose != purpose) continue;
    ECUSSON_STORE_ASSIGN(q, db_.prepare("SELECT bits FROM status_lists WHERE id = ?1"));
    q.bind(1, s.list_id);
    ECUSSON_STORE_ASSIGN(row, q.step());
    if (!row) return not_found("liste de statut", s.list_id);
    std::string bits = q.blob(0);
    if (s.index / 8 >= bits.size())
      return store_error("store.internal", db_.path(), {"index de statut hors de la liste"});
    auto mask = static_cast<unsigned char>(0x80u >> (s.index % 8));
    auto& byte = reinterpret_cast<unsigned char&>(bits[s.index / 8]);
    byte = value ? (byte | mask) : (byte & static_cast<unsigned char>(~mask));
    ECUSSON_STORE_ASSIGN(u, db_.prepare("UPDATE status_lists SET bits = ?2,"
                                        " version = version + 1, updated_at = ?3 WHERE id = ?1"));
    u.bind(1, s.list_id).bind_blob(2, bits).bind(3, at);
    ECUSSON_STORE_CHECK(u.run());
  }
  return {};
}

Result<Credential> SqliteStore::revoke_credential(const std::string& id,
                                                  const std::string& reason,
                                                  const std::string& at) {
  return write([&]() -> Result<Credential> {
    ECUSSON_STORE_ASSIGN(c, load_credential(id));
    if (c.revoked_at)
      return store_error("store.conflict", db_.path(),
                         {"l'attestation " + id + " est déjà révoquée depuis " + *c.revoked_at});
    ECUSSON_STORE_ASSIGN(st, db_.prepare("UPDATE credentials SET revoked_at = ?2,"
                                         " revocation_reason = ?3 WHERE id = ?1"));
    st.bind(1, id).bind(2, at).bind(3, reason);
    ECUSSON_STORE_CHECK(st.run());
    ECUSSON_STORE_CHECK(set_status_bit(c, StatusPurpose::revocation, true, at));
    return load_credential(id);
  });
}

Result<Credential> SqliteStore::suspend_credential(const std::string& id,
                                                   const std::string& reason,
                                                   const std::string& at) {
  return write([&]() -> Result<Credential> {
    ECUSSON_STORE_ASSIGN(c, load_credential(id));
    if (c.revoked_at)
      return store_error("store.conflict", db_.path(),
                         {"l'attestation " + id + " est révoquée : elle ne peut être suspendue"});
    if (c.suspended_at)
      return store_error("store.conflict", db_.path(),
                         {"l'attestation " + id + " est déjà suspendue depuis " +
                          *c.suspended_at});
    ECUSSON_STORE_ASSIGN(st, db_.prepare("UPDATE credentials SET suspended_at = ?2,"
                                         " suspension_reason = ?3 WHERE id = ?1"));
    st.bind(1, id).bind(2, at).bind(3, reason);
    ECUSSON_STORE_CHECK(st.run());
    ECUSSON_STORE_CHECK(set_status_bit(c, StatusPurpose::suspension, true, at));
    return load_credential(id);
  });
}

Result<Credential> SqliteStore::unsuspend_credential(const std::string& id,
                                                     const std::string& at) {
  return write([&]() -> Result<Credential> {
    ECUSSON_STORE_ASSIGN(c, load_credential(id));
    if (c.revoked_at)
      return store_error("store.conflict", db_.path(),
                         {"l'attestation " + id + " est révoquée : la révocation est définitive"});
    if (!c.suspended_at)
      return store_error("store.conflict", db_.path(),
                         {"l'attestation " + id + " n'est pas suspendue"});
    ECUSSON_STORE_ASSIGN(st, db_.prepare("UPDATE credentials SET suspended_at = NULL,"
                                         " suspension_reason = '' WHERE id = ?1"));
    st.bind(1, id);
    ECUSSON_STORE_CHECK(st.run());
    ECUSSON_STORE_CHECK(set_status_bit(c, StatusPurpose::suspension, false, at));
    return load_credential(id);
  });
}

// --- Status lists ----------------------------------------------------------------------------

Result<StatusList> SqliteStore::create_status_list(const std::string& id,
                                                   const std::string& issuer_id,
                                                   StatusPurpose purpose, std::uint64_t size,
                                                   const std::string& at) {
  if (size < kMinStatusListSize || size % 8 != 0 || size > (std::uint64_t{1} << 31))
    return store_error("store.invalid", db_.path(),
                       {"taille de liste de statut " + std::to_string(size) +
                        " : attendu un multiple de 8 d'au moins " +
                        std::to_string(kMinStatusListSize)});
  return write([&]() -> Result<StatusList> {
    ECUSSON_STORE_ASSIGN(st, db_.prepare("INSERT INTO status_lists (id, issuer_id, purpose, size,"
                                         " bits, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    st.bind(1, id).bind(2, issuer_id).bind(3, to_string(purpose));
    st.bind(4, static_cast<std::int64_t>(size)).bind_blob(5, std::string(size / 8, '\0'));
    st.bind(6, at);
    ECUSSON_STORE_CHECK(st.run());
    return get_status_list(id);
  });
}

Result<StatusList> SqliteStore::get_status_list(const std::string& id) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kStatusListColumns) +
                                       " FROM status_lists WHERE id = ?1"));
  st.bind(1, id);
  ECUSSON_STORE_ASSIGN(row, st.step());
  if (!row) return not_found("liste de statut", id);
  return read_status_list(st);
}

Result<std::vector<StatusList>> SqliteStore::list_status_lists(const std::string& issuer_id) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kStatusListColumns) +
                                       " FROM status_lists WHERE issuer_id = ?1"
                                       " ORDER BY rowid"));
  st.bind(1, issuer_id);
  std::vector<StatusList> out;
  for (;;) {
    ECUSSON_STORE_ASSIGN(row, st.step());
    if (!row) return out;
    out.push_back(read_status_list(st));
  }
}

Result<std::uint64_t> SqliteStore::allocate_status_index(const std::string& list_id) {
  ECUSSON_STORE_ASSIGN(range, allocate_status_indices(list_id, 1));
  return range.first;
}

Result<StatusIndexRange> SqliteStore::allocate_status_indices(const std::string& list_id,
                                                             std::uint64_t max_count) {
  if (max_count == 0) return store_error("store.invalid", db_.path(), {"max_count = 0"});
  return write([&]() -> Result<StatusIndexRange> {
    // Read and update under the write lock (write() begins IMMEDIATE): two writers can
    // never read the same next_index.
    ECUSSON_STORE_ASSIGN(before, db_.prepare("SELECT next_index, size FROM status_lists WHERE id = ?1"));
    before.bind(1, list_id);
    ECUSSON_STORE_ASSIGN(found, before.step());
    if (!found) return store_error("store.not_found", db_.path(), {list_id});
    const auto first = static_cast<std::uint64_t>(before.integer(0));
    const auto size = static_cast<std::uint64_t>(before.integer(1));
    ECUSSON_STORE_CHECK(before.run());
    if (first >= size)
      return store_error("store.status_list_full", db_.path(), {list_id, std::to_string(size)});
    const std::uint64_t count = std::min(max_count, size - first);
    ECUSSON_STORE_ASSIGN(up, db_.prepare("UPDATE status_lists SET next_index = ?2 WHERE id = ?1"));
    up.bind(1, list_id).bind(2, static_cast<std::int64_t>(first + count));
    ECUSSON_STORE_CHECK(up.run());
    return StatusIndexRange{first, count};
  });
}

Result<void> SqliteStore::put_status_list_signature(const std::string& list_id,
                                                    std::uint64_t version,
                                                    const std::string& signed_credential,
                                                    const std::string& at) {
  return write([&]() -> Result<void> {
    ECUSSON_STORE_ASSIGN(st, db_.prepare("UPDATE status_lists SET signed_credential = ?3,"
                                         " signed_version = ?2, updated_at = ?4"
                                         " WHERE id = ?1 AND version = ?2"));
    st.bind(1, list_id).bind(2, static_cast<std::int64_t>(version)).bind(3, signed_credential);
    st.bind(4, at);
    ECUSSON_STORE_CHECK(st.run());
    if (db_.changes() == 1) return {};
    ECUSSON_STORE_ASSIGN(list, get_status_list(list_id));
    return store_error("store.conflict", db_.path(),
                       {"la liste de statut " + list_id + " est en version " +
                        std::to_string(list.version) + ", la signature porte sur la version " +
                        std::to_string(version) + " : signez-la de nouveau"});
  });
}

}  // namespace ecusson::store::detail
