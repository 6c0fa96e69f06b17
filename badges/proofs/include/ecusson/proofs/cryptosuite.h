// Cryptosuite: the suite-specific half of a Data Integrity proof (style C11).
//
// A Cryptosuite turns an unsecured document and a proof configuration into the bytes that
// are signed ("hashData"): Transformation (RDFC-1.0 of the document's RDF, or JCS of its
// JSON), Proof Configuration (the proof options without proofValue, with the document's
// `@context`), and Hashing (SHA-256(canonical proof config) ‖ SHA-256(canonical document),
// 64 bytes). The signature itself is pure Ed25519 over hashData for every suite here
// (W3C Data Integrity EdDSA Cryptosuites v1.0).
//
// Suites: `DataIntegrityProof` with `eddsa-rdfc-2022` and `eddsa-jcs-2022` (create and
// verify), and verify-only legacy forms `DataIntegrityProof`/`eddsa-2022` (the draft name
// of eddsa-rdfc-2022) and `Ed25519Signature2020` (ED §A).
// Suites are immutable singletons: thread-safe.
#pragma once

#include <string>
#include <string_view>

#include <boost/json/fwd.hpp>

#include "ecusson/rdf/document_loader.h"
#include "ecusson/rdf/jsonld.h"
#include "ecusson/rdf/rdfc.h"
#include "ecusson/result.h"

namespace ecusson::proofs {

/// What a suite's transformation needs from the outside world.
struct SuiteOptions {
  /// Source of JSON-LD contexts (never the network). Null: bundled_document_loader().
  /// Must outlive the call.
  const rdf::DocumentLoader* loader = nullptr;
  /// RDFC-1.0 options (work limit against poison documents).
  rdf::RdfcOptions rdfc;
  /// JSON-LD limits of the RDFC suites' toRdf (a verifier sets max_quads from its
  /// VerificationPolicy). Default: JsonLdLimits' defaults.
  rdf::JsonLdLimits jsonld;
};

/// The intermediate and final values of the suite's algorithms (exposed for the W3C test
/// vectors and for diagnostics).
struct VerifyData {
  std::string canonical_proof_config;  // RDFC N-Quads or JCS text
  std::string canonical_document;      // RDFC N-Quads or JCS text
  std::string hash_data;               // 64 bytes: SHA-256(proof config) ‖ SHA-256(document)
};

class Cryptosuite {
 public:
  virtual ~Cryptosuite() = default;

  /// The proof `type` ("DataIntegrityProof", "Ed25519Signature2020").
  virtual std::string_view proof_type() const = 0;
  /// The `cryptosuite` value ("eddsa-rdfc-2022"…), empty for Ed25519Signature2020.
  virtual std::string_view name() const = 0;
  /// False for legacy suites Ecusson only verifies.
  virtual bool can_create() const = 0;

  /// Transformation, Proof Configuration and Hashing: canonical_proof_config(),
  /// canonical_document(), then SHA-256 of each.
  /// `unsecured` is the document (a JSON object; taken as a value so that the JSON-LD
  /// processor reads it without a copy) without `proof`, or with `proof` = the previous
  /// proofs of a chain; `proof_options` is the proof (`proofValue` is ignored).
  /// Failures: "proof.config" (type/cryptosuite mismatch, `created` not an xsd:dateTime,
  /// a proof `@context` that is not a prefix of the document's), the JSON-LD processor's
  /// codes ("structure.context" for a context that is not bundled, "jsonld.*"),
  /// "rdfc.work_limit".
  /// Example: `auto data = suite->create_verify_data(doc, proof, {});`
  [[nodiscard]] Result<VerifyData> create_verify_data(const boost::json::value& unsecured,
                                                      const boost::json::object& proof_options,
                                                      const SuiteOptions& options) const;

  /// Proof Configuration alone: the canonical proof options (without `proofValue`, with
  /// the document's `@context` where the suite binds it). Failures: "proof.config" and the
  /// transformation's codes, as create_verify_data().
  [[nodiscard]] virtual Result<std::string> canonical_proof_config(
      const boost::json::value& unsecured, const boost::json::object& proof_options,
      const SuiteOptions& options) const = 0;

  /// Transformation alone: the canonical form of `unsecured` for a proof with these
  /// options. Failures: as create_verify_data() (not the type/cryptosuite checks).
  [[nodiscard]] virtual Result<std::string> canonical_document(
      const boost::json::value& unsecured, const boost::json::object& proof_options,
      const SuiteOptions& options) const = 0;

  /// Names what canonical_document() depends on besides the document: two proofs (of any
  /// suites) with equal keys get the same canonical form of the same document, so a
  /// verifier of a proof set transforms and hashes it once ("rdfc" for every RDFC-1.0
  /// suite; eddsa-jcs-2022: "jcs" and the proof's `@context`).
  virtual std::string transformation_key(const boost::json::object& proof_options) const = 0;
};

/// The suite for a proof's `type` and `cryptosuite` (empty when absent), or nullptr when
/// Ecusson does not support that combination.
/// Example: `find_cryptosuite("DataIntegrityProof", "eddsa-rdfc-2022")->can_create()`.
const Cryptosuite* find_cryptosuite(std::string_view type, std::string_view cryptosuite);

/// True when `s` is a valid xsd:dateTime lexical form (XML Schema 1.1 part 2, §3.3.7):
/// YYYY-MM-DDThh:mm:ss[.fff][Z|(+|-)hh:mm].
bool is_xsd_date_time(std::string_view s);

}  // namespace ecusson::proofs
