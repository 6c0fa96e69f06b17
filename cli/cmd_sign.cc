// `ecusson sign UNSIGNED.json --key KEY.pem --proof vc-jwt|eddsa-rdfc-2022|eddsa-jcs-2022`:
// secure a credential document as it is, with the issuer bound to the key (design §3).
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "command.h"
#include "ecusson/proofs/data_integrity.h"
#include "ecusson/crypto/did.h"
#include "ecusson/crypto/key.h"
#include "ecusson/proofs/signing_identity.h"
#include "ecusson/common/strict_json.h"
#include "ecusson/proofs/vc_jwt.h"
#include "output.h"

namespace ecusson::cli {
namespace {

namespace json = boost::json;

struct SignOptions {
  std::string input;
  std::string key_file;
  std::string proof;
  std::string verification_method;
  std::string out;
  bool issuer_from_key = false;
};

std::string T(const Context& ctx, std::string_view fr, std::string_view en) {
  return std::string(tr(ctx.lang, fr, en));
}

int usage_error(const Context& ctx, const std::string& what) {
  std::cerr << T(ctx, "erreur : ", "error: ") << what << "\n";
  return kExitUnusable;
}

// Writes `text` to `path`, or to stdout when path is empty or "-".
int write_signed(const Context& ctx, const std::string& path, const std::string& text) {
  if (!write_output(path, text))
    return usage_error(ctx, path + T(ctx, " : écriture impossible", ": cannot write"));
  if (path.empty() || path == "-") return kExitOk;
  std::cerr << T(ctx, "Credential signé écrit dans ", "Signed credential written to ") << path
            << "\n";
  return kExitOk;
}

std::string issuer_of(const json::object& doc) {
  const json::value* issuer = doc.if_contains("issuer");
  if (issuer == nullptr) return {};
  if (issuer->is_string()) return std::string(issuer->get_string());
  if (issuer->is_object())
    if (const json::value* id = issuer->get_object().if_contains("id"); id && id->is_string())
      return std::string(id->get_string());
  return {};
}

int sign_vc_jwt(const Context& ctx, const SignOptions& o, const json::object& doc,
                const crypto::Key& key) {
  proofs::VcJwtSignOptions opt;
  opt.kid = o.verification_method;
  auto jwt = proofs::sign_vc_jwt(doc, key, opt);
  if (!jwt) return usage_error(ctx, jwt.error().to_string());
  return write_signed(ctx, o.out, *jwt + "\n");
}

// Embedded proof (eddsa-rdfc-2022 or eddsa-jcs-2022, Ed25519 keys only). A document that
// already has proofs gets one more (a proof set).
int sign_data_integrity(const Context& ctx, const SignOptions& o, const json::object& doc,
                        const crypto::Key& key) {
  if (key.type() != crypto::KeyType::ed25519) {
    return usage_error(ctx, o.key_file + T(ctx, " : la preuve " + o.proof + " exige une clé Ed25519",
                                           ": proof " + o.proof + " needs an Ed25519 key"));
  }
  proofs::ProofOptions po;
  po.cryptosuite = o.proof;
  po.verification_method = o.verification_method;
  auto secured = proofs::add_data_integrity_proof(doc, key, po);
  if (!secured) return usage_error(ctx, o.input + ": " + secured.error().to_string());
  return write_signed(ctx, o.out, json::serialize(*secured) + "\n");
}

void run_sign(Context& ctx, const SignOptions& o) {
  std::string text, err;
  if (!read_input(o.input, text, err)) {
    ctx.exit_code = usage_error(ctx, err);
    return;
  }
  auto parsed = ecusson::parse_json_strict(text);
  if (!parsed) {
    ctx.exit_code = usage_error(ctx, o.input + ": " + parsed.error().to_string());
    return;
  }
  if (!parsed->is_object()) {
    ctx.exit_code = usage_error(
        ctx, o.input + T(ctx, " : un credential JSON (objet) est attendu",
                         ": a JSON credential (object) is expected"));
    return;
  }
  json::object& doc = parsed->get_object();
  if (doc.contains("proof") && o.proof == "vc-jwt") {
    // OB 3.0 §8.2: embedded proofs are added before the JWT; that is allowed, just say so.
    std::cerr << T(ctx, "note : le document contient déjà une preuve intégrée ; elle sera "
                        "couverte par la signature JWT\n",
                   "note: the document already holds an embedded proof; the JWT covers it\n");
  }
  auto key = crypto::Key::load_pem_file(o.key_file);
  if (!key) {
    ctx.exit_code = usage_error(ctx, key.error().to_string());
    return;
  }
  if (!key->has_private()) {
    ctx.exit_code = usage_error(ctx, o.key_file + T(ctx, " : une clé privée est requise pour signer",
                                                    ": a private key is needed to sign"));
    return;
  }
  if (o.issuer_from_key) {
    // For a first try or a template: make the key's own did:key the issuer, so the document
    // is bound to the key without editing it by hand.
    auto did = crypto::did_key(*key);
    if (!did) {
      ctx.exit_code = usage_error(ctx, o.key_file + " : " + did.error().to_string());
      return;
    }
    json::value* current = doc.if_contains("issuer");
    if (current != nullptr && current->is_object())
      current->get_object()["id"] = *did;
    else
      doc["issuer"] = *did;
  }
  std::string issuer = issuer_of(doc);
  if (issuer.empty()) {
    ctx.exit_code = usage_error(ctx, o.input + T(ctx, " : « issuer » absent", ": no issuer"));
    return;
  }
  // The issuer must be bound to this key before anything is signed.
  auto vm = proofs::signing_verification_method(issuer, *key, o.verification_method,
                                                o.proof != "vc-jwt");
  if (!vm) {
    ctx.exit_code = usage_error(ctx, o.input + ": " + vm.error().to_string());
    return;
  }
  SignOptions resolved = o;
  resolved.verification_method = *vm;

  if (o.proof == "vc-jwt") {
    ctx.exit_code = sign_vc_jwt(ctx, resolved, doc, *key);
    return;
  }
  // eddsa-rdfc-2022 / eddsa-jcs-2022: Data Integrity proofs.
  ctx.exit_code = sign_data_integrity(ctx, resolved, doc, *key);
}

void add_sign_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<SignOptions>();
  CLI::App* sign = app.add_subcommand(
      "sign", T(ctx, "Signer un credential tel quel (VC-JWT ou Data Integrity)",
                "Sign a credential document as it is (VC-JWT or Data Integrity)"));
  sign->add_option("file", opts->input, T(ctx, "Credential JSON non signé (ou - pour l'entrée standard)",
                                          "Unsigned JSON credential (or - for stdin)"))
      ->required();
  sign->add_option("--key", opts->key_file, T(ctx, "Clé privée PEM", "Private key PEM"))->required();
  sign->add_option("--proof", opts->proof, "vc-jwt | eddsa-rdfc-2022 | eddsa-jcs-2022")
      ->required()
      ->check(CLI::IsMember({"vc-jwt", "eddsa-rdfc-2022", "eddsa-jcs-2022"}));
  sign->add_option("--verification-method", opts->verification_method,
                   T(ctx, "Identifiant de la clé (kid / verificationMethod)",
                     "Key identifier (kid / verificationMethod)"));
  sign->add_flag("--issuer-from-key", opts->issuer_from_key,
                 T(ctx, "Remplacer l'identifiant de l'émetteur par le did:key de la clé",
                    "Replace the issuer id with the key's did:key"));
  sign->add_option("-o,--output", opts->out, T(ctx, "Fichier de sortie (défaut : sortie standard)",
                                               "Output file (default: stdout)"));
  sign->callback([&ctx, opts] { run_sign(ctx, *opts); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_sign_command);

}  // namespace ecusson::cli
