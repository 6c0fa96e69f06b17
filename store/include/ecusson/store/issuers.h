// Issuer profiles and references to their signing keys.
//
// An issuer is who signs badges: its id (a did:key, did:web or URL), name and contact, and
// the keys it signs with. Private keys never enter the store: a KeyRef holds the path of
// the PEM file (mode 0600, in the data directory) and the public half only. The store
// refuses a `public_key` that contains private key material. Plain value types and an
// interface; an implementation's thread-safety is that of its Store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ecusson/result.h"

namespace ecusson::store {

struct IssuerProfile {
  std::string id;        // did:key:…, did:web:…, or https://…
  std::string name;
  std::string url;       // the organisation's web site (may be empty)
  std::string email;     // may be empty
  std::string base_url;  // where documents are published ("http://127.0.0.1:8080")
  std::string profile_json;  // the signed-over Profile document, as issued (may be empty)
  std::string created_at;    // RFC 3339 UTC, "YYYY-MM-DDThh:mm:ssZ"
  std::string updated_at;
  friend bool operator==(const IssuerProfile&, const IssuerProfile&) = default;
};

struct KeyRef {
  std::string id;                // verification method id ("did:key:z…#z…", "…#key-1")
  std::string issuer_id;         // IssuerProfile::id
  std::string algorithm;         // "Ed25519", "RS256"
  std::string private_key_path;  // PEM file on disk; the key itself is never stored
  std::string public_key;        // public JWK (JSON) or public PEM
  std::string created_at;
  std::optional<std::string> retired_at;  // set when the key no longer signs
  friend bool operator==(const KeyRef&, const KeyRef&) = default;
};

class IssuerRepository {
 public:
  virtual ~IssuerRepository() = default;

  /// Inserts the issuer, or replaces every field but `created_at` when its id exists.
  /// Fails with store.constraint (empty id or name), store.readonly, store.busy, store.full.
  [[nodiscard]] virtual Result<void> put_issuer(const IssuerProfile& issuer) = 0;
  /// Fails with store.not_found.
  [[nodiscard]] virtual Result<IssuerProfile> get_issuer(const std::string& id) = 0;
  /// All issuers, by id.
  [[nodiscard]] virtual Result<std::vector<IssuerProfile>> list_issuers() = 0;

  /// Records a key reference. Fails with store.constraint (duplicate id, unknown issuer,
  /// `public_key` containing "PRIVATE KEY" or a JWK private member "d").
  [[nodiscard]] virtual Result<void> add_key(const KeyRef& key) = 0;
  /// Marks a key retired at `at`. Fails with store.not_found.
  [[nodiscard]] virtual Result<void> retire_key(const std::string& key_id,
                                                const std::string& at) = 0;
  /// The issuer's keys, oldest first.
  [[nodiscard]] virtual Result<std::vector<KeyRef>> list_keys(const std::string& issuer_id) = 0;
};

}  // namespace ecusson::store
