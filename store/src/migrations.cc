// Schema migrations of the SQLite store.
//
// THE RULE: a migration, once shipped (merged on main), is NEVER edited, reordered or
// removed — not even to fix a typo or whitespace. Databases in the field have applied it
// and recorded its checksum; at open the store compares the recorded checksum with the
// one here and refuses the file (store.schema_changed) when they differ. To change the
// schema, append a new migration with the next version number. A database that has a
// version this list does not know was written by a newer Ecusson and is refused
// (store.schema_too_new).
//
// Conventions: times are RFC 3339 UTC text ("2025-03-17T09:00:00Z", sortable as text);
// enumerations are CHECKed text; JSON is text; every table a repository writes is here
// and nowhere else (nothing outside store/ writes SQL).
#include "migrations.h"

#include <array>
#include <cstdint>
#include <cstdio>

namespace ecusson::store::detail {
namespace {

constexpr std::string_view kV1 = R"sql(
CREATE TABLE issuers (
  id           TEXT PRIMARY KEY CHECK (id <> ''),
  name         TEXT NOT NULL CHECK (name <> ''),
  url          TEXT NOT NULL DEFAULT '',
  email        TEXT NOT NULL DEFAULT '',
  base_url     TEXT NOT NULL DEFAULT '',
  profile_json TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

-- Private keys stay in PEM files (mode 0600); only their path and public half are here.
CREATE TABLE issuer_keys (
  id               TEXT PRIMARY KEY CHECK (id <> ''),
  issuer_id        TEXT NOT NULL REFERENCES issuers(id),
  algorithm        TEXT NOT NULL CHECK (algorithm <> ''),
  private_key_path TEXT NOT NULL CHECK (private_key_path <> ''),
  public_key       TEXT NOT NULL CHECK (public_key <> ''
                                        AND instr(upper(public_key), 'PRIVATE KEY') = 0
                                        AND instr(replace(public_key, ' ', ''), '"d":') = 0),
  created_at       TEXT NOT NULL,
  retired_at       TEXT
);
CREATE INDEX issuer_keys_issuer ON issuer_keys(issuer_id);

CREATE TABLE achievements (
  id            TEXT PRIMARY KEY CHECK (id <> ''),
  grid_id       TEXT NOT NULL CHECK (grid_id <> ''),
  grid_version  TEXT NOT NULL CHECK (grid_version <> ''),
  competence_id TEXT NOT NULL CHECK (competence_id <> ''),
  level         INTEGER NOT NULL CHECK (level >= 1),
  name          TEXT NOT NULL,
  document      TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  UNIQUE (grid_id, grid_version, competence_id, level)
);

-- Identity and contact live here only; everything else names a participant by ref.
CREATE TABLE participants (
  ref         TEXT PRIMARY KEY CHECK (ref <> ''),
  given_name  TEXT NOT NULL,
  family_name TEXT NOT NULL,
  email       TEXT,             -- NULL when unknown
  did         TEXT,
  created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX participants_email ON participants(email COLLATE NOCASE)
  WHERE email IS NOT NULL;

CREATE TABLE consents (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  participant_ref TEXT NOT NULL REFERENCES participants(ref),
  state           TEXT NOT NULL CHECK (state IN ('given', 'withdrawn')),
  at              TEXT NOT NULL,
  how             TEXT NOT NULL DEFAULT '',
  recorded_by     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consents_participant ON consents(participant_ref, at, seq);

CREATE TABLE evaluations (
  id              TEXT PRIMARY KEY CHECK (id <> ''),
  participant_ref TEXT NOT NULL REFERENCES participants(ref),
  grid_id         TEXT NOT NULL,
  grid_version    TEXT NOT NULL,
  phase           TEXT NOT NULL
                  CHECK (phase IN ('entry', 'intermediate', 'exit', 'follow-up')),
  file_digest     TEXT NOT NULL,
  recorded_at     TEXT NOT NULL
);
CREATE INDEX evaluations_participant ON evaluations(participant_ref);

CREATE TABLE results (
  evaluation_id  TEXT NOT NULL REFERENCES evaluations(id),
  competence_id  TEXT NOT NULL CHECK (competence_id <> ''),
  proposed_level INTEGER CHECK (proposed_level >= 1),
  status         TEXT NOT NULL CHECK (status IN ('attained', 'in-progress',
                   'insufficient-evidence', 'not-demonstrated', 'divergent-held')),
  PRIMARY KEY (evaluation_id, competence_id)
);

CREATE TABLE validations (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  evaluation_id TEXT NOT NULL,
  competence_id TEXT NOT NULL,
  by            TEXT NOT NULL CHECK (by <> ''),
  at            TEXT NOT NULL,
  decision      TEXT NOT NULL CHECK (decision IN ('confirm', 'lower')),
  level         INTEGER NOT NULL CHECK (level >= 1),
  comment       TEXT NOT NULL DEFAULT '',
  FOREIGN KEY (evaluation_id, competence_id) REFERENCES results(evaluation_id, competence_id)
);
CREATE INDEX validations_result ON validations(evaluation_id, competence_id, at, seq);

CREATE TABLE status_lists (
  id                TEXT PRIMARY KEY CHECK (id <> ''),
  issuer_id         TEXT NOT NULL REFERENCES issuers(id),
  purpose           TEXT NOT NULL CHECK (purpose IN ('revocation', 'suspension')),
  size              INTEGER NOT NULL CHECK (size >= 131072 AND size % 8 = 0),
  bits              BLOB NOT NULL,
  next_index        INTEGER NOT NULL DEFAULT 0 CHECK (next_index >= 0 AND next_index <= size),
  version           INTEGER NOT NULL DEFAULT 1,
  signed_credential TEXT,
  signed_version    INTEGER NOT NULL DEFAULT 0,
  updated_at        TEXT NOT NULL,
  CHECK (length(bits) * 8 = size)
);

CREATE TABLE credentials (
  id                 TEXT PRIMARY KEY CHECK (id <> ''),
  participant_ref    TEXT NOT NULL REFERENCES participants(ref),
  achievement_id     TEXT NOT NULL REFERENCES achievements(id),
  evaluation_id      TEXT REFERENCES evaluations(id),
  idempotency_key    TEXT NOT NULL UNIQUE CHECK (idempotency_key <> ''),
  issued_at          TEXT NOT NULL,
  revoked_at         TEXT,
  revocation_reason  TEXT NOT NULL DEFAULT '',
  suspended_at       TEXT,
  suspension_reason  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX credentials_participant ON credentials(participant_ref);
CREATE INDEX credentials_evaluation ON credentials(evaluation_id);

-- One row per format: 'ob3-di', 'ob3-jwt', 'ob2-hosted', 'ob2-signed'.
CREATE TABLE credential_documents (
  credential_id TEXT NOT NULL REFERENCES credentials(id),
  format        TEXT NOT NULL CHECK (format <> ''),
  content       TEXT NOT NULL,
  PRIMARY KEY (credential_id, format)
);

-- A status index belongs to one credential at most, and was handed out by the list.
CREATE TABLE credential_status (
  credential_id TEXT NOT NULL REFERENCES credentials(id),
  list_id       TEXT NOT NULL REFERENCES status_lists(id),
  idx           INTEGER NOT NULL CHECK (idx >= 0),
  PRIMARY KEY (credential_id, list_id),
  UNIQUE (list_id, idx)
);
CREATE TRIGGER credential_status_allocated BEFORE INSERT ON credential_status
WHEN NEW.idx >= (SELECT next_index FROM status_lists WHERE id = NEW.list_id)
BEGIN
  SELECT RAISE(ABORT, 'credential_status: index not allocated by its status list');
END;

CREATE TABLE api_tokens (
  id         TEXT PRIMARY KEY CHECK (id <> ''),
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) >= 32),
  label      TEXT NOT NULL DEFAULT '',
  scopes     TEXT NOT NULL DEFAULT '',   -- space-separated
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

-- Append-only: no UPDATE, no DELETE, whoever asks.
CREATE TABLE audit_log (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL CHECK (actor <> ''),
  action  TEXT NOT NULL CHECK (action <> ''),
  subject TEXT NOT NULL DEFAULT '',
  detail  TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_subject ON audit_log(subject, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
)sql";

constexpr std::array kMigrations = {
    Migration{1, "initial schema", kV1},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

std::string checksum(std::string_view sql) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : sql) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace ecusson::store::detail
