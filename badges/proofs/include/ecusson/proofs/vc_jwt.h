// VC-JWT for Open Badges 3.0 (OB 3.0 §8.2 "JSON Web Token Proof Format"): the credential
// signed as a compact JWS whose payload is the credential itself plus the JWT claims
// `iss` = issuer.id, `jti` = id, `sub` = credentialSubject.id, `nbf` = validFrom and
// `exp` = validUntil (NumericDate, whole seconds). The JOSE header holds only `alg`,
// `kid` or `jwk`, and optionally `typ: "JWT"`. Verification also accepts the VCDM 1.1
// form whose credential sits in a `vc` claim, and VC-JOSE-COSE tokens (`typ: vc+jwt`,
// `cty: vc`; see VcJwtProfile). Reading a token (read_vc_jwt) is apart from verifying
// it, so that the verification pipeline decodes a JWS once.
//
// Signing is a pure function of (credential, key, options). Verification appends checks
// to a VerificationResult (style C7) — it never throws and never returns an Error for a
// bad token — and takes keys only from the KeyResolver it is given (which must outlive
// the call). Thread-safe when the resolver is.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "ecusson/common/input_format.h"  // looks_like_compact_jws, formerly declared here
#include "ecusson/crypto/jws.h"
#include "ecusson/crypto/key.h"
#include "ecusson/crypto/key_resolver.h"
#include "ecusson/credentials/verification_policy.h"
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

/// The VC-JWT verifier's options: the shared VerificationPolicy (verification_policy.h) —
/// `now` and `max_clock_skew` for nbf / exp and the credential's dates, `max_json_bytes`
/// for the whole token and its payload, `max_json_depth` for the payload — plus its own
/// fields below. The pipeline passes its VerifyOptions' policy whole.
/// Example: JwtVerifyOptions o; o.now = sys_days{2026y / 6 / 1}; o.max_clock_skew = 60s;
struct JwtVerifyOptions : credentials::VerificationPolicy {
  /// Add validity.not_yet_valid / validity.expired checks (a pipeline that checks dates
  /// itself, through validity_window.h, turns this off). Default: true.
  bool check_validity_dates = true;
  /// JOSE algorithms accepted. Default: EdDSA, ES256, RS256.
  std::vector<std::string> allowed_algs = {"EdDSA", "ES256", "RS256"};
};

/// Which rules a VC-JWT follows, chosen by its JOSE header.
///  - ob3 (OB 3.0 §8.2): `typ` "JWT" or absent and no `cty`. The claims mirror the
///    credential: iss = issuer, jti = id, sub = subject id, nbf = validFrom (required),
///    exp = validUntil (an exp the credential lacks sets its validUntil, OB 3.0 §8.2.6).
///    The VCDM 1.1 form (credential in a `vc` claim) follows these rules too.
///  - vc_jose_cose (VC-JOSE-COSE §3.1.1): `typ` "vc+jwt", or no `typ` with `cty` "vc".
///    The payload is the credential; iss/jti/sub must agree with it when present;
///    nbf/exp/iat, when present, bound the token's validity (not the credential's
///    validFrom/validUntil); the claims `vc` and `vp` must not be present.
/// Header values are media types: compared case-insensitively, "application/" optional
/// (RFC 7515 §4.1.9). Accepted: typ ∈ {absent, JWT, vc+jwt}; cty ∈ {absent, vc}, cty
/// only in the vc_jose_cose profile (OB 3.0 allows no other header). Everything else
/// (typ vp+jwt, vc+sd-jwt, vc+ld+json+jwt of superseded drafts, cty vp, vc+ld+json…)
/// is refused with jwt.header.
enum class VcJwtProfile { ob3, vc_jose_cose };

/// A VC-JWT read but not verified: the JWS decoded once, the header profile, and the
/// credential derived from the payload. `compact` is borrowed: the text passed to
/// read_vc_jwt must outlive this object.
struct VcJwt {
  std::string_view compact;                   // trimmed
  std::optional<crypto::DecodedJws> jws;              // null when the strict decode failed
  Error jws_error;                            // why (jws.* code), when jws is null
  VcJwtProfile profile = VcJwtProfile::ob3;
  std::string header_problem, header_problem_en;  // typ / cty / neither kid nor jwk
  boost::json::object claims;                 // the JWT payload
  /// The credential: the payload without the registered JWT claims, or the `vc` claim
  /// completed from iss → issuer, jti → id, sub → credentialSubject.id, nbf / exp →
  /// validFrom / validUntil (issuanceDate / expirationDate under a VCDM 1.1 @context),
  /// each only when the credential lacks it and the claim is valid.
  boost::json::object credential;
  bool legacy = false;                        // the credential came from a `vc` claim
  std::string payload_problem;                // non-empty: no credential could be read
};

/// Reads `compact` (surrounding whitespace ignored): strict JWS decode (jws.h, with the
/// allowed algorithms of `options`), the header profile, the payload as strict JSON under
/// options.max_json_bytes / max_json_depth, the credential. Never fails: problems are recorded
/// in the result for verify_vc_jwt to report. When the JWS is refused by the strict
/// decoder (alg none, HMAC…) the payload is still read, for the structure checks and the
/// summary. Example: VcJwt t = read_vc_jwt(text, {}); t.credential.at("issuer").
[[nodiscard]] VcJwt read_vc_jwt(std::string_view compact, const JwtVerifyOptions& options);

/// Verifies a read VC-JWT and appends, in this order, the checks `jwt.header`,
/// `key.resolution`, `proof.signature`, `key.issuer_binding`, `jwt.claims`, and when
/// options.check_validity_dates the validity checks of validity_window.h over the
/// credential's dates narrowed by nbf/exp. Does not touch result.format, .source or
/// .credential.
/// Key: from the header `jwk`, and/or `kid` through the resolver; a `kid` that is neither
/// a URL nor a DID ("key-1") is looked up among the keys the issuer publishes
/// (issuer_binding.h: an http(s) issuer's /.well-known/jwks.json).
/// Refusals (all failed checks): malformed token, `alg` none / HMAC / not allowed / not
/// fitting the key, header parameters other than alg/kid/jwk/typ/cty, typ/cty outside the
/// profiles above, a `jwk` holding private members, no kid and no jwk, unresolvable key,
/// bad signature, a key the issuer does not publish (issuer_binding.h), claims not
/// matching the credential or not valid NumericDates (range-checked: 1e300 is refused,
/// never cast), dates.
void verify_vc_jwt(const VcJwt& token, crypto::KeyResolver& resolver, const JwtVerifyOptions& options,
                   credentials::VerificationResult& result);

/// read_vc_jwt + verify_vc_jwt(token…). Also sets result.format = "ob3-vc-jwt",
/// result.source = "jws" if empty, and result.credential from the credential. Does not
/// call result.finish(): the caller adds its own checks (structure, status…) first. When
/// `credential_out` is given it receives the credential, or null when the payload could
/// not be read.
void verify_vc_jwt(std::string_view compact, crypto::KeyResolver& resolver,
                   const JwtVerifyOptions& options, credentials::VerificationResult& result,
                   boost::json::value* credential_out = nullptr);

}  // namespace ecusson::proofs
