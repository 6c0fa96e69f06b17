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
#include "ecusson/credentials/verification_policy.h"
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

/// The pipeline's options: the shared VerificationPolicy (verification_policy.h: `now`,
/// `max_clock_skew`, `recipient`, `allow_private_network`, the input / JSON / document
/// size limits, `max_json_depth`, `fetch_timeout`, `max_redirects`, `max_fetches`), handed
/// whole to the VC-JWT, Data Integrity and OB 2.0 steps, plus the pipeline's own fields.
struct VerifyOptions : credentials::VerificationPolicy {
  /// Borrowed; null = an HttpFetcher made for the call.
  net::Fetcher* fetcher = nullptr;
  /// Borrowed; null = did:key locally + NetworkKeyResolver (did:web, JWKS) via fetcher.
  crypto::KeyResolver* key_resolver = nullptr;
  /// Borrowed; for the embedded-proof verifier (bundled contexts). May be null.
  const rdf::DocumentLoader* loader = nullptr;
  /// Seam for Data Integrity proofs; unset = the built-in verifier
  /// (append_data_integrity_checks of data_integrity.h).
  EmbeddedProofVerifier embedded_proof_verifier;
  /// Status list credentials are verified recursively down to this depth. Default: 2.
  int max_status_depth = 2;
  /// Limits on a decoded status bitstring (status_list.h).
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
