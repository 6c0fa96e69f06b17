// `ecusson ob2 …`: Open Badges 2.0 from the command line.
//
//   ecusson ob2 issue --base-url URL --issuer-name N --issuer-url U --issuer-email E
//                     --recipient EMAIL --name N --description D [--key KEY.pem] -o DIR …
//     writes the documents an OB 2.0 issuer publishes, laid out as their URLs under the
//     base URL (issuer.json, keys/1.json, revocations.json, badges/<slug>.json,
//     assertions/<uuid>.json), plus the signed assertion (signed/<uuid>.jws and its JSON),
//     and with --bake IMG the baked images. DIR can be served as static files at URL.
//     Without --key, the RSA key is DIR.key.pem beside DIR (never inside what is
//     published), generated once and reused by later runs.
//   ecusson ob2 verify FILE|URL|- [--json] [--at TIME] [--recipient EMAIL]
//                     [--allow-private-network]
//     verifies an OB 2.0 badge only (`ecusson verify` dispatches every format).
#include <sys/stat.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "command.h"
#include "ecusson/baking/baked_payload.h"
#include "ecusson/net/http_fetcher.h"
#include "ecusson/ob2/issue.h"
#include "ecusson/ob2/verify.h"
#include "ecusson/baking/png_baking.h"
#include "ecusson/baking/svg_baking.h"

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

std::optional<std::chrono::sys_seconds> parse_time(const std::string& s) {
  return ob2::parse_ob2_datetime(s);
}

std::string slugify(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c)) {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "badge" : out;
}

bool write_file(const fs::path& p, const std::string& bytes, bool secret = false) {
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    if (secret) ::chmod(p.c_str(), 0600);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) return false;
  }
  return true;
}

// The path of a document under the output directory: its URL relative to the base.
fs::path local_path(const std::string& out_dir, const std::string& base, const std::string& url) {
  std::string rel = url.substr(base.size());
  while (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
  return fs::path(out_dir) / rel;
}

std::string pretty(const json::object& o) {
  // Stable, readable output: one property per line is not needed by machines; keep the
  // serializer's compact form but end with a newline for shells.
  return json::serialize(o) + "\n";
}

// "var/ob2" -> "var/ob2.key.pem": outside the folder that gets published.
fs::path default_ob2_key_path(const std::string& out_dir) {
  fs::path dir = fs::path(out_dir).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  if (dir.empty() || dir == ".") dir = fs::current_path();
  return dir.parent_path() / (dir.filename().string() + ".key.pem");
}

int run_issue(const IssueArgs& a, const Context& ctx) {
  auto say = [&](std::string_view fr, std::string_view en) { return std::string(tr(ctx.lang, fr, en)); };
  std::string pem;
  bool generated = false;
  // Without --key the issuer key lives beside DIR, never inside it: DIR is published as is,
  // and a key inside would be served. It is reused by later runs, because a new key would
  // invalidate every signed assertion issued before.
  const fs::path default_key = default_ob2_key_path(a.out_dir);
  const std::string key_path =
      !a.key_path.empty() ? a.key_path : (fs::exists(default_key) ? default_key.string() : "");
  if (!key_path.empty()) {
    std::string err;
    if (!read_input(key_path, pem, err, 1u << 20)) {
      std::cerr << say("erreur : ", "error: ") << err << "\n";
      return kExitUnusable;
    }
  } else {
    auto k = ob2::generate_ob2_rsa_key();
    if (!k) {
      std::cerr << say("erreur : ", "error: ") << k.error().to_string() << "\n";
      return kExitUnusable;
    }
    pem = *k;
    generated = true;
  }
  ob2::Ob2IssuerSetup setup{a.base_url, a.issuer_name, a.issuer_url, a.issuer_email,
                               a.issuer_description, ""};
  ob2::Ob2Achievement ach;
  ach.slug = a.slug.empty() ? slugify(a.name) : a.slug;
  ach.name = a.name;
  ach.description = a.description;
  ach.image = a.image;
  ach.criteria_narrative = a.criteria;
  ach.criteria_url = a.criteria_url;
  ach.tags = a.tags;
  for (const auto& spec : a.align) {
    // "name|url[|framework[|code]]"
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
      auto bar = spec.find('|', start);
      parts.push_back(spec.substr(start, bar == std::string::npos ? bar : bar - start));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    if (parts.size() < 2 || parts[0].empty() || parts[1].empty()) {
      std::cerr << say("erreur : --align attend « nom|url[|référentiel[|code]] » : ",
                       "error: --align expects \"name|url[|framework[|code]]\": ")
                << spec << "\n";
      return kExitUnusable;
    }
    ob2::Ob2Alignment al;
    al.target_name = parts[0];
    al.target_url = parts[1];
    if (parts.size() > 2) al.target_framework = parts[2];
    if (parts.size() > 3) al.target_code = parts[3];
    ach.alignment.push_back(al);
  }
  ob2::Ob2Award award;
  award.recipient_email = a.recipient;
  award.evidence = a.evidence;
  award.narrative = a.narrative;
  if (!a.issued_on.empty()) {
    award.issued_on = parse_time(a.issued_on);
    if (!award.issued_on) {
      std::cerr << say("erreur : --issued-on : date RFC 3339 attendue",
                       "error: --issued-on: RFC 3339 date expected")
                << "\n";
      return kExitUnusable;
    }
  }
  if (!a.expires.empty()) {
    award.expires = parse_time(a.expires);
    if (!award.expires) {
      std::cerr << say("erreur : --expires : date RFC 3339 attendue",
                       "error: --expires: RFC 3339 date expected")
                << "\n";
      return kExitUnusable;
    }
  }
  const std::string base = ob2::ob2_urls(a.base_url).base;
  // The image to bake is read before issuing: without --image, it is also published
  // (unbaked) as the BadgeClass image, which OB 2.0 requires.
  std::string img;
  bool png = true;
  if (!a.bake_image.empty()) {
    auto read = baking::read_image_file(a.bake_image);
    if (!read) {
      std::cerr << say("erreur : ", "error: ") << read.error().to_string() << "\n";
      return kExitUnusable;
    }
    auto fmt = baking::sniff_image_format(*read);
    if (!fmt) {
      std::cerr << say("erreur : ", "error: ") << fmt.error().to_string() << "\n";
      return kExitUnusable;
    }
    img = std::move(*read);
    png = *fmt == baking::ImageFormat::png;
  }
  const std::string ext = png ? ".png" : ".svg";
  const bool publish_image = ach.image.empty() && !a.bake_image.empty();
  if (publish_image) ach.image = base + "/badges/" + ach.slug + ext;
  auto docs = ob2::issue_ob2(setup, ach, award, pem);
  if (!docs) {
    std::cerr << say("erreur : ", "error: ") << docs.error().to_string() << "\n";
    // The fields OB 2.0 requires that are optional flags here: name the flag to add.
    if (docs.error().where == "achievement.image")
      std::cerr << say("  ajoutez --image URL (ou --bake IMAGE) : une BadgeClass OB 2.0 doit avoir "
                       "une image\n",
                       "  add --image URL (or --bake IMAGE): an OB 2.0 BadgeClass must have an "
                       "image\n");
    else if (docs.error().where == "achievement.criteria")
      std::cerr << say("  ajoutez --criteria TEXTE ou --criteria-url URL\n",
                       "  add --criteria TEXT or --criteria-url URL\n");
    return kExitUnusable;
  }
  const std::string uuid = docs->signed_assertion.id.substr(9);
  struct Out {
    fs::path path;
    std::string bytes;
  };
  std::vector<Out> outs = {
      {local_path(a.out_dir, base, docs->issuer.id), pretty(to_json(docs->issuer))},
      {local_path(a.out_dir, base, docs->key.id), pretty(to_json(docs->key))},
      {local_path(a.out_dir, base, docs->revocation_list.id),
       pretty(to_json(docs->revocation_list))},
      {local_path(a.out_dir, base, docs->badge_class.id), pretty(to_json(docs->badge_class))},
      {local_path(a.out_dir, base, docs->hosted_assertion.id),
       pretty(to_json(docs->hosted_assertion))},
      {fs::path(a.out_dir) / "signed" / (uuid + ".json"), pretty(to_json(docs->signed_assertion))},
      {fs::path(a.out_dir) / "signed" / (uuid + ".jws"), docs->jws + "\n"},
  };
  if (publish_image) outs.push_back({local_path(a.out_dir, base, ach.image), img});
  if (!a.bake_image.empty()) {
    auto bake = [&](const std::string& payload) {
      return png ? baking::bake_png(img, payload, baking::BadgeVersion::ob2)
                 : baking::bake_svg(img, payload, baking::BadgeVersion::ob2);
    };
    auto signed_img = bake(docs->jws);
    auto hosted_img = bake(json::serialize(to_json(docs->hosted_assertion)));
    if (!signed_img || !hosted_img) {
      const Error& e = signed_img ? hosted_img.error() : signed_img.error();
      std::cerr << say("erreur : ", "error: ") << e.to_string() << "\n";
      return kExitUnusable;
    }
    outs.push_back({fs::path(a.out_dir) / "signed" / (uuid + ext), *signed_img});
    outs.push_back({local_path(a.out_dir, base, docs->hosted_assertion.id).replace_extension(ext),
                    *hosted_img});
  }
  // The key first: documents that name a key nobody kept would be worthless.
  if (generated && !write_file(default_key, pem, true)) {
    std::cerr << say("erreur : écriture de la clé impossible", "error: cannot write the key")
              << "\n";
    return kExitUnusable;
  }
  for (const auto& o : outs) {
    if (!write_file(o.path, o.bytes)) {
      std::cerr << say("erreur : écriture impossible : ", "error: cannot write: ") << o.path
                << "\n";
      return kExitUnusable;
    }
  }
  if (a.as_json) {
    json::object o;
    o["issuer"] = docs->issuer.id;
    o["key"] = docs->key.id;
    o["revocationList"] = docs->revocation_list.id;
    o["badgeClass"] = docs->badge_class.id;
    o["hostedAssertion"] = docs->hosted_assertion.id;
    o["signedAssertion"] = docs->signed_assertion.id;
    json::array files;
    for (const auto& f : outs) files.emplace_back(f.path.string());
    o["files"] = std::move(files);
    if (generated) o["privateKey"] = default_key.string();
    std::cout << json::serialize(o) << "\n";
  } else {
    std::cout << say("Badge OB 2.0 émis pour ", "OB 2.0 badge issued to ") << a.recipient << "\n";
    std::cout << say("  assertion hébergée : ", "  hosted assertion: ")
              << docs->hosted_assertion.id << "\n";
    std::cout << say("  assertion signée   : ", "  signed assertion: ")
              << docs->signed_assertion.id << "\n";
    std::cout << say("  publiez le dossier ", "  publish the folder ") << a.out_dir
              << say(" à l'adresse ", " at ") << base << "/\n";
    for (const auto& f : outs) std::cout << "  " << f.path.string() << "\n";
    if (generated)
      std::cout << say("  clé privée générée : ", "  generated private key: ")
                << default_key.string()
                << say(" (à garder secrète, ne pas publier)", " (keep it secret, do not publish)")
                << "\n";
  }
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
  if (!a.at.empty()) {
    options.at = parse_time(a.at);
    if (!options.at) {
      std::cerr << tr(ctx.lang, "erreur : --at : date RFC 3339 attendue",
                      "error: --at: RFC 3339 date expected")
                << "\n";
      return kExitUnusable;
    }
  }
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
  issue->add_option("-o,--out", ia->out_dir, "Dossier de sortie")->required();
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
