// KeyResolver: finds the public key behind a verification method id or a JWT `kid`, and
// the keys an issuer has published. Verification code asks it for keys and never fetches
// anything itself (style C10).
//
// LocalKeyResolver resolves `did:key` identifiers locally (the key is in the identifier)
// and keys registered with add() (tests, offline issuers). Resolution over the network
// (`did:web`, `https://…/.well-known/jwks.json`, OB 2.0 keys) is implemented elsewhere
// on top of this interface, through the outbound fetch policy. Implementations decide
// their own thread-safety; LocalKeyResolver is safe for concurrent use once no more
// add() calls are made.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ecusson/crypto/key.h"
#include "ecusson/result.h"

namespace ecusson::crypto {

/// A public key with where it came from.
struct ResolvedKey {
  std::string id;          // verification method id or key URL ("did:key:z…#z…", "https://…#key-1")
  std::string controller;  // who controls the key (issuer id, DID)
  Key key;                 // public (may hold a private part only for local signing keys)
};

class KeyResolver {
 public:
  virtual ~KeyResolver() = default;

  /// The key named by a verification method id, a JWT `kid` or a key URL.
  /// Failures: "key.resolution" (cannot resolve: unknown, unreachable, malformed),
  /// "key.unsupported_method" (a method this resolver does not handle).
  [[nodiscard]] virtual Result<ResolvedKey> resolve(std::string_view verification_method_or_kid) = 0;

  /// Every key the issuer `issuer_id` publishes for signing credentials (did:key: its one
  /// key; did:web: the DID document's assertionMethod keys; https: the JWKS). Same failures.
  [[nodiscard]] virtual Result<std::vector<ResolvedKey>> issuer_keys(std::string_view issuer_id) = 0;
};

/// Resolves did:key ids and keys registered with add(); refuses anything else with
/// "key.unsupported_method".
class LocalKeyResolver : public KeyResolver {
 public:
  /// Registers a key (stored public-only). A later resolve(id) returns it, and
  /// issuer_keys(controller) lists it.
  void add(std::string id, std::string controller, const Key& key);

  Result<ResolvedKey> resolve(std::string_view verification_method_or_kid) override;
  Result<std::vector<ResolvedKey>> issuer_keys(std::string_view issuer_id) override;

 private:
  struct Entry {
    std::string id;
    std::string controller;
    Key key;
  };
  std::vector<Entry> entries_;
};

}  // namespace ecusson::crypto
