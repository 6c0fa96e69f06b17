// `ecusson keys generate|show`: create a signing key file, print a key's public forms.
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "command.h"
#include "ecusson/crypto/did.h"
#include "ecusson/crypto/jwk.h"
#include "ecusson/crypto/key.h"
#include "ecusson/crypto/multibase.h"
#include "output.h"

namespace ecusson::cli {
namespace {

namespace json = boost::json;

struct KeysOptions {
  std::string type = "ed25519";
  std::string out;
  std::string file;
  bool json = false;
};

const char* type_label(crypto::KeyType t) {
  switch (t) {
    case crypto::KeyType::ed25519: return "Ed25519";
    case crypto::KeyType::p256: return "ECDSA P-256";
    case crypto::KeyType::rsa2048: return "RSA";
  }
  return "?";
}

json::object describe(const crypto::Key& key) {
  json::object o;
  o["type"] = crypto::to_string(key.type());
  o["alg"] = key.alg();
  o["bits"] = key.bits();
  o["hasPrivate"] = key.has_private();
  o["jwk"] = crypto::public_jwk(key);
  o["thumbprint"] = crypto::jwk_thumbprint(key);
  auto mk = crypto::multikey_encode(key);
  o["multikey"] = mk ? json::value(*mk) : json::value(nullptr);
  auto did = crypto::did_key(key);
  o["didKey"] = did ? json::value(*did) : json::value(nullptr);
  auto vm = crypto::did_key_verification_method(key);
  o["verificationMethod"] = vm ? json::value(*vm) : json::value(nullptr);
  return o;
}

void print_text(const Context& ctx, const crypto::Key& key) {
  json::object d = describe(key);
  auto line = [&](std::string_view fr, std::string_view en, const json::value& v) {
    std::cout << tr(ctx.lang, fr, en) << " : ";
    if (v.is_string()) std::cout << v.get_string().c_str();
    else if (v.is_null()) std::cout << tr(ctx.lang, "(sans objet pour ce type de clé)",
                                         "(not applicable to this key type)");
    else std::cout << json::serialize(v);
    std::cout << "\n";
  };
  std::cout << tr(ctx.lang, "Type", "Type") << " : " << type_label(key.type()) << " ("
            << key.bits() << " bits, alg " << key.alg() << ")\n";
  std::cout << tr(ctx.lang, "Partie privée", "Private part") << " : "
            << (key.has_private() ? tr(ctx.lang, "oui", "yes") : tr(ctx.lang, "non", "no"))
            << "\n";
  line("JWK publique", "Public JWK", d["jwk"]);
  line("Empreinte JWK (RFC 7638)", "JWK thumbprint (RFC 7638)", d["thumbprint"]);
  line("Multikey", "Multikey", d["multikey"]);
  line("did:key", "did:key", d["didKey"]);
  line("Méthode de vérification", "Verification method", d["verificationMethod"]);
}

void run_generate(Context& ctx, const KeysOptions& o) {
  auto type = crypto::key_type_from_string(o.type);
  if (!type) {
    print_error(ctx.lang, type.error());
    ctx.exit_code = kExitUnusable;
    return;
  }
  auto key = crypto::Key::generate(*type);
  if (!key) {
    print_error(ctx.lang, key.error());
    ctx.exit_code = kExitUnusable;
    return;
  }
  if (auto saved = key->save_private_pem(o.out); !saved) {
    print_error(ctx.lang, saved.error());
    ctx.exit_code = kExitUnusable;
    return;
  }
  std::cerr << tr(ctx.lang, "Clé ", "") << type_label(*type)
            << tr(ctx.lang, " écrite dans ", " key written to ") << o.out
            << tr(ctx.lang, " (mode 0600). Gardez ce fichier secret.\n",
                  " (mode 0600). Keep this file secret.\n");
  if (o.json) std::cout << json::serialize(describe(*key)) << "\n";
  else print_text(ctx, *key);
  ctx.exit_code = kExitOk;
}

void run_show(Context& ctx, const KeysOptions& o) {
  auto key = crypto::Key::load_pem_file(o.file);
  if (!key) {
    print_error(ctx.lang, key.error());
    ctx.exit_code = kExitUnusable;
    return;
  }
  if (o.json) std::cout << json::serialize(describe(*key)) << "\n";
  else print_text(ctx, *key);
  ctx.exit_code = kExitOk;
}

std::string T(const Context& ctx, std::string_view fr, std::string_view en) {
  return std::string(tr(ctx.lang, fr, en));
}

void add_keys_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<KeysOptions>();
  CLI::App* keys = app.add_subcommand("keys", T(ctx, "Clés de signature : générer, afficher",
                                                 "Signing keys: generate, show"));
  keys->require_subcommand(1);

  CLI::App* gen = keys->add_subcommand(
      "generate", T(ctx, "Générer une clé privée (fichier PEM, mode 0600)",
                     "Generate a private key (PEM file, mode 0600)"));
  gen->add_option("--type", opts->type, "ed25519 (défaut), p256, rsa2048")
      ->check(CLI::IsMember({"ed25519", "p256", "rsa2048"}));
  gen->add_option("-o,--output", opts->out, T(ctx, "Fichier PEM à créer", "PEM file to create"))
      ->required();
  gen->add_flag("--json", opts->json, T(ctx, "Sortie JSON", "JSON output"));
  gen->callback([&ctx, opts] { run_generate(ctx, *opts); });

  CLI::App* show = keys->add_subcommand(
      "show", T(ctx, "Afficher la JWK publique, le Multikey et le did:key d'une clé",
                 "Print a key's public JWK, Multikey and did:key"));
  show->add_option("file", opts->file, T(ctx, "Fichier PEM (privé ou public)",
                                          "PEM file (private or public)"))
      ->required();
  show->add_flag("--json", opts->json, T(ctx, "Sortie JSON", "JSON output"));
  show->callback([&ctx, opts] { run_show(ctx, *opts); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_keys_command);

}  // namespace ecusson::cli
