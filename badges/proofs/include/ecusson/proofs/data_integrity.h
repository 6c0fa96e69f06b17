// Data Integrity proofs (W3C VC Data Integrity 1.0 + EdDSA Cryptosuites 1.0): creating and
// verifying the embedded `proof` of a credential.
//
// Creation signs with an Ed25519 Key (key.h) through a Cryptosuite (cryptosuite.h):
// `eddsa-rdfc-2022` (what Open Badges 3.0 certification requires) or `eddsa-jcs-2022`;
// `proofValue` = "z" + base58btc(64-byte signature).
// Verification handles one proof or a proof set/chain (`previousProof`): each proof is
// checked independently and reported; the document is verified when at least one proof
// (and every proof its chain references) passes every check. A document with more than
// VerificationPolicy::max_proofs proofs is refused as a whole (`proof.too_many`); the
// proofs of a set share one canonical form of the document (transformed and hashed once),
// and the chain check is linear in the number of references. Per proof, in order:
// suite support (`proof.unsupported`), JSON-LD contexts (`structure.context`), key
// resolution through a KeyResolver (`key.resolution`; did:key resolved locally), the
// signature (`proof.signature`), the purpose (`proof.purpose`, assertionMethod), and the
// issuer binding: the key must be one the credential's issuer publishes (issuer_binding.h)
// (`key.issuer_binding`). Verify-only legacy suites: `eddsa-2022`, `Ed25519Signature2020`.
//
// Free functions; thread-safe as long as the loader and resolver are (the bundled loader
// and LocalKeyResolver are, once filled).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/fwd.hpp>

#include "ecusson/crypto/key.h"
#include "ecusson/crypto/key_resolver.h"
#include "ecusson/proofs/proof_options.h"
#include "ecusson/credentials/verification_policy.h"
#include "ecusson/credentials/verification_result.h"
#include "ecusson/result.h"

namespace ecusson::proofs {

/// Creates a proof over `unsecured` (its `proof` member, if any, is ignored: the new proof
/// stands alone, as in a proof set) and returns the proof object, proofValue included.
/// `key` must be an Ed25519 private key. Failures: "proof.key" (not Ed25519, no private
/// part), "proof.unsupported" (unknown or verify-only cryptosuite), "proof.config" (bad
/// `created`), "structure.context" (a context that is not bundled), "jsonld.*",
/// "rdfc.work_limit", "key.sign".
/// Example:
///   auto key = Key::generate(KeyType::ed25519);
///   auto proof = create_data_integrity_proof(credential, *key, {});
[[nodiscard]] Result<boost::json::object> create_data_integrity_proof(
    const boost::json::object& unsecured, const crypto::Key& key, const ProofOptions& options = {});

/// Returns a copy of `document` secured with a new proof. If the document already has a
/// proof, the new one joins it in a proof set (`proof` becomes an array). Same failures as
/// create_data_integrity_proof().
/// Example: `auto signed_vc = add_data_integrity_proof(credential, *key, {});`
[[nodiscard]] Result<boost::json::object> add_data_integrity_proof(
    const boost::json::object& document, const crypto::Key& key, const ProofOptions& options = {});

/// The verifier's options: the shared VerificationPolicy (verification_policy.h; this
/// verifier reads max_proofs and max_quads) plus its own fields.
struct DataIntegrityVerifyOptions : credentials::VerificationPolicy {
  // Not an aggregate: `= {}` default arguments then run the member initializers (GCC 12
  // otherwise warns -Wmaybe-uninitialized on the policy's strings).
  DataIntegrityVerifyOptions() = default;

  /// Source of JSON-LD contexts (null: bundled_document_loader()). Must outlive the call.
  const rdf::DocumentLoader* loader = nullptr;
  /// Resolves verification methods to keys and controllers (did:web, https keys…). Null:
  /// only did:key is resolved (locally). Must outlive the call.
  crypto::KeyResolver* resolver = nullptr;
  /// The purpose the verifier expects (credentials: "assertionMethod").
  std::string expected_purpose = "assertionMethod";
  /// RDFC-1.0 options (the work limit stops poison documents).
  rdf::RdfcOptions rdfc;
};

/// The verdict on one proof of a document.
struct ProofReport {
  std::size_t index = 0;  // position in the `proof` array (0 for a single proof)
  std::string type;
  std::string cryptosuite;
  std::string verification_method;
  std::string controller;  // of the resolved key, when resolved
  /// This proof's checks, in order (codes as listed in the file comment).
  std::vector<credentials::Check> checks;
  /// Every check passed (and every proof named by `previousProof` is valid).
  bool valid = false;
};

struct DataIntegrityReport {
  /// False when the document has no `proof` member at all.
  bool has_proof = false;
  /// Set when the document is refused as a whole before any proof is checked
  /// (`proof.too_many`); `proofs` is then empty.
  std::optional<credentials::Check> refusal;
  std::vector<ProofReport> proofs;
  /// At least one proof is valid.
  bool verified = false;
};

/// Verifies every embedded proof of `secured` (see the file comment).
/// Example:
///   DataIntegrityVerifyOptions o;
///   o.resolver = &resolver;
///   auto report = verify_data_integrity(credential, o);
DataIntegrityReport verify_data_integrity(const boost::json::object& secured,
                                          const DataIntegrityVerifyOptions& options = {});

/// The verification pipeline's seam: appends the proof.* / key.* / structure.context checks
/// of verify_data_integrity() to `result`. With a valid proof, that proof's checks are
/// appended as they are and the other proofs' failures become warnings (one valid proof
/// suffices); with none, every proof's checks are appended. No proof at all gives a failed
/// `proof.missing`; too many, a failed `proof.too_many`. Each check's evidence names the proof ("proof[1] did:key:…").
void append_data_integrity_checks(const boost::json::object& secured,
                                  const DataIntegrityVerifyOptions& options,
                                  credentials::VerificationResult& result);

}  // namespace ecusson::proofs
