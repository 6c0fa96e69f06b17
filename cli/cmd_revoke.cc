// `ecusson revoke ID --reason TEXTE`, `ecusson suspend ID --reason TEXTE`,
// `ecusson unsuspend ID` (each with [--by NOM] [--dir var] [--json]): change a badge's
// status, record who and why in the audit log, and publish the status lists (OB 3.0
// Bitstring lists re-signed, OB 2.0 revocation list and hosted 410) so verifiers see it.
// A thin adapter over issuance::change_status. Exit codes: 0 changed and published;
// 1 the badge's state refuses the change (already revoked, already suspended, not
// suspended); 2 unusable input (unknown id, empty reason, data directory).
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "command.h"
#include "ecusson/issuance/revocation.h"
#include "issuing.h"
#include "output.h"

namespace ecusson::cli {
namespace {

namespace json = boost::json;
using issuance::StatusChange;

struct StatusArgs {
  std::string id;
  std::string reason;
  std::string by;
  std::string dir = "var";
  bool json = false;
};

int run_change(Context& ctx, const StatusArgs& a, StatusChange change) {
  auto dir = open_dir(ctx, a.dir);
  if (!dir) return ctx.exit_code;
  const std::string actor = a.by.empty() ? system_user(ctx.lang) : a.by;
  auto r = issuance::change_status(*dir->store, *dir->issuer, a.id, change, a.reason, actor,
                                   ctx.lang);
  if (!r) return fail(ctx, r.error());
  const char* action = change == StatusChange::revoke    ? "revoked"
                       : change == StatusChange::suspend ? "suspended"
                                                         : "unsuspended";
  if (a.json) {
    json::array written;
    for (const auto& p : r->published.written) written.emplace_back(p.string());
    std::cout << json::serialize(json::object{{"id", r->credential.id},
                                              {"action", action},
                                              {"reason", a.reason},
                                              {"by", actor},
                                              {"published", std::move(written)}})
              << "\n";
    return kExitOk;
  }
  std::cout << (change == StatusChange::revoke    ? T(ctx, "Badge révoqué : ", "Credential revoked: ")
                : change == StatusChange::suspend ? T(ctx, "Badge suspendu : ", "Credential suspended: ")
                                                  : T(ctx, "Suspension levée : ", "Suspension lifted: "))
            << r->credential.id << "\n";
  std::cout << T(ctx, "Listes de statut publiées : ", "Status lists published: ")
            << r->published.signed_lists.size() << T(ctx, " re-signée(s), ", " re-signed, ")
            << r->published.written.size() << T(ctx, " fichier(s) écrit(s)\n", " file(s) written\n");
  return kExitOk;
}

void add_one(CLI::App& app, Context& ctx, const char* name, std::string help, StatusChange change) {
  auto a = std::make_shared<StatusArgs>();
  CLI::App* cmd = app.add_subcommand(name, std::move(help));
  cmd->add_option("ID", a->id, T(ctx, "Identifiant du badge (urn:uuid:…)",
                                 "Credential id (urn:uuid:…)"))
      ->required();
  if (change != StatusChange::unsuspend)
    cmd->add_option("--reason", a->reason, T(ctx, "Motif (obligatoire, journal d'audit)",
                                             "Reason (required, audit log)"))
        ->required();
  cmd->add_option("--by", a->by, T(ctx, "Qui décide (défaut : l'utilisateur du système)",
                                   "Who decides (default: the system user)"));
  add_dir_and_json(cmd, ctx, a->dir, a->json);
  cmd->callback([&ctx, a, change] { ctx.exit_code = run_change(ctx, *a, change); });
}

void add_revoke_commands(CLI::App& app, Context& ctx) {
  add_one(app, ctx, "revoke",
          T(ctx, "Révoquer un badge (définitif) et publier les listes de statut",
            "Revoke a badge (final) and publish the status lists"),
          StatusChange::revoke);
  add_one(app, ctx, "suspend",
          T(ctx, "Suspendre un badge et publier les listes de statut",
            "Suspend a badge and publish the status lists"),
          StatusChange::suspend);
  add_one(app, ctx, "unsuspend",
          T(ctx, "Lever la suspension d'un badge et publier les listes de statut",
            "Lift a badge's suspension and publish the status lists"),
          StatusChange::unsuspend);
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_revoke_commands);

}  // namespace ecusson::cli
