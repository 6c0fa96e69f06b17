// verify_credential: the verification pipeline behind `ecusson verify` and
// `POST /api/v1/verify` (design §3).
//
// Input is bytes plus a hint; the format is detected: credential JSON, compact JWS
// (VC-JWT), baked PNG or SVG, or an http(s) URL (fetched under the outbound policy).
// Checks run in a fixed order and all appear in the result, each with a French and an
// English message (style C7, C12):
//   structure  → structure.format, structure.context, structure.type, structure.id,
//                structure.issuer, structure.subject, structure.evidence, structure.dates
//   proof      → VC-JWT: jwt.*, proof.*, key.* (vc_jwt.h); embedded Data Integrity proofs:
//                data_integrity.h (append_data_integrity_checks), or the
//                `embedded_proof_verifier` seam when set — an embedded proof is never
//                reported verified unchecked
//   issuer binding → key.issuer_binding (appended by the proof verifiers)
//   validity   → validity.not_yet_valid, validity.expired (validity_window.h: one rule and
//                one clock skew for validFrom/validUntil, a JWT's nbf/exp, OB 2.0 dates)
//   status     → status.revoked, status.suspended, status.unreachable, status.unsupported
//                (BitstringStatusListEntry, 1EdTechRevocationList); a status that cannot
//                be checked is a failure, never "not revoked"
//   recipient  → recipient.mismatch (only with options.recipient)
// Status list credentials are verified through the same pipeline (proof, dates), to a
// depth limit; a list that fails that verification is never trusted to say "valid".
// OB 2.0 inputs are handed to the OB 2.0 verifier when it is linked in (ob2_verify.h).
//
// Ownership: every pointer in VerifyOptions is borrowed for the call and may be null
// (defaults are built per call). Thread-safety: verify_credential is reentrant; the
// borrowed objects must be safe for the way they are shared.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/fwd.hpp>

#include "ecusson/net/http_fetcher.h"
#include "ecusson/credentials/status_list.h"
#include "ecusson/credentials/verification_result.h"
#include "ecusson/result.h"

namespace ecusson::crypto {
class KeyResolver;
}
namespace ecusson::rdf {
class DocumentLoader;
}

namespace ecusson::verify {

struct VerifyOptions;

/// What the caller knows of the input. `automatic` sniffs the bytes.
enum class InputHint { automatic, json, jws, png, svg, url };

struct VerifyInput {
  std::string_view bytes;  // the file, the pasted text, or the URL itself (hint url)
  InputHint hint = InputHint::automatic;
  std::string name;        // file name or URL, for messages only
};

/// Verifies the embedded (Data Integrity) proofs of `credential` and appends its checks
/// (proof.signature, proof.purpose, key.resolution, key.issuer_binding, …) to `result`.
/// It must append at least one proof.* check; a proof it cannot verify is a failed check.
using EmbeddedProofVerifier =
    std::function<void(const boost::json::object& credential, crypto::KeyResolver& keys,
                       const VerifyOptions& options, credentials::VerificationResult& result)>;

struct VerifyOptions {
  /// The instant the badge is judged at (`--at`); default: now.
  std::optional<std::chrono::sys_seconds> now;
  /// The one clock skew (vc.js maxClockSkew) of the validity rule (validity_window.h):
  /// validFrom / validUntil, a JWT's nbf / exp and OB 2.0 issuedOn / expires alike.
  std::chrono::seconds max_clock_skew{300};
  /// Outbound policy: allow private/loopback targets (and plain http towards them).
  bool allow_private_network = false;
  /// When not empty, the badge must be for this e-mail address (IdentityObject, mailto:).
  std::string recipient;
  /// Borrowed; null = an HttpFetcher made for the call.
  net::Fetcher* fetcher = nullptr;
  /// Borrowed; null = did:key locally + NetworkKeyResolver (did:web, JWKS) via fetcher.
  crypto::KeyResolver* key_resolver = nullptr;
  /// Borrowed; for the embedded-proof verifier (bundled contexts). May be null.
  const rdf::DocumentLoader* loader = nullptr;
  /// Seam for Data Integrity proofs; unset = the built-in verifier
  /// (append_data_integrity_checks of data_integrity.h).
  EmbeddedProofVerifier embedded_proof_verifier;

  /// Limits on hostile input.
  std::size_t max_input_bytes = 32u << 20;    // whole input (file, image, fetched body)
  std::size_t max_json_bytes = 8u << 20;      // credential JSON / JWS text
  std::size_t max_json_depth = 64;
  std::size_t max_document_bytes = 2u << 20;  // documents fetched (status lists, keys)
  std::chrono::milliseconds fetch_timeout{15000};
  int max_redirects = 5;
  /// Status list credentials are verified recursively down to this depth.
  int max_status_depth = 2;
  credentials::BitstringLimits bitstring;
};

/// Runs the pipeline. Never fails: unusable input is a refused result whose first check
/// says why (structure.format, input.too_large, hosted.fetch for a URL that cannot be
/// fetched, baking.*), and whose format is "unknown".
/// Example:
///   VerifyOptions o; o.recipient = "ana@example.org";
///   VerificationResult r = verify_credential({bytes, InputHint::automatic, "badge.png"}, o);
///   std::cout << boost::json::serialize(to_json(r));
[[nodiscard]] credentials::VerificationResult verify_credential(const VerifyInput& input,
                                                   const VerifyOptions& options);

/// Parses an xsd:dateTime with a zone ("2024-01-02T03:04:05Z", "…+02:00", fractions
/// truncated) or a date ("2024-01-02", midnight UTC). nullopt when malformed. The
/// parse_datetime of datetime.h with DateTimeSyntax::date_only (the CLI's `--at`).
std::optional<std::chrono::sys_seconds> parse_date_time(std::string_view text);

}  // namespace ecusson::verify
