// `ecusson participants import FICHIER.csv [--dir var] [--by NOM] [--json]` and
// `ecusson participants list [--dir var] [--json]`: the people badges are issued to.
// A thin adapter over issuance::import_participants (ecusson/issuance/participants.h),
// which the server shares. Import exit codes: 0 every row imported (or unchanged), 1 some
// rows refused (each listed on stderr with its line and a reason; the others are
// imported), 2 the file or the data directory is unusable (nothing imported).
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "command.h"
#include "ecusson/common/text.h"
#include "ecusson/issuance/participants.h"
#include "issuing.h"
#include "output.h"

namespace ecusson::cli {
namespace {

namespace json = boost::json;

struct ImportArgs {
  std::string file;
  std::string dir = "var";
  std::string by;
  bool json = false;
};

struct ListArgs {
  std::string dir = "var";
  bool json = false;
};

json::array strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

int run_import(Context& ctx, const ImportArgs& a) {
  std::ifstream in(a.file, std::ios::binary);
  if (!in) {
    std::cerr << T(ctx, "erreur : ", "error: ") << a.file
              << T(ctx, " : fichier introuvable ou illisible\n", ": file not found or unreadable\n");
    return kExitUnusable;
  }
  auto dir = open_dir(ctx, a.dir);
  if (!dir) return ctx.exit_code;
  const std::string actor = a.by.empty() ? system_user(ctx.lang) : a.by;
  auto report = issuance::import_participants(
      *dir->store, in, {.actor = actor, .source = a.file, .at = {}, .lang = ctx.lang});
  if (!report) return fail(ctx, report.error());
  for (const auto& r : report->rejected) std::cerr << r.error.to_string() << "\n";
  if (!report->ignored_columns.empty())
    std::cerr << T(ctx, "note : colonnes ignorées : ", "note: columns ignored: ")
              << join(report->ignored_columns, ", ") << "\n";
  if (a.json) {
    json::array rejected;
    for (const auto& r : report->rejected)
      rejected.push_back(json::object{{"line", r.line},
                                      {"code", r.error.code},
                                      {"where", r.error.where},
                                      {"message", r.error.message},
                                      {"row", r.raw}});
    json::object o{{"file", a.file},
                   {"rows", report->rows},
                   {"created", strings(report->created)},
                   {"updated", strings(report->updated)},
                   {"unchanged", strings(report->unchanged)},
                   {"rejected", std::move(rejected)},
                   {"ignoredColumns", strings(report->ignored_columns)}};
    std::cout << json::serialize(o) << "\n";
  } else {
    std::cout << T(ctx, "Participants importés depuis ", "Participants imported from ") << a.file
              << " : " << report->created.size() << T(ctx, " créé(s), ", " created, ")
              << report->updated.size() << T(ctx, " mis à jour, ", " updated, ")
              << report->unchanged.size() << T(ctx, " inchangé(s), ", " unchanged, ")
              << report->rejected.size() << T(ctx, " ligne(s) refusée(s)\n", " row(s) refused\n");
  }
  return report->rejected.empty() ? kExitOk : kExitNo;
}

int run_list(Context& ctx, const ListArgs& a) {
  auto dir = open_dir(ctx, a.dir, /*read_only=*/true);
  if (!dir) return ctx.exit_code;
  auto people = dir->store->list_participants();
  if (!people) return fail(ctx, issuance::store_failure(*dir->issuer, people.error(), ctx.lang));
  json::array out;
  for (const auto& p : *people) {
    auto consent = dir->store->current_consent(p.ref);
    if (!consent) return fail(ctx, issuance::store_failure(*dir->issuer, consent.error(), ctx.lang));
    std::string state = *consent ? std::string(store::to_string((*consent)->state)) : "none";
    if (a.json) {
      json::object o{{"ref", p.ref},
                     {"givenName", p.given_name},
                     {"familyName", p.family_name},
                     {"email", p.email},
                     {"did", p.did ? json::value(*p.did) : json::value(nullptr)},
                     {"consent", state},
                     {"createdAt", p.created_at}};
      if (*consent) o["consentAt"] = (*consent)->at;
      out.push_back(std::move(o));
      continue;
    }
    std::string consent_text = state == "given"       ? T(ctx, "consentement donné", "consent given")
                               : state == "withdrawn" ? T(ctx, "consentement retiré", "consent withdrawn")
                                                      : T(ctx, "consentement non recueilli",
                                                          "consent not recorded");
    std::cout << p.ref << "\t" << p.given_name << " " << p.family_name << "\t"
              << (p.email.empty() ? "-" : p.email) << "\t" << (p.did ? *p.did : "-") << "\t"
              << consent_text << "\n";
  }
  if (a.json) std::cout << json::serialize(out) << "\n";
  else if (people->empty())
    std::cerr << T(ctx, "Aucun participant (ecusson participants import personnes.csv)\n",
                   "No participant (ecusson participants import people.csv)\n");
  return kExitOk;
}

void add_participants_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "participants", T(ctx, "Importer ou lister les participants (identité, e-mail)",
                        "Import or list participants (identity, e-mail)"));
  cmd->require_subcommand(1);

  auto imp = std::make_shared<ImportArgs>();
  CLI::App* import = cmd->add_subcommand(
      "import", T(ctx, "Créer ou mettre à jour les participants d'un CSV "
                       "(ref, given_name, family_name, email, did)",
                  "Create or update the participants of a CSV "
                  "(ref, given_name, family_name, email, did)"));
  import->add_option("CSV", imp->file, T(ctx, "Fichier CSV (UTF-8, ',' ou ';')",
                                         "CSV file (UTF-8, ',' or ';')"))
      ->required();
  import->add_option("--by", imp->by, T(ctx, "Qui importe (défaut : l'utilisateur du système)",
                                        "Who imports (default: the system user)"));
  add_dir_and_json(import, ctx, imp->dir, imp->json);
  import->callback([&ctx, imp] { ctx.exit_code = run_import(ctx, *imp); });

  auto list_args = std::make_shared<ListArgs>();
  CLI::App* list = cmd->add_subcommand("list", T(ctx, "Lister les participants et leur consentement",
                                                 "List participants and their consent"));
  add_dir_and_json(list, ctx, list_args->dir, list_args->json);
  list->callback([&ctx, list_args] { ctx.exit_code = run_list(ctx, *list_args); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_participants_command);

}  // namespace ecusson::cli
