// `ecusson init [--dir var] [--issuer-name …] [--issuer-url …] [--email …] [--base-url …]`:
// set up a data directory (store, keys, issuer profile, published documents). A thin
// adapter over issuance::init_issuer (ecusson/issuance/init.h), which the server shares.
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "command.h"
#include "ecusson/issuance/init.h"
#include "output.h"

namespace ecusson::cli {
namespace {

namespace json = boost::json;

struct InitCliOptions {
  std::string dir = "var";
  std::optional<std::string> issuer_name, issuer_url, email, base_url;
  bool json = false;
};

std::string T(const Context& ctx, std::string_view fr, std::string_view en) {
  return std::string(tr(ctx.lang, fr, en));
}

json::object to_json(const issuance::InitReport& r) {
  json::object o;
  o["outcome"] = issuance::to_string(r.outcome);
  o["dir"] = r.dir.string();
  o["store"] = r.store_path.string();
  o["issuer"] = json::object{{"id", r.issuer_id}, {"name", r.name}, {"url", r.url},
                             {"email", r.email}};
  o["did"] = r.issuer_id;
  o["didMethod"] = r.did_method;
  o["baseUrl"] = r.base_url;
  o["didDocumentUrl"] = r.did_document_url.empty() ? json::value(nullptr)
                                                    : json::value(r.did_document_url);
  o["jwksUrl"] = r.jwks_url;
  o["ob2IssuerUrl"] = r.ob2_issuer_url.empty() ? json::value(nullptr)
                                                : json::value(r.ob2_issuer_url);
  json::array keys;
  for (const auto& k : r.keys)
    keys.push_back(json::object{{"role", k.role},
                                {"id", k.id},
                                {"algorithm", k.algorithm},
                                {"path", k.path.string()},
                                {"generated", k.generated},
                                {"publicJwk", json::parse(k.public_jwk)}});
  o["keys"] = std::move(keys);
  json::array updated, published, notes;
  for (const auto& f : r.updated_fields) updated.push_back(json::string(f));
  for (const auto& p : r.published) published.push_back(json::string(p.string()));
  for (const auto& n : r.notes) notes.push_back(json::string(n));
  o["updatedFields"] = std::move(updated);
  o["published"] = std::move(published);
  o["notes"] = std::move(notes);
  return o;
}

void print_text(const Context& ctx, const issuance::InitReport& r) {
  switch (r.outcome) {
    case issuance::InitOutcome::created:
      std::cout << T(ctx, "Dossier de données créé : ", "Data directory created: ");
      break;
    case issuance::InitOutcome::completed:
      std::cout << T(ctx, "Dossier de données complété (clés existantes conservées) : ",
                     "Data directory completed (existing keys kept): ");
      break;
    case issuance::InitOutcome::updated:
      std::cout << T(ctx, "Profil de l'émetteur mis à jour (clés inchangées) : ",
                     "Issuer profile updated (keys unchanged): ");
      break;
    case issuance::InitOutcome::unchanged:
      std::cout << T(ctx, "Déjà initialisé, rien n'est modifié : ",
                     "Already set up, nothing changed: ");
      break;
  }
  std::cout << r.dir.string() << "\n";
  std::cout << T(ctx, "Émetteur OB 3.0 : ", "OB 3.0 issuer: ") << r.issuer_id << "\n";
  std::cout << T(ctx, "Nom : ", "Name: ") << r.name << "\n";
  if (!r.url.empty()) std::cout << T(ctx, "Site : ", "Web site: ") << r.url << "\n";
  if (!r.email.empty()) std::cout << T(ctx, "Contact : ", "Contact: ") << r.email << "\n";
  std::cout << T(ctx, "URL de base : ", "Base URL: ") << r.base_url << "\n";
  std::cout << T(ctx, "Magasin : ", "Store: ") << r.store_path.string() << "\n";
  for (const auto& k : r.keys) {
    std::cout << T(ctx, "Clé ", "Key ") << k.algorithm << " (" << k.role << ") : "
              << k.path.string() << " — " << k.id;
    if (k.generated) std::cout << T(ctx, " (créée)", " (created)");
    std::cout << "\n";
  }
  if (!r.did_document_url.empty())
    std::cout << T(ctx, "Document DID à publier : ", "DID document to publish: ")
              << r.did_document_url << "\n";
  std::cout << T(ctx, "JWKS à publier : ", "JWKS to publish: ") << r.jwks_url << "\n";
  if (!r.ob2_issuer_url.empty())
    std::cout << T(ctx, "Profil OB 2.0 : ", "OB 2.0 profile: ") << r.ob2_issuer_url << "\n";
  for (const auto& p : r.published)
    std::cout << T(ctx, "Écrit : ", "Written: ") << p.string() << "\n";
  for (const auto& n : r.notes) std::cerr << T(ctx, "note : ", "note: ") << n << "\n";
}

void run_init(Context& ctx, const InitCliOptions& o) {
  issuance::InitOptions opt;
  opt.dir = o.dir;
  opt.issuer_name = o.issuer_name;
  opt.issuer_url = o.issuer_url;
  opt.email = o.email;
  opt.base_url = o.base_url;
  opt.lang = ctx.lang;
  auto report = issuance::init_issuer(opt);
  if (!report) {
    print_error(ctx.lang, report.error());
    ctx.exit_code = kExitUnusable;
    return;
  }
  if (o.json) {
    std::cout << json::serialize(to_json(*report)) << "\n";
    for (const auto& n : report->notes) std::cerr << T(ctx, "note : ", "note: ") << n << "\n";
  } else {
    print_text(ctx, *report);
  }
  ctx.exit_code = kExitOk;
}

void add_init_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<InitCliOptions>();
  CLI::App* init = app.add_subcommand(
      "init", T(ctx, "Créer le dossier de données : magasin, clés, profil de l'émetteur",
                "Create the data directory: store, keys, issuer profile"));
  init->add_option("--dir", opts->dir, T(ctx, "Dossier de données (défaut : var)",
                                         "Data directory (default: var)"));
  init->add_option("--issuer-name", opts->issuer_name, T(ctx, "Nom de l'émetteur", "Issuer name"));
  init->add_option("--issuer-url", opts->issuer_url,
                   T(ctx, "Site web de l'organisation", "Organisation's web site"));
  init->add_option("--email", opts->email, T(ctx, "E-mail de contact", "Contact e-mail"));
  init->add_option("--base-url", opts->base_url,
                   T(ctx, "URL publique https:// du serveur (émetteur did:web)",
                     "Public https:// URL of the server (did:web issuer)"));
  init->add_flag("--json", opts->json, T(ctx, "Sortie JSON", "JSON output"));
  init->callback([&ctx, opts] { run_init(ctx, *opts); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_init_command);

}  // namespace ecusson::cli
