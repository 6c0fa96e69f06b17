// Data Integrity: Verify Proof (VC DI §4.4) and Verify Proof Sets and Chains (§4.5), with
// the EdDSA cryptosuites' Verify Proof algorithms (vc-di-eddsa §3.2.2, §3.3.2, §A.2.1.2),
// the assertionMethod purpose and the issuer binding (issuer_binding.h: the key is one the
// issuer publishes).
#include <map>
#include <unordered_map>

#include <boost/json.hpp>

#include "ecusson/credentials/credential_view.h"
#include "ecusson/proofs/data_integrity.h"
#include "ecusson/proofs/issuer_binding.h"
#include "ecusson/common/digest.h"
#include "ecusson/crypto/multibase.h"

namespace ecusson::proofs {

using credentials::Check;
using credentials::CheckStatus;
using credentials::VerificationResult;
using credentials::issuer_id_of;
using crypto::Key;
using crypto::KeyResolver;
using crypto::KeyType;
using crypto::LocalKeyResolver;
using crypto::multibase_decode;
namespace {

namespace json = boost::json;

std::string str(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

class ProofVerifier {
 public:
  ProofVerifier(const json::object& secured, const DataIntegrityVerifyOptions& options)
      : secured_(secured), options_(options), issuer_(issuer_id_of(secured)) {
    if (const auto* p = secured.if_contains("proof")) {
      if (p->is_array()) {
        for (const auto& e : p->get_array()) all_.push_back(e);
      } else {
        all_.push_back(*p);
      }
    }
  }

  DataIntegrityReport run() {
    DataIntegrityReport report;
    report.has_proof = secured_.contains("proof");
    if (all_.size() > options_.max_proofs) {
      const std::string n = std::to_string(all_.size()), max = std::to_string(options_.max_proofs);
      report.refusal = Check{"proof.too_many", CheckStatus::failed,
                             n + " preuves, plus que la limite de " + max + " : aucune n'est vérifiée",
                             n + " proofs, more than the limit of " + max + ": none is checked",
                             "max_proofs = " + max};
      return report;
    }
    for (std::size_t i = 0; i < all_.size(); ++i) {
      if (all_[i].is_object()) {
        const std::string id = str(all_[i].get_object(), "id");
        if (!id.empty()) ids_.try_emplace(id, i);  // the first proof with an id
      }
    }
    for (std::size_t i = 0; i < all_.size(); ++i) report.proofs.push_back(verify_one(i));
    // A proof of a chain counts only if every proof it names is valid (§4.5 note): the
    // invalidity of a proof propagates to the proofs naming it, each reference followed
    // once (linear in the references, cycles included).
    std::vector<std::vector<std::size_t>> named_by(all_.size());
    for (std::size_t i = 0; i < previous_.size(); ++i) {
      for (std::size_t ref : previous_[i]) named_by[ref].push_back(i);
    }
    std::vector<std::size_t> invalid;
    for (std::size_t i = 0; i < report.proofs.size(); ++i) {
      if (!report.proofs[i].valid) invalid.push_back(i);
    }
    while (!invalid.empty()) {
      const std::size_t ref = invalid.back();
      invalid.pop_back();
      for (std::size_t i : named_by[ref]) {
        if (!report.proofs[i].valid) continue;
        report.proofs[i].valid = false;
        report.proofs[i].checks.push_back({"proof.signature", CheckStatus::failed,
                                           "une preuve précédente de la chaîne est invalide",
                                           "a previous proof of the chain is invalid", label(i)});
        invalid.push_back(i);
      }
    }
    for (const auto& p : report.proofs) report.verified = report.verified || p.valid;
    return report;
  }

 private:
  std::string label(std::size_t i) const {
    std::string l = "proof[" + std::to_string(i) + "]";
    if (i < all_.size() && all_[i].is_object()) {
      const std::string vm = str(all_[i].get_object(), "verificationMethod");
      if (!vm.empty()) l += " " + vm;
    }
    return l;
  }

  void add(ProofReport& r, std::string code, CheckStatus st, std::string fr, std::string en,
           std::string detail = {}) {
    std::string ev = label(r.index);
    if (!detail.empty()) ev += ": " + detail;
    r.checks.push_back({std::move(code), st, std::move(fr), std::move(en), std::move(ev)});
  }

  ProofReport verify_one(std::size_t i) {
    ProofReport r;
    r.index = i;
    previous_.emplace_back();
    if (!all_[i].is_object()) {
      add(r, "proof.unsupported", CheckStatus::failed, "preuve mal formée (pas un objet JSON)",
          "malformed proof (not a JSON object)");
      return r;
    }
    const json::object& proof = all_[i].get_object();
    r.type = str(proof, "type");
    r.cryptosuite = str(proof, "cryptosuite");
    r.verification_method = str(proof, "verificationMethod");
    const Cryptosuite* suite = find_cryptosuite(r.type, r.cryptosuite);
    if (!suite) {
      add(r, "proof.unsupported", CheckStatus::failed,
          "type de preuve non pris en charge : " + r.type + " " + r.cryptosuite,
          "unsupported proof type: " + r.type + " " + r.cryptosuite);
      return r;
    }
    const std::string purpose = str(proof, "proofPurpose");
    const std::string value = str(proof, "proofValue");
    if (r.verification_method.empty() || purpose.empty() || value.empty()) {
      add(r, "proof.signature", CheckStatus::failed,
          "preuve incomplète (verificationMethod, proofPurpose ou proofValue manquant)",
          "incomplete proof (verificationMethod, proofPurpose or proofValue missing)");
      return r;
    }

    // The signature: base58btc multibase of 64 bytes.
    std::string signature;
    std::string signature_problem;
    if (value[0] != 'z') {
      signature_problem = "proofValue n'est pas en base58btc ('z…') / proofValue is not base58btc";
    } else if (auto bytes = multibase_decode(value); !bytes) {
      signature_problem = bytes.error().message;
    } else if (bytes->size() != 64) {
      signature_problem = "signature de " + std::to_string(bytes->size()) + " octets / bytes, 64 attendus / expected";
    } else {
      signature = std::move(*bytes);
    }

    // The document this proof covers: without `proof`, or with the proofs it chains to.
    std::string chain_problem;
    std::string chain_key;  // the proofs named, "" for none: which document is covered
    if (const auto* prev = proof.if_contains("previousProof")) {
      const std::size_t named = prev->is_array() ? prev->get_array().size() : 1;
      if (named > options_.max_proofs) {
        add(r, "proof.too_many", CheckStatus::failed,
            "previousProof nomme " + std::to_string(named) + " preuves, plus que la limite de " +
                std::to_string(options_.max_proofs),
            "previousProof names " + std::to_string(named) + " proofs, more than the limit of " +
                std::to_string(options_.max_proofs));
        return r;
      }
      auto match = [&](const json::value& idv) {
        if (!idv.is_string()) return false;
        auto it = ids_.find(std::string(idv.get_string()));
        if (it == ids_.end()) return false;
        previous_[i].push_back(it->second);
        chain_key += std::to_string(it->second);
        chain_key += ',';
        return true;
      };
      bool ok = true;
      if (prev->is_array()) {
        for (const auto& idv : prev->get_array()) ok = match(idv) && ok;
      } else {
        ok = match(*prev);
      }
      if (!ok) chain_problem = "previousProof introuvable / previousProof not found";
      chain_key += ']';  // a chain naming no proof still covers `"proof": []`
    }

    SuiteOptions so{options_.loader, options_.rdfc, {}};
    so.jsonld.max_quads = options_.max_quads;
    std::string hash_data;
    Error data_error;
    bool data_ok = false;
    if (auto config = suite->canonical_proof_config(document(i, chain_key), proof, so); !config) {
      data_error = config.error();
    } else if (const auto& doc_hash = document_hash(*suite, proof, i, chain_key, so); !doc_hash) {
      data_error = doc_hash.error();
    } else {
      hash_data = sha256(*config) + *doc_hash;
      data_ok = true;
    }
    if (!data_ok) {
      const Error& e = data_error;
      if (e.code == "structure.context") {
        add(r, "structure.context", CheckStatus::failed,
            "contexte JSON-LD inconnu (non embarqué) : " + e.message,
            "unknown JSON-LD context (not bundled): " + e.message, e.where);
      }
    }

    // Key resolution.
    Key key;
    bool key_ok = false;
    auto resolved = resolver().resolve(r.verification_method);
    if (!resolved) {
      add(r, "key.resolution", CheckStatus::failed,
          "impossible de résoudre la clé de vérification : " + resolved.error().message,
          "cannot resolve the verification key: " + resolved.error().message,
          resolved.error().code);
    } else {
      r.controller = resolved->controller;
      key = std::move(resolved->key);
      key_ok = true;
      add(r, "key.resolution", CheckStatus::passed, "clé de vérification trouvée",
          "verification key found", "controller " + r.controller);
    }

    // Signature.
    const std::string suite_name = r.cryptosuite.empty() ? r.type : r.cryptosuite;
    if (!data_ok && data_error.code != "structure.context") {
      add(r, "proof.signature", CheckStatus::failed,
          "impossible de calculer les données signées : " + data_error.message,
          "cannot compute the signed data: " + data_error.message, data_error.code);
    } else if (!signature_problem.empty()) {
      add(r, "proof.signature", CheckStatus::failed, "valeur de preuve illisible : " + signature_problem,
          "unreadable proof value: " + signature_problem);
    } else if (!chain_problem.empty()) {
      add(r, "proof.signature", CheckStatus::failed, "chaîne de preuves incohérente : " + chain_problem,
          "inconsistent proof chain: " + chain_problem);
    } else if (!data_ok || !key_ok) {
      add(r, "proof.signature", CheckStatus::skipped, "signature non vérifiée (clé ou contexte manquant)",
          "signature not checked (key or context missing)");
    } else if (key.type() != KeyType::ed25519) {
      add(r, "proof.signature", CheckStatus::failed,
          std::string("la clé n'est pas Ed25519 (") + to_string(key.type()) + ")",
          std::string("the key is not Ed25519 (") + to_string(key.type()) + ")");
    } else if (key.verify(hash_data, signature)) {
      add(r, "proof.signature", CheckStatus::passed, "signature valide (" + suite_name + ")",
          "valid signature (" + suite_name + ")");
    } else {
      add(r, "proof.signature", CheckStatus::failed,
          "signature invalide : le document a été modifié ou la clé ne correspond pas",
          "invalid signature: the document was altered or the key does not match", suite_name);
    }

    // Purpose.
    if (purpose == options_.expected_purpose) {
      add(r, "proof.purpose", CheckStatus::passed, "objet de la preuve : " + purpose, "proof purpose: " + purpose);
    } else {
      add(r, "proof.purpose", CheckStatus::failed,
          "objet de la preuve inattendu : " + purpose + " (attendu : " + options_.expected_purpose + ")",
          "unexpected proof purpose: " + purpose + " (expected " + options_.expected_purpose + ")");
    }

    // Issuer binding: the key must be one the issuer publishes (issuer_binding.h).
    if (!key_ok) {
      add(r, "key.issuer_binding", CheckStatus::skipped, "lien clé-émetteur non vérifié (clé non résolue)",
          "key-issuer binding not checked (key not resolved)");
    } else {
      IssuerBinding b = bind_key_to_issuer(issuer_, key, resolver());
      add(r, "key.issuer_binding", b.status, b.message, b.message_en,
          b.evidence.empty() ? "controller " + r.controller : b.evidence);
    }

    r.valid = true;
    for (const auto& c : r.checks) r.valid = r.valid && c.status == CheckStatus::passed;
    return r;
  }

  KeyResolver& resolver() { return options_.resolver ? *options_.resolver : local_; }

  /// The document proof `i` covers: the secured document without `proof`, shared by every
  /// proof of a set, or with `proof` = the proofs a chain names (one per distinct chain).
  const json::value& document(std::size_t i, const std::string& chain_key) {
    auto [it, inserted] = documents_.try_emplace(chain_key);
    if (inserted) {
      json::object doc;
      doc.reserve(secured_.size());
      for (const auto& kv : secured_) {
        if (kv.key() != "proof") doc.emplace(kv.key(), kv.value());
      }
      if (!chain_key.empty()) {
        json::array matching;
        for (std::size_t k : previous_[i]) matching.push_back(all_[k]);
        doc.emplace("proof", std::move(matching));
      }
      it->second = std::move(doc);
    }
    return it->second;
  }

  /// SHA-256 of the canonical form of document(i, chain_key) for this suite and proof:
  /// computed once per (document, Cryptosuite::transformation_key), failures included.
  const Result<std::string>& document_hash(const Cryptosuite& suite, const json::object& proof,
                                           std::size_t i, const std::string& chain_key,
                                           const SuiteOptions& so) {
    auto key = std::make_pair(chain_key, suite.transformation_key(proof));
    auto it = hashes_.find(key);
    if (it == hashes_.end()) {
      auto canonical = suite.canonical_document(document(i, chain_key), proof, so);
      Result<std::string> hash = canonical ? Result<std::string>(sha256(*canonical))
                                           : Result<std::string>(canonical.error());
      it = hashes_.emplace(std::move(key), std::move(hash)).first;
    }
    return it->second;
  }

  const json::object& secured_;
  const DataIntegrityVerifyOptions& options_;
  std::string issuer_;
  std::vector<json::value> all_;
  std::vector<std::vector<std::size_t>> previous_;  // proof → proofs it chains to
  std::unordered_map<std::string, std::size_t> ids_;  // proof id → first proof with it
  std::map<std::string, json::value> documents_;       // chain key → covered document
  std::map<std::pair<std::string, std::string>, Result<std::string>> hashes_;
  LocalKeyResolver local_;
};

}  // namespace

DataIntegrityReport verify_data_integrity(const json::object& secured,
                                          const DataIntegrityVerifyOptions& options) {
  return ProofVerifier(secured, options).run();
}

void append_data_integrity_checks(const json::object& secured,
                                  const DataIntegrityVerifyOptions& options,
                                  VerificationResult& result) {
  const DataIntegrityReport report = verify_data_integrity(secured, options);
  if (report.refusal) {
    result.checks.push_back(*report.refusal);
    return;
  }
  if (!report.has_proof || report.proofs.empty()) {
    result.add("proof.missing", CheckStatus::failed, "le justificatif n'a pas de preuve intégrée",
               "the credential has no embedded proof");
    return;
  }
  const ProofReport* chosen = nullptr;
  for (const auto& p : report.proofs) {
    if (p.valid) {
      chosen = &p;
      break;
    }
  }
  if (chosen) {
    for (const auto& c : chosen->checks) result.checks.push_back(c);
  }
  for (const auto& p : report.proofs) {
    if (&p == chosen) continue;
    for (Check c : p.checks) {
      if (chosen && c.status == CheckStatus::failed) {
        // One valid proof suffices: the others' problems are reported, not fatal.
        c.status = CheckStatus::warning;
        c.message = "preuve ignorée, une autre est valide : " + c.message;
        c.message_en = "proof ignored, another one is valid: " + c.message_en;
      }
      result.checks.push_back(std::move(c));
    }
  }
}

}  // namespace ecusson::proofs
