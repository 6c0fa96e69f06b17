// VerificationPolicy: the settings every verifier of badges/ shares — the instant a badge
// is judged at, the one clock skew, the recipient asked for, the outbound-fetch policy
// (design §3) and the limits on hostile input — declared once, each with one default
// (style C9).
//
// Concept: the options of each verifier hold this policy plus only their own fields:
// verify::VerifyOptions, proofs::JwtVerifyOptions, proofs::DataIntegrityVerifyOptions and
// ob2::Ob2VerifyOptions derive from it, so callers still write `options.now`,
// `options.max_clock_skew`, `options.recipient`.
// The verification pipeline (verify_credential) hands the same policy down whole —
// `static_cast<const VerificationPolicy&>(options)` — and never copies its fields one by
// one, so a limit set on VerifyOptions reaches every path (VC-JWT, Data Integrity,
// OB 2.0). The fetch and image settings reach net::FetchOptions and baking::BakingLimits
// through one function each, in ecusson/ob2/policy_limits.h (net and baking sit below or
// beside this part and cannot read it); JSON limits through json_limits() /
// document_limits() below.
//
// Ownership: a plain value type (no pointers); copy it freely. Thread-safety: none needed;
// a const policy may be read from several threads at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "ecusson/common/strict_json.h"

namespace ecusson::credentials {

struct VerificationPolicy {
  /// The instant the badge is judged at (`ecusson verify --at`). Default: unset, meaning
  /// the system clock, read once per verification (instant()).
  std::optional<std::chrono::sys_seconds> now;
  /// The one clock skew (vc.js maxClockSkew) of the validity rule (validity_window.h):
  /// validFrom / validUntil, a JWT's nbf / exp and OB 2.0 issuedOn / expires alike.
  /// Default: 300 s.
  std::chrono::seconds max_clock_skew{300};
  /// When not empty, the badge must be awarded to this recipient (e-mail address; OB 2.0
  /// also URL, telephone). Default: empty, recipient not checked.
  std::string recipient;
  /// Outbound policy (design §3): allow private / loopback / link-local targets, and plain
  /// http towards them only. Default: false.
  bool allow_private_network = false;

  /// Largest input (file, image, fetched badge body). Default: 32 MiB.
  std::size_t max_input_bytes = 32u << 20;
  /// Largest credential JSON or JWS text (a baked payload, a VC-JWT, an OB 2.0 JWS).
  /// Default: 8 MiB.
  std::size_t max_json_bytes = 8u << 20;
  /// Nesting limit of every JSON text parsed (credential, JWT payload, fetched document;
  /// strict_json.h). Default: 64.
  std::size_t max_json_depth = 64;
  /// Largest document fetched (status lists, keys and JWKS, OB 2.0 BadgeClass / issuer /
  /// revocation list). Default: 2 MiB.
  std::size_t max_document_bytes = 2u << 20;

  /// Proofs of one document at most (a Data Integrity proof set or chain), and entries of
  /// one `previousProof` at most. Each proof costs a canonicalisation of its proof options
  /// and, in a chain, of the document with the proofs it names; beyond the limit no proof
  /// is checked and the document is refused with `proof.too_many` (a `previousProof` too
  /// long fails its proof the same way). Default: 16 (credentials carry one or two).
  std::size_t max_proofs = 16;
  /// RDF quads of one document at most, when a proof canonicalises it (Data Integrity
  /// with RDFC-1.0: the document and each proof configuration). JSON-LD expansion counts
  /// the values it builds against the same budget, so an oversized document is refused
  /// early: the proof fails with `jsonld.max_quads` in its evidence. Memory grows by about
  /// 700 bytes per quad (1,000,000 quads: 740 MB). Default: 100,000 (an Open Badge has
  /// about a hundred; a large CLR a few thousand).
  std::size_t max_quads = 100000;

  /// Deadline of one fetch, redirects included. Default: 15 s.
  std::chrono::milliseconds fetch_timeout{15000};
  /// Redirects followed at most by one fetch. Default: 5.
  int max_redirects = 5;
  /// Documents fetched at most for one verification (the fetch budget). Default: 12.
  int max_fetches = 12;

  /// Limits for a credential text (JSON or JWS payload): max_json_bytes, max_json_depth.
  [[nodiscard]] JsonLimits json_limits() const { return {max_json_bytes, max_json_depth}; }
  /// Limits for a fetched document: max_document_bytes, max_json_depth.
  [[nodiscard]] JsonLimits document_limits() const {
    return {max_document_bytes, max_json_depth};
  }

  /// `now` when set, else the system clock (whole seconds).
  [[nodiscard]] std::chrono::sys_seconds instant() const {
    return now ? *now
               : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

}  // namespace ecusson::credentials
