// API tokens for the server: only a hash of each token is stored (the caller hashes, e.g.
// "sha256:" + hex), with its scopes; a token is revoked, never deleted. Plain value types
// and an interface.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ecusson/result.h"

namespace ecusson::store {

struct ApiToken {
  std::string id;          // public handle ("tok_…"), shown in listings
  std::string token_hash;  // hash of the secret; the secret itself is never stored
  std::string label;
  std::vector<std::string> scopes;  // "credentials:read", "credentials:issue", …
  std::string created_at;
  std::optional<std::string> revoked_at;
  friend bool operator==(const ApiToken&, const ApiToken&) = default;
};

class ApiTokenRepository {
 public:
  virtual ~ApiTokenRepository() = default;

  /// Fails with store.constraint (id or hash exists), store.invalid (a scope with a
  /// space or comma, or a hash that looks like a raw token: shorter than 32 characters).
  [[nodiscard]] virtual Result<void> add_api_token(const ApiToken& t) = 0;
  /// The token with that hash, revoked or not; empty when unknown.
  [[nodiscard]] virtual Result<std::optional<ApiToken>> find_api_token(
      const std::string& token_hash) = 0;
  /// Fails with store.not_found, store.conflict (already revoked).
  [[nodiscard]] virtual Result<void> revoke_api_token(const std::string& id,
                                                      const std::string& at) = 0;
  [[nodiscard]] virtual Result<std::vector<ApiToken>> list_api_tokens() = 0;
};

}  // namespace ecusson::store
