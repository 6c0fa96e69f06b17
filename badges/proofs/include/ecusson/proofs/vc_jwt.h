// VC-JWT for Open Badges 3.0 (OB 3.0 §8.2 "JSON Web Token Proof Format"): the credential
// signed as a compact JWS whose payload is the credential itself plus the JWT claims
// `iss` = issuer.id, `jti` = id, `sub` = credentialSubject.id, `nbf` = validFrom and
// `exp` = validUntil (NumericDate, whole seconds). The JOSE header holds only `alg`,
// `kid` or `jwk`, and optionally `typ: "JWT"`. Verification also accepts the VCDM 1.1
// form whose credential sits in a `vc` claim.
//
// Signing is a pure function of (credential, key, options). Verification appends checks
// to a VerificationResult (style C7) — it never throws and never returns an Error for a
// bad token — and takes keys only from the KeyResolver it is given (which must outlive
// the call). Thread-safe when the resolver is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/fwd.hpp>

#include "ecusson/crypto/key.h"
#include "ecusson/crypto/key_resolver.h"
#include "ecusson/credentials/verification_result.h"
#include "ecusson/result.h"

namespace ecusson::proofs {

struct VcJwtSignOptions {
  /// JOSE `kid` (a verification method id or key URL). Empty: the public JWK is embedded.
  std::string kid;
  /// Embed the public JWK even when `kid` is set.
  bool embed_jwk = false;
  /// Add `typ: "JWT"`.
  bool typ_jwt = true;
  /// Refuse unless the key may sign for the credential's issuer (signing_identity.h):
  /// a did:key issuer must be the key's own DID, kid must belong to the issuer.
  bool check_issuer = true;
};

/// Signs an OB 3.0 credential (JSON text, or parsed) as a VC-JWT. The credential needs
/// `id`, `issuer` (string or object with `id`), `validFrom` (or `issuanceDate`); `sub` is
/// omitted when credentialSubject has no `id` (recipient identified by `identifier` only).
/// Fails with "vc_jwt.credential" (not a credential, missing or malformed field, JSON
/// error), "vc_jwt.claim_conflict" (the document already holds a different iss/jti/…
/// member), the "sign.*" codes of signing_identity.h, "key.no_private", "key.sign".
/// Example: `auto jwt = sign_vc_jwt(text, key, {.kid = vm});`
[[nodiscard]] Result<std::string> sign_vc_jwt(std::string_view credential_json, const crypto::Key& key,
                                              const VcJwtSignOptions& options = {});
[[nodiscard]] Result<std::string> sign_vc_jwt(const boost::json::object& credential,
                                              const crypto::Key& key,
                                              const VcJwtSignOptions& options = {});

struct JwtVerifyOptions {
  /// "Now" in seconds since the epoch; 0 means the system clock (tests pass a fixed time).
  std::int64_t now = 0;
  /// Tolerance for nbf/exp, seconds (vc: maxClockSkew = 300).
  std::int64_t max_clock_skew = 300;
  /// Add validity.not_yet_valid / validity.expired checks (a pipeline that checks dates
  /// itself may turn this off).
  bool check_validity_dates = true;
  std::size_t max_bytes = 8u << 20;
  std::vector<std::string> allowed_algs = {"EdDSA", "ES256", "RS256"};
};

/// True when `text` looks like a compact JWS (three base64url parts), for input sniffing.
bool looks_like_compact_jws(std::string_view text);

/// Verifies a VC-JWT and appends, in this order, the checks `jwt.header`,
/// `key.resolution`, `proof.signature`, `key.issuer_binding`, `jwt.claims`, and when
/// enabled `validity.not_yet_valid` / `validity.expired` (each passed, failed or
/// skipped). Sets result.format = "ob3-vc-jwt", result.source = "jws" if empty, and fills
/// result.credential from the credential. Does not call result.finish(): the caller adds
/// its own checks (structure, status…) first. When `credential_out` is given it receives
/// the credential (the payload without JWT claims, or the converted `vc` claim), or null
/// when the payload could not be read.
/// Refusals (all failed checks): malformed token, `alg` none / HMAC / not allowed / not
/// fitting the key, header parameters other than alg/kid/jwk/typ, `typ` other than JWT,
/// a `jwk` holding private members, no kid and no jwk, unresolvable key, bad signature, a
/// key that the issuer does not publish (did:key: the issuer's own key; did:web/https:
/// KeyResolver::issuer_keys), iss/jti/sub/nbf/exp not matching the credential, dates.
void verify_vc_jwt(std::string_view compact, crypto::KeyResolver& resolver,
                   const JwtVerifyOptions& options, credentials::VerificationResult& result,
                   boost::json::value* credential_out = nullptr);

}  // namespace ecusson::proofs
