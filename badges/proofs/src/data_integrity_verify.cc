// Data Integrity: Verify Proof (VC DI §4.4) and Verify Proof Sets and Chains (§4.5), with
// the EdDSA cryptosuites' Verify Proof algorithms (vc-di-eddsa §3.2.2, §3.3.2, §A.2.1.2),
// the assertionMethod purpose and the issuer binding (issuer_binding.h: the key is one the
// issuer publishes).
#include <boost/json.hpp>

#include "ecusson/credentials/credential_view.h"
#include "ecusson/proofs/data_integrity.h"
#include "ecusson/proofs/issuer_binding.h"
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
    for (std::size_t i = 0; i < all_.size(); ++i) report.proofs.push_back(verify_one(i));
    // A proof of a chain counts only if every proof it names is valid (§4.5 note).
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t i = 0; i < report.proofs.size(); ++i) {
        if (!report.proofs[i].valid) continue;
        for (std::size_t ref : previous_[i]) {
          if (!report.proofs[ref].valid) {
            report.proofs[i].valid = false;
            report.proofs[i].checks.push_back(
                {"proof.signature", CheckStatus::failed,
                 "une preuve précédente de la chaîne est invalide",
                 "a previous proof of the chain is invalid", label(i)});
            changed = true;
            break;
          }
        }
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
    json::value unsecured_v(secured_);  // the one copy: the proof must go
    json::object& unsecured = unsecured_v.get_object();
    unsecured.erase("proof");
    std::string chain_problem;
    if (const auto* prev = proof.if_contains("previousProof")) {
      json::array matching;
      auto match = [&](const json::value& idv) {
        for (std::size_t k = 0; k < all_.size(); ++k) {
          if (all_[k].is_object() && idv.is_string() && str(all_[k].get_object(), "id") == idv.get_string()) {
            matching.push_back(all_[k]);
            previous_[i].push_back(k);
            return true;
          }
        }
        return false;
      };
      bool ok = true;
      if (prev->is_array()) {
        for (const auto& idv : prev->get_array()) ok = match(idv) && ok;
      } else {
        ok = match(*prev);
      }
      if (!ok) chain_problem = "previousProof introuvable / previousProof not found";
      unsecured["proof"] = std::move(matching);
    }

    json::object options = proof;
    options.erase("proofValue");
    SuiteOptions so{options_.loader, options_.rdfc};
    auto data = suite->create_verify_data(unsecured_v, options, so);
    bool data_ok = data.has_value();
    if (!data_ok) {
      const Error& e = data.error();
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
    if (!data_ok && data.error().code != "structure.context") {
      add(r, "proof.signature", CheckStatus::failed,
          "impossible de calculer les données signées : " + data.error().message,
          "cannot compute the signed data: " + data.error().message, data.error().code);
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
    } else if (key.verify(data->hash_data, signature)) {
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

  const json::object& secured_;
  const DataIntegrityVerifyOptions& options_;
  std::string issuer_;
  std::vector<json::value> all_;
  std::vector<std::vector<std::size_t>> previous_;  // proof → proofs it chains to
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
