// `ecusson ob2 …`: Open Badges 2.0 from the command line.
//
//   ecusson ob2 issue --base-url URL --issuer-name N --issuer-url U --issuer-email E
//                     --recipient EMAIL --name N --description D [--key KEY.pem] -o DIR …
//     writes the documents an OB 2.0 issuer publishes, laid out as their URLs under the
//     base URL (issuer.json, keys/1.json, revocations.json, badges/<slug>.json,
//     assertions/<uuid>.json), plus the signed assertion (signed/<uuid>.jws and its JSON),
//     and with --bake IMG the baked images. DIR can be served as static files at URL.
//     Without --key, the RSA key is DIR.key.pem beside DIR (never inside what is
//     published), generated once and reused by later runs. The work is
//     ob2::publish_ob2_badge (ecusson/ob2/publish.h): this file reads the
//     flags, calls it and prints what it wrote.
//   ecusson ob2 verify FILE|URL|- [--json] [--at TIME] [--recipient EMAIL]
//                     [--allow-private-network]
//     verifies an OB 2.0 badge only (`ecusson verify` dispatches every format).
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "command.h"
#include "ecusson/baking/baked_payload.h"
#include "ecusson/net/http_fetcher.h"
#include "ecusson/ob2/publish.h"
#include "ecusson/ob2/verify.h"
#include "output.h"

namespace ecusson::cli {

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

struct IssueArgs {
  std::string base_url, issuer_name, issuer_url, issuer_email, issuer_description;
  std::string key_path;
  std::string recipient;
  std::string name, description, slug, image, criteria, criteria_url;
  std::vector<std::string> align, tags, evidence;
  std::string issued_on, expires, narrative;
  std::string out_dir;
  std::string bake_image;
  bool as_json = false;
};

struct VerifyArgs {
  std::string input;
  bool as_json = false;
  std::string at;
  std::string recipient;
  bool allow_private_network = false;
};

// Reads an RFC 3339 date flag into `out` (left unset when the flag is absent). False,
// with the message printed, when the value is not a date.
bool parse_date_flag(const std::string& value, std::string_view flag,
                     std::optional<std::chrono::sys_seconds>& out, Lang lang) {
  if (value.empty()) return true;
  out = ob2::parse_ob2_datetime(value);
  if (out) return true;
  std::cerr << tr(lang, "erreur : ", "error: ") << flag
            << tr(lang, " : date RFC 3339 attendue", ": RFC 3339 date expected") << "\n";
  return false;
}

// --align "name|url[|framework[|code]]".
std::optional<ob2::Ob2Alignment> parse_alignment(const std::string& spec) {
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    auto bar = spec.find('|', start);
    parts.push_back(spec.substr(start, bar == std::string::npos ? bar : bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  if (parts.size() < 2 || parts[0].empty() || parts[1].empty()) return std::nullopt;
  ob2::Ob2Alignment al;
  al.target_name = parts[0];
  al.target_url = parts[1];
  if (parts.size() > 2) al.target_framework = parts[2];
  if (parts.size() > 3) al.target_code = parts[3];
  return al;
}

// What `ob2 issue` asks the library for, read from the flags.
struct IssueRequest {
  ob2::Ob2IssuerSetup setup;
  ob2::Ob2Achievement achievement;
  ob2::Ob2Award award;
  ob2::Ob2PublishOptions options;
};

// The flags as library values; nullopt, with the message printed, on a bad flag or an
// unreadable image.
std::optional<IssueRequest> issue_request(const IssueArgs& a, Lang lang) {
  IssueRequest r;
  r.setup = {a.base_url, a.issuer_name, a.issuer_url, a.issuer_email, a.issuer_description, ""};
  ob2::Ob2Achievement& ach = r.achievement;
  ach.slug = a.slug;  // empty: derived from the name by the library
  ach.name = a.name;
  ach.description = a.description;
  ach.image = a.image;
  ach.criteria_narrative = a.criteria;
  ach.criteria_url = a.criteria_url;
  ach.tags = a.tags;
  for (const auto& spec : a.align) {
    auto al = parse_alignment(spec);
    if (!al) {
      std::cerr << tr(lang, "erreur : --align attend « nom|url[|référentiel[|code]] » : ",
                      "error: --align expects \"name|url[|framework[|code]]\": ")
                << spec << "\n";
      return std::nullopt;
    }
    ach.alignment.push_back(std::move(*al));
  }
  r.award.recipient_email = a.recipient;
  r.award.evidence = a.evidence;
  r.award.narrative = a.narrative;
  if (!parse_date_flag(a.issued_on, "--issued-on", r.award.issued_on, lang) ||
      !parse_date_flag(a.expires, "--expires", r.award.expires, lang))
    return std::nullopt;
  r.options.out_dir = a.out_dir;
  r.options.key_file = a.key_path;
  if (!a.bake_image.empty()) {
    auto image = baking::read_image_file(a.bake_image);
    if (!image) {
      print_error(lang, image.error());
      return std::nullopt;
    }
    r.options.image = std::move(*image);
  }
  return r;
}

void print_issue_error(const Error& e, Lang lang) {
  if (e.code == "ob2.key_write") {
    std::cerr << tr(lang, "erreur : écriture de la clé impossible", "error: cannot write the key")
              << "\n";
  } else if (e.code == "ob2.write") {
    std::cerr << tr(lang, "erreur : écriture impossible : ", "error: cannot write: ")
              << fs::path(e.where) << "\n";
  } else {
    print_error(lang, e);
  }
  // The fields OB 2.0 requires that are optional flags here: name the flag to add.
  if (e.where == "achievement.image")
    std::cerr << tr(lang,
                    "  ajoutez --image URL (ou --bake IMAGE) : une BadgeClass OB 2.0 doit avoir "
                    "une image\n",
                    "  add --image URL (or --bake IMAGE): an OB 2.0 BadgeClass must have an "
                    "image\n");
  else if (e.where == "achievement.criteria")
    std::cerr << tr(lang, "  ajoutez --criteria TEXTE ou --criteria-url URL\n",
                    "  add --criteria TEXT or --criteria-url URL\n");
}

void print_issue_json(const ob2::Ob2Published& p) {
  const ob2::Ob2Issued& d = p.documents;
  json::object o;
  o["issuer"] = d.issuer.id;
  o["key"] = d.key.id;
  o["revocationList"] = d.revocation_list.id;
  o["badgeClass"] = d.badge_class.id;
  o["hostedAssertion"] = d.hosted_assertion.id;
  o["signedAssertion"] = d.signed_assertion.id;
  json::array files;
  for (const auto& f : p.files) files.emplace_back(f.string());
  o["files"] = std::move(files);
  if (p.key_generated) o["privateKey"] = p.key_file.string();
  std::cout << json::serialize(o) << "\n";
}

void print_issue_summary(const ob2::Ob2Published& p, const IssueArgs& a, Lang lang) {
  const ob2::Ob2Issued& d = p.documents;
  std::cout << tr(lang, "Badge OB 2.0 émis pour ", "OB 2.0 badge issued to ") << a.recipient
            << "\n";
  std::cout << tr(lang, "  assertion hébergée : ", "  hosted assertion: ") << d.hosted_assertion.id
            << "\n";
  std::cout << tr(lang, "  assertion signée   : ", "  signed assertion: ") << d.signed_assertion.id
            << "\n";
  std::cout << tr(lang, "  publiez le dossier ", "  publish the folder ") << a.out_dir
            << tr(lang, " à l'adresse ", " at ") << ob2::ob2_urls(a.base_url).base << "/\n";
  for (const auto& f : p.files) std::cout << "  " << f.string() << "\n";
  if (p.key_generated)
    std::cout << tr(lang, "  clé privée générée : ", "  generated private key: ")
              << p.key_file.string()
              << tr(lang, " (à garder secrète, ne pas publier)",
                    " (keep it secret, do not publish)")
              << "\n";
}

int run_issue(const IssueArgs& a, const Context& ctx) {
  auto request = issue_request(a, ctx.lang);
  if (!request) return kExitUnusable;
  auto published = ob2::publish_ob2_badge(request->setup, request->achievement, request->award,
                                             request->options);
  if (!published) {
    print_issue_error(published.error(), ctx.lang);
    return kExitUnusable;
  }
  if (a.as_json)
    print_issue_json(*published);
  else
    print_issue_summary(*published, a, ctx.lang);
  return kExitOk;
}

void print_report(const credentials::VerificationResult& r, const Context& ctx) {
  const bool en = ctx.lang == Lang::en;
  std::cout << (r.verified ? tr(ctx.lang, "VÉRIFIÉ", "VERIFIED")
                           : tr(ctx.lang, "REFUSÉ", "REFUSED"))
            << " (" << r.format << ", " << r.source << ")\n";
  if (!r.credential.issuer_name.empty() || !r.credential.issuer_id.empty())
    std::cout << tr(ctx.lang, "  émetteur : ", "  issuer: ") << r.credential.issuer_name << " <"
              << r.credential.issuer_id << ">\n";
  if (!r.credential.achievement_name.empty())
    std::cout << tr(ctx.lang, "  badge    : ", "  badge: ") << r.credential.achievement_name
              << "\n";
  if (!r.credential.valid_from.empty())
    std::cout << tr(ctx.lang, "  émis le  : ", "  issued: ") << r.credential.valid_from << "\n";
  if (!r.credential.valid_until.empty())
    std::cout << tr(ctx.lang, "  expire   : ", "  expires: ") << r.credential.valid_until << "\n";
  for (const auto& c : r.checks) {
    const char* mark = c.status == credentials::CheckStatus::passed    ? "ok  "
                       : c.status == credentials::CheckStatus::failed  ? "ÉCHEC"
                       : c.status == credentials::CheckStatus::warning ? "avert"
                                                                  : "--  ";
    if (en)
      mark = c.status == credentials::CheckStatus::passed    ? "ok  "
             : c.status == credentials::CheckStatus::failed  ? "FAIL"
             : c.status == credentials::CheckStatus::warning ? "warn"
                                                        : "--  ";
    std::cout << "  [" << mark << "] " << c.code << " : "
              << (en && !c.message_en.empty() ? c.message_en : c.message) << "\n";
  }
}

int run_verify(const VerifyArgs& a, const Context& ctx) {
  std::string input, err;
  std::string_view in = a.input;
  if (!(in.starts_with("http://") || in.starts_with("https://"))) {
    if (!read_input(a.input, input, err)) {
      std::cerr << tr(ctx.lang, "erreur : ", "error: ") << err << "\n";
      return kExitUnusable;
    }
  } else {
    input = a.input;
  }
  ob2::Ob2VerifyOptions options;
  options.recipient = a.recipient;
  options.allow_private_network = a.allow_private_network;
  if (!parse_date_flag(a.at, "--at", options.now, ctx.lang)) return kExitUnusable;
  net::HttpFetcher fetcher;
  auto r = ob2::verify_ob2(input, fetcher, options);
  if (a.as_json) {
    std::cout << json::serialize(credentials::to_json(r, ctx.lang == Lang::en)) << "\n";
  } else {
    print_report(r, ctx);
  }
  return r.verified ? kExitOk : kExitNo;
}

void add_ob2_command(CLI::App& app, Context& ctx) {
  auto* ob2 = app.add_subcommand("ob2", "Open Badges 2.0 : émettre et vérifier");
  ob2->require_subcommand(1);

  auto ia = std::make_shared<IssueArgs>();
  auto* issue = ob2->add_subcommand(
      "issue", "Émettre un badge OB 2.0 (documents hébergés et assertion signée)");
  issue->add_option("--base-url", ia->base_url, "URL où les documents seront publiés")->required();
  issue->add_option("--issuer-name", ia->issuer_name, "Nom de l'émetteur")->required();
  issue->add_option("--issuer-url", ia->issuer_url, "Site de l'émetteur")->required();
  issue->add_option("--issuer-email", ia->issuer_email, "Adresse de contact")->required();
  issue->add_option("--issuer-description", ia->issuer_description, "Description de l'émetteur");
  issue->add_option("--key", ia->key_path, "Clé privée RSA (PEM) ; générée si absente");
  issue->add_option("--recipient", ia->recipient, "Adresse électronique du titulaire")->required();
  issue->add_option("--name", ia->name, "Nom du badge")->required();
  issue->add_option("--description", ia->description, "Description du badge")->required();
  issue->add_option("--slug", ia->slug, "Segment d'URL de la BadgeClass");
  issue->add_option("--image", ia->image, "URL (ou URI data:) de l'image du badge");
  issue->add_option("--criteria", ia->criteria, "Critères d'obtention (Markdown)");
  issue->add_option("--criteria-url", ia->criteria_url, "Page décrivant les critères");
  issue->add_option("--align", ia->align, "Alignement « nom|url[|référentiel[|code]] »");
  issue->add_option("--tag", ia->tags, "Mot-clé");
  issue->add_option("--evidence", ia->evidence, "URL d'une preuve");
  issue->add_option("--narrative", ia->narrative, "Récit de l'obtention");
  issue->add_option("--issued-on", ia->issued_on, "Date d'émission (RFC 3339 ; défaut : maintenant)");
  issue->add_option("--expires", ia->expires, "Date d'expiration (RFC 3339)");
  issue->add_option("--bake", ia->bake_image, "Image PNG/SVG où cuire les assertions");
  issue->add_option("-o,--output", ia->out_dir, "Dossier de sortie")->required();
  issue->add_flag("--json", ia->as_json, "Sortie JSON");
  issue->callback([ia, &ctx] { ctx.exit_code = run_issue(*ia, ctx); });

  auto va = std::make_shared<VerifyArgs>();
  auto* verify = ob2->add_subcommand("verify", "Vérifier un badge OB 2.0 (JSON, JWS, PNG, SVG, URL)");
  verify->add_option("input", va->input, "Fichier, URL ou - (entrée standard)")->required();
  verify->add_flag("--json", va->as_json, "Rapport JSON");
  verify->add_option("--at", va->at, "Instant de la vérification (RFC 3339)");
  verify->add_option("--recipient", va->recipient, "Adresse du titulaire attendu");
  verify->add_flag("--allow-private-network", va->allow_private_network,
                   "Autoriser les adresses privées et http:// vers elles (tests, intranet)");
  verify->callback([va, &ctx] { ctx.exit_code = run_verify(*va, ctx); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_ob2_command);

}  // namespace ecusson::cli
