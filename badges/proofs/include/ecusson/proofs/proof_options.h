// ProofOptions: how to create a Data Integrity proof (style C9: defaults set in place).
//
// The defaults give what Open Badges 3.0 certification expects: a `DataIntegrityProof`
// with cryptosuite `eddsa-rdfc-2022`, purpose `assertionMethod`, `created` = now, and the
// signing key's did:key verification method. Plain value type; thread-compatible.
#pragma once

#include <string>

#include "ecusson/proofs/cryptosuite.h"
#include "ecusson/rdf/document_loader.h"
#include "ecusson/rdf/rdfc.h"

namespace ecusson::proofs {

struct ProofOptions {
  /// "eddsa-rdfc-2022" (default) or "eddsa-jcs-2022".
  std::string cryptosuite = "eddsa-rdfc-2022";
  /// The key's id as verifiers will resolve it ("did:web:…#key-1", "https://…#key-1").
  /// Empty: the did:key verification method of the signing key ("did:key:z…#z…").
  std::string verification_method;
  std::string proof_purpose = "assertionMethod";
  /// xsd:dateTime of the proof. Empty: the current UTC time, whole seconds ("…Z").
  std::string created;
  /// Optional proof `id` (a URI, e.g. "urn:uuid:…"), useful in proof sets and chains.
  std::string id;
  /// Source of JSON-LD contexts (null: bundled_document_loader()). Must outlive the call.
  const rdf::DocumentLoader* loader = nullptr;
  /// RDFC-1.0 options (work limit).
  rdf::RdfcOptions rdfc;

  SuiteOptions suite_options() const { return SuiteOptions{loader, rdfc, {}}; }
};

}  // namespace ecusson::proofs
