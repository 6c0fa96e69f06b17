// Verifying Open Badges 2.0 assertions from any issuer: hosted (HostedBadge) and signed
// (SignedBadge, compact JWS RS256), given as JSON, JWS, a baked PNG/SVG, or a URL.
//
// The verifier follows OB 2.0 §Verification: a hosted assertion is always re-fetched from
// its `id` and only the fetched copy is used; 410 Gone or `revoked: true` means revoked
// (unlike the 1EdTech validator); the `id` must be in the issuer's hosted scope
// (`startsWith`, `allowedOrigins`, default the issuer id's host). A signed assertion is
// checked with the key named by `verification.creator`, which must be listed in the
// issuer Profile's `publicKey` and whose `owner` must be the issuer; only RS256 is
// accepted (never `none` or HMAC); the issuer's `revocationList` is consulted (entries as
// strings or objects, by `id` or legacy `uid`) and an unreachable list is a failure, never
// "not revoked". Dates (`issuedOn` not in the future, `expires` ≥ `issuedOn` and not
// past) and, on request, the recipient are checked. OB 1.x and 0.5 badges are refused
// with a clear "unsupported version".
//
// All outbound reads go through the borrowed `Fetcher` (the SSRF policy lives there);
// the number of fetches, the size of each document and of the input are bounded, and
// every URL is fetched at most once per verification (so circular references end).
// Results are VerificationResult values (design §3 report); Error is never returned.
// Stateless free functions; thread-safe if the Fetcher is.
#pragma once

#include <string_view>

#include "ecusson/net/http_fetcher.h"
#include "ecusson/credentials/verification_policy.h"
#include "ecusson/credentials/verification_result.h"

namespace ecusson::ob2 {

/// The OB 2.0 verifier's options: the shared VerificationPolicy (verification_policy.h:
/// `now`, `max_clock_skew` for issuedOn / expires, `recipient`, `allow_private_network`,
/// `max_fetches`, `max_document_bytes`, `max_input_bytes`, `max_json_bytes` — which also
/// bounds a JWS before it is decoded —, `max_json_depth`, `fetch_timeout`,
/// `max_redirects`). No field of its own today; the pipeline passes its VerifyOptions'
/// policy whole. Example: Ob2VerifyOptions o; o.now = sys_days{2026y / 6 / 1};
struct Ob2VerifyOptions : credentials::VerificationPolicy {};

/// What an input looks like to the OB 2.0 verifier.
enum class Ob2InputKind {
  not_ob2,      // nothing OB 2.0 about it (OB 3.0, random JSON, …)
  ob2_json,     // JSON with the OB 2.0 context
  ob2_jws,      // compact JWS whose payload is an OB 2.0 Assertion
  ob2_baked,    // PNG/SVG with an `openbadges` chunk / <openbadges:assertion>
  url,          // an http(s) URL (a hosted assertion, possibly)
  ob1_legacy,   // OB 1.0 / 1.1 document (refused: unsupported version)
  ob05_legacy,  // OB 0.5 document (refused: unsupported version)
};

/// Classifies `input` cheaply (no network). Used by the verify dispatcher.
/// Example: detect_ob2_input(R"({"@context":"https://w3id.org/openbadges/v2"})") == ob2_json.
Ob2InputKind detect_ob2_input(std::string_view input);

/// Verifies an OB 2.0 assertion. `input` is the bytes of a JSON file, a compact JWS, a
/// PNG or SVG image, or an http(s) URL. The result's `format` is "ob2-hosted" or
/// "ob2-signed" and `source` one of "json", "jws", "png", "svg", "url".
/// `fetcher` must outlive the call.
/// Example: HttpFetcher f; auto r = verify_ob2(jws_text, f, {}); if (r.verified) …
credentials::VerificationResult verify_ob2(std::string_view input, net::Fetcher& fetcher,
                              const Ob2VerifyOptions& options = {});

/// Data validation of one OB 2.0 document of any class (Assertion, BadgeClass, Issuer or
/// Profile, CryptographicKey, RevocationList, AlignmentObject, Criteria, or an extension
/// class given as an absolute IRI): context, type, required properties and their datatypes,
/// and the documents it links to (a BadgeClass's issuer is fetched and checked). No
/// signature, scope or status checks: this is the 1EdTech "validation" of a single node.
/// `verified` in the result means "valid".
credentials::VerificationResult validate_ob2_document(std::string_view json_text, net::Fetcher& fetcher,
                                         const Ob2VerifyOptions& options = {});

}  // namespace ecusson::ob2
