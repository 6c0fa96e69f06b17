// Issuer–key binding of OB 3.0 credentials: may this key sign for this issuer? One rule
// for every proof format (VC-JWT and Data Integrity): the key must be one the issuer
// publishes, as listed by KeyResolver::issuer_keys — a did:key issuer's own key, a
// did:web issuer's assertionMethod keys, an http(s) issuer's entries of
// <scheme>://<authority>/.well-known/jwks.json (design §3). A key's self-declared
// controller is not enough: a JWK served from any URL may claim any `iss`.
//
// Also: finding the issuer's key named by a bare JWT `kid` ("key-1"), which only makes
// sense within the issuer's published set. The resolver is borrowed for the call.
// Stateless; as thread-safe as the resolver.
#pragma once

#include <string>
#include <string_view>

#include "ecusson/crypto/key.h"
#include "ecusson/crypto/key_resolver.h"
#include "ecusson/credentials/verification_result.h"
#include "ecusson/result.h"

namespace ecusson::proofs {

/// The outcome of the binding check, ready for a `key.issuer_binding` check.
struct IssuerBinding {
  credentials::CheckStatus status = credentials::CheckStatus::failed;  // passed or failed
  std::string message;                       // French
  std::string message_en;
  std::string evidence;
};

/// Passed when `key` has the same public part as one of resolver.issuer_keys(issuer_id);
/// failed when the issuer is empty, its keys cannot be obtained (the resolver's error is
/// the evidence) or none matches.
/// Example: result.add("key.issuer_binding", b.status, b.message, b.message_en, b.evidence)
/// with b = bind_key_to_issuer("did:key:z6Mk…", key, resolver).
IssuerBinding bind_key_to_issuer(std::string_view issuer_id, const crypto::Key& key,
                                 crypto::KeyResolver& resolver);

/// The key of issuer `issuer_id` whose id is `kid` (or whose id's fragment is `kid`
/// without its leading "#"), among resolver.issuer_keys(issuer_id): how a JWT `kid` that
/// is not itself a URL or DID ("key-1", the `kid` of a JWK Set entry) is resolved.
/// Fails with "key.resolution" (the issuer's keys cannot be obtained, or none has that
/// id; the message names the issuer and the kid).
/// Example: find_issuer_key("https://issuer.example", "key-1", network_resolver).
[[nodiscard]] Result<crypto::ResolvedKey> find_issuer_key(std::string_view issuer_id,
                                                  std::string_view kid, crypto::KeyResolver& resolver);

}  // namespace ecusson::proofs
