// Signing identity: may this key sign for this issuer, and under which verification
// method id? Checked before any credential is signed (VC-JWT `kid`, Data Integrity
// `verificationMethod`), so that Ecusson never produces a credential whose issuer cannot
// be bound to its key. Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "ecusson/crypto/key.h"
#include "ecusson/result.h"

namespace ecusson::proofs {

/// The verification method id to sign with, given the document's issuer id, the key and
/// an optional requested id (empty = choose):
/// - `did:key` issuer: the issuer must be the key's own did:key; result "did:key:z…#z…"
///   (a requested id must equal it).
/// - `did:web` issuer: a requested id "<issuer>#<fragment>" is required (the fragment the
///   issuer's DID document lists); fails with "sign.verification_method_required".
/// - `https://` issuer: a requested id must be an https URL on the issuer's host (its
///   key is published in `/.well-known/jwks.json` or its profile); empty allowed (result
///   empty: VC-JWT then embeds the public JWK) unless `required`. `http://` is accepted
///   only for loopback hosts (localhost, 127.0.0.0/8, [::1]): local testing.
/// Failures: "sign.issuer_mismatch" (key or id does not belong to the issuer),
/// "sign.verification_method_required", "sign.issuer_unsupported" (another scheme).
[[nodiscard]] Result<std::string> signing_verification_method(std::string_view issuer_id,
                                                              const crypto::Key& key,
                                                              std::string_view requested,
                                                              bool required = false);

}  // namespace ecusson::proofs
