// `ecusson credentials list [--participant REF] [--dir var] [--json]` and
// `ecusson credentials show ID [--format ob3-di|ob3-jwt|ob2-hosted|ob2-signed]
//  [--dir var] [--json]`: the badges issued, as the store keeps them. `show` prints the
// signed document exactly as issued (what a participant or a verifier receives); with
// --json, the record and every document. Read-only. Exit codes: 0 found, 2 unknown id or
// a format the credential does not have, or an unusable data directory.
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "command.h"
#include "ecusson/issuance/messages.h"
#include "issuing.h"
#include "output.h"

namespace ecusson::cli {
namespace {

namespace json = boost::json;

struct ListArgs {
  std::string participant;
  std::string dir = "var";
  bool json = false;
};

struct ShowArgs {
  std::string id;
  std::string format = "ob3-di";
  std::string dir = "var";
  bool json = false;
};

std::string state_of(const store::Credential& c) {
  return c.revoked_at ? "revoked" : c.suspended_at ? "suspended" : "active";
}

std::string state_text(const Context& ctx, const store::Credential& c) {
  if (c.revoked_at) return T(ctx, "révoqué le ", "revoked on ") + *c.revoked_at + " (" + c.revocation_reason + ")";
  if (c.suspended_at)
    return T(ctx, "suspendu le ", "suspended on ") + *c.suspended_at + " (" + c.suspension_reason + ")";
  return T(ctx, "actif", "active");
}

json::object record_json(const store::Credential& c, const std::string& achievement_name) {
  json::array formats;
  for (const auto& [f, _] : c.documents) formats.emplace_back(f);
  json::array status;
  for (const auto& s : c.status)
    status.push_back(json::object{{"list", s.list_id},
                                  {"purpose", store::to_string(s.purpose)},
                                  {"index", s.index}});
  return json::object{
      {"id", c.id},
      {"participant", c.participant_ref},
      {"achievement", c.achievement_id},
      {"achievementName", achievement_name},
      {"evaluation", c.evaluation_id ? json::value(*c.evaluation_id) : json::value(nullptr)},
      {"issuedAt", c.issued_at},
      {"status", state_of(c)},
      {"revokedAt", c.revoked_at ? json::value(*c.revoked_at) : json::value(nullptr)},
      {"revocationReason", c.revocation_reason},
      {"suspendedAt", c.suspended_at ? json::value(*c.suspended_at) : json::value(nullptr)},
      {"suspensionReason", c.suspension_reason},
      {"formats", std::move(formats)},
      {"credentialStatus", std::move(status)}};
}

int run_list(Context& ctx, const ListArgs& a) {
  auto dir = open_dir(ctx, a.dir, /*read_only=*/true);
  if (!dir) return ctx.exit_code;
  store::CredentialFilter filter;
  if (!a.participant.empty()) filter.participant_ref = a.participant;
  auto list = dir->store->list_credentials(filter);
  if (!list) return fail(ctx, issuance::store_failure(*dir->issuer, list.error(), ctx.lang));
  std::map<std::string, std::string> names;  // achievement id -> name
  json::array out;
  for (const auto& c : *list) {
    auto [it, fresh] = names.try_emplace(c.achievement_id);
    if (fresh) {
      auto ach = dir->store->get_achievement(c.achievement_id);
      it->second = ach ? ach->name : c.achievement_id;
    }
    if (a.json) {
      out.push_back(record_json(c, it->second));
      continue;
    }
    std::cout << c.id << "\t" << c.participant_ref << "\t" << it->second << "\t" << c.issued_at
              << "\t" << state_text(ctx, c) << "\n";
  }
  if (a.json) std::cout << json::serialize(out) << "\n";
  else if (list->empty())
    std::cerr << T(ctx, "Aucun badge émis\n", "No badge issued\n");
  return kExitOk;
}

int run_show(Context& ctx, const ShowArgs& a) {
  auto dir = open_dir(ctx, a.dir, /*read_only=*/true);
  if (!dir) return ctx.exit_code;
  auto c = dir->store->get_credential(a.id);
  if (!c) {
    if (c.error().code == "store.not_found")
      return fail(ctx, issuance::make_error("issuance.not_found", a.id, ctx.lang,
                                            {tr(ctx.lang, "badge", "credential"), a.id}));
    return fail(ctx, issuance::store_failure(*dir->issuer, c.error(), ctx.lang));
  }
  if (a.json) {
    auto ach = dir->store->get_achievement(c->achievement_id);
    json::object o = record_json(*c, ach ? ach->name : c->achievement_id);
    json::object docs;
    for (const auto& [format, text] : c->documents) {
      boost::system::error_code jec;
      json::value v = json::parse(text, jec);
      docs[format] = jec ? json::value(text) : v;  // a VC-JWT stays a string
    }
    o["documents"] = std::move(docs);
    std::cout << json::serialize(o) << "\n";
    return kExitOk;
  }
  auto doc = c->documents.find(a.format);
  if (doc == c->documents.end()) {
    std::string have;
    for (const auto& [f, _] : c->documents) have += (have.empty() ? "" : ", ") + f;
    std::cerr << T(ctx, "erreur : le badge ", "error: the credential ") << a.id
              << T(ctx, " n'existe pas au format ", " does not exist in the format ") << a.format
              << T(ctx, " (formats émis : ", " (formats issued: ") << have << ")\n";
    return kExitUnusable;
  }
  std::cout << doc->second << "\n";
  return kExitOk;
}

void add_credentials_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "credentials", T(ctx, "Lister ou afficher les badges émis", "List or show issued badges"));
  cmd->require_subcommand(1);

  auto l = std::make_shared<ListArgs>();
  CLI::App* list = cmd->add_subcommand("list", T(ctx, "Lister les badges émis", "List issued badges"));
  list->add_option("--participant", l->participant,
                   T(ctx, "Seulement ceux de ce participant", "Only this participant's"));
  add_dir_and_json(list, ctx, l->dir, l->json);
  list->callback([&ctx, l] { ctx.exit_code = run_list(ctx, *l); });

  auto s = std::make_shared<ShowArgs>();
  CLI::App* show = cmd->add_subcommand(
      "show", T(ctx, "Afficher le document signé d'un badge", "Print a badge's signed document"));
  show->add_option("ID", s->id, T(ctx, "Identifiant du badge (urn:uuid:…)",
                                  "Credential id (urn:uuid:…)"))
      ->required();
  show->add_option("--format", s->format,
                   T(ctx, "ob3-di (défaut), ob3-jwt, ob2-hosted ou ob2-signed",
                     "ob3-di (default), ob3-jwt, ob2-hosted or ob2-signed"))
      ->check(CLI::IsMember({"ob3-di", "ob3-jwt", "ob2-hosted", "ob2-signed"}));
  show->add_option("--dir", s->dir, T(ctx, "Dossier de données (défaut : var)",
                                      "Data directory (default: var)"));
  show->add_flag("--json", s->json, T(ctx, "La fiche et tous les documents, en JSON",
                                      "The record and every document, as JSON"));
  show->callback([&ctx, s] { ctx.exit_code = run_show(ctx, *s); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_credentials_command);

}  // namespace ecusson::cli
