// Data Integrity: Add Proof (VC DI §4.2, §4.3 proof sets) with the EdDSA cryptosuites'
// Create Proof algorithms (vc-di-eddsa §3.2.1, §3.3.1).
#include <chrono>
#include <ctime>
#include <optional>

#include <boost/json.hpp>

#include "ecusson/proofs/data_integrity.h"
#include "ecusson/crypto/did.h"
#include "ecusson/crypto/multibase.h"

namespace ecusson::proofs {

using crypto::Key;
using crypto::KeyType;
using crypto::did_key_verification_method;
using crypto::multibase_base58btc;
namespace {

namespace json = boost::json;

std::string now_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

namespace {

// Creates the proof for `unsecured` (a JSON object without `proof`).
Result<json::object> make_proof(const json::value& unsecured, const Key& key,
                                const ProofOptions& options) {
  if (key.empty() || key.type() != KeyType::ed25519 || !key.has_private()) {
    return fail("proof.key",
                "une clé privée Ed25519 est nécessaire / an Ed25519 private key is required");
  }
  const Cryptosuite* suite = find_cryptosuite("DataIntegrityProof", options.cryptosuite);
  if (!suite || !suite->can_create()) {
    return fail("proof.unsupported",
                "cryptosuite non prise en charge pour signer / cryptosuite not supported for "
                "signing: " + options.cryptosuite);
  }
  std::string vm = options.verification_method;
  if (vm.empty()) {
    auto k = did_key_verification_method(key);
    if (!k) return k.error();
    vm = std::move(*k);
  }

  // Step 1: proof = clone of the options (member order as in the W3C test vectors).
  json::object proof;
  proof["type"] = "DataIntegrityProof";
  if (!options.id.empty()) proof["id"] = options.id;
  proof["cryptosuite"] = options.cryptosuite;
  proof["created"] = options.created.empty() ? now_utc() : options.created;
  proof["verificationMethod"] = vm;
  proof["proofPurpose"] = options.proof_purpose;
  // eddsa-jcs-2022 §3.3.1 step 2: the proof carries the document's @context.
  if (suite->name() == "eddsa-jcs-2022") {
    if (const auto* ctx = unsecured.get_object().if_contains("@context")) proof["@context"] = *ctx;
  }

  auto data = suite->create_verify_data(unsecured, proof, options.suite_options());
  if (!data) return data.error();
  auto sig = key.sign(data->hash_data);  // Proof Serialization: pure Ed25519
  if (!sig) return sig.error();
  proof["proofValue"] = multibase_base58btc(*sig);
  return proof;
}

}  // namespace

Result<json::object> create_data_integrity_proof(const json::object& unsecured_in, const Key& key,
                                                 const ProofOptions& options) {
  json::value unsecured(unsecured_in);
  unsecured.get_object().erase("proof");
  return make_proof(unsecured, key, options);
}

Result<json::object> add_data_integrity_proof(const json::object& document, const Key& key,
                                              const ProofOptions& options) {
  // One copy of the document: it is signed without its proofs, then becomes the output.
  json::value doc(document);
  json::object& obj = doc.get_object();
  std::optional<json::value> existing;
  if (auto it = obj.find("proof"); it != obj.end()) {
    existing = std::move(it->value());
    obj.erase(it);
  }
  auto proof = make_proof(doc, key, options);
  if (!proof) return proof.error();
  if (existing) {
    json::array all;
    if (existing->is_array()) {
      all = std::move(existing->get_array());
    } else {
      all.push_back(std::move(*existing));
    }
    all.push_back(std::move(*proof));
    obj["proof"] = std::move(all);
  } else {
    obj["proof"] = std::move(*proof);
  }
  return std::move(obj);
}

}  // namespace ecusson::proofs
