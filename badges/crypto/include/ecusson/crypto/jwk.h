// JWK: public keys as JSON Web Keys (RFC 7517; OKP/Ed25519 per RFC 8037, EC/P-256 and
// RSA per RFC 7518 §6), JWK Sets, and RFC 7638 thumbprints.
//
// Only public JWKs are produced: `d` (or any other private member) is never emitted, and
// reading a JWK that carries private material is refused, because a JWT header or a
// published key set must never hold a secret. Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/json/fwd.hpp>

#include "ecusson/crypto/key.h"
#include "ecusson/crypto/key_resolver.h"
#include "ecusson/result.h"

namespace ecusson::crypto {

/// The public JWK of `key`, members in lexicographic order:
/// Ed25519 {"crv":"Ed25519","kty":"OKP","x"}; P-256 {"crv":"P-256","kty":"EC","x","y"};
/// RSA {"e","kty":"RSA","n"}. An empty key gives an empty object.
boost::json::object public_jwk(const Key& key);
/// public_jwk() serialized (compact).
std::string public_jwk_json(const Key& key);

/// A public key from a JWK object. Accepts optional `kid`, `use` ("sig"), `key_ops`
/// (containing "verify"), `alg` (must fit the key), `x5*` members are refused.
/// Fails with "jwk.private_material" (`d`, `p`, `q`, `dp`, `dq`, `qi`, `oth` or `k`),
/// "jwk.unsupported" (other kty/crv, symmetric keys), "jwk.invalid" (missing or badly
/// encoded member, point not on the curve).
[[nodiscard]] Result<Key> key_from_jwk(const boost::json::value& jwk);
/// Parses text (strictly) then calls key_from_jwk().
[[nodiscard]] Result<Key> key_from_jwk_json(std::string_view jwk_json);

/// RFC 7638 thumbprint: base64url(SHA-256(required members, sorted, no whitespace)).
std::string jwk_thumbprint(const Key& key);

/// A JWK Set {"keys":[…]} for /.well-known/jwks.json; each JWK gets its `kid`.
struct JwkSetEntry {
  std::string kid;
  const Key* key;  // borrowed for the call
};
boost::json::object jwk_set(const std::vector<JwkSetEntry>& keys);
/// The keys of a JWK Set. Entries that are not usable public signing keys (private,
/// unsupported, `use` other than "sig") are skipped; `id` is the entry's `kid` (may be
/// empty), `controller` = `controller`. Fails with "jwk.invalid" when it is not a set.
[[nodiscard]] Result<std::vector<ResolvedKey>> keys_from_jwk_set(const boost::json::value& set,
                                                                 std::string_view controller);

}  // namespace ecusson::crypto
