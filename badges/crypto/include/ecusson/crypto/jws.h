// JWS compact serialization (RFC 7515 §7.1): sign and verify with EdDSA (RFC 8037),
// ES256 (raw r‖s, RFC 7518 §3.4) and RS256 (RFC 7518 §3.3).
//
// Decoding is strict because a JWS is attacker-controlled: exactly three base64url parts
// (strict alphabet, no padding), a size cap, a header that is a JSON object without
// duplicate members, an `alg` from an allow-list (never "none", never an HMAC), only the
// header parameters the caller allows, no `crit`. The signature is checked only with a key
// whose type fits `alg`, so an RSA public key can never be used as an HMAC secret.
// Used by VC-JWT (vc_jwt.h) and by OB 2.0 signed assertions. Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ecusson/crypto/key.h"
#include "ecusson/result.h"

namespace ecusson::crypto {

/// What to put in the protected header besides `alg` (which comes from the key).
struct JwsHeader {
  std::string kid;         // omitted when empty
  bool embed_jwk = false;  // add the public JWK as `jwk`
  std::string typ;         // omitted when empty (VC-JWT: "JWT")
};

/// Signs `payload` into "BASE64URL(header).BASE64URL(payload).BASE64URL(signature)".
/// The header is {"alg", then "kid"/"jwk"/"typ" as set}. Fails with "key.no_private" or
/// "key.sign". Example: jws_sign(JwsHeader{}, "hi", ed25519_key) → "eyJhbGciOiJFZERTQSJ9.aGk.…"
[[nodiscard]] Result<std::string> jws_sign(const JwsHeader& header, std::string_view payload,
                                           const Key& key);

struct JwsDecodeOptions {
  std::size_t max_bytes = 8u << 20;  // whole compact string
  std::vector<std::string> allowed_algs = {"EdDSA", "ES256", "RS256"};
  /// Header parameters allowed besides `alg`; any other one is refused.
  std::vector<std::string> allowed_header_params = {"kid", "jwk", "typ"};
};

/// A decoded (not yet verified) compact JWS.
struct DecodedJws {
  std::string header_json;    // decoded protected header (UTF-8 JSON text)
  std::string payload;        // decoded payload bytes
  std::string signature;      // decoded signature bytes
  std::string signing_input;  // "BASE64URL(header).BASE64URL(payload)", as received
  std::string alg;
  std::string kid;            // empty when absent
  std::string jwk_json;       // the `jwk` member re-serialized, empty when absent
  std::string typ;            // empty when absent
  std::string cty;            // empty when absent (only read when the options allow it)
  bool has_kid = false;
  bool has_jwk = false;
};

/// Splits and decodes `compact` strictly. Failures (code = the JOSE problem):
/// "jws.too_large", "jws.malformed" (not three parts, bad base64url, header not a JSON
/// object, non-string alg/kid/typ/cty), "jws.alg_none", "jws.alg_hmac", "jws.alg_not_allowed",
/// "jws.header_param" (a parameter not allowed, incl. `crit`, `b64`, `x5u`, `jku`).
[[nodiscard]] Result<DecodedJws> jws_decode(std::string_view compact,
                                            const JwsDecodeOptions& options = {});

/// True when `alg` is the algorithm this key signs with (EdDSA↔Ed25519, ES256↔P-256,
/// RS256↔RSA).
bool alg_fits_key(std::string_view alg, const Key& key);

/// Checks the signature of a decoded JWS with `key`. Fails with "jws.alg_key_mismatch"
/// when the key does not fit `alg`, "jws.bad_signature" when the signature is wrong.
[[nodiscard]] Result<void> jws_verify(const DecodedJws& jws, const Key& key);

}  // namespace ecusson::crypto
