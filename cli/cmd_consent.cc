// `ecusson consent PARTICIPANT --given|--withdrawn [--how TEXTE] [--by NOM] [--dir var]
//  [--json]`: records that a participant agreed to (or withdrew their agreement to) be
// issued badges. A thin adapter over issuance::record_consent. Exit codes: 0 recorded,
// 2 unusable input (unknown participant, neither or both of --given/--withdrawn).
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "command.h"
#include "ecusson/issuance/workflow.h"
#include "issuing.h"
#include "output.h"

namespace ecusson::cli {
namespace {

namespace json = boost::json;

struct ConsentArgs {
  std::string participant;
  bool given = false;
  bool withdrawn = false;
  std::string how;
  std::string by;
  std::string dir = "var";
  bool json = false;
};

int run_consent(Context& ctx, const ConsentArgs& a) {
  if (a.given == a.withdrawn) {
    std::cerr << T(ctx, "erreur : indiquez --given (consentement donné) ou --withdrawn (retiré)\n",
                   "error: give --given (consent given) or --withdrawn (withdrawn)\n");
    return kExitUnusable;
  }
  auto dir = open_dir(ctx, a.dir);
  if (!dir) return ctx.exit_code;
  const std::string actor = a.by.empty() ? system_user(ctx.lang) : a.by;
  const auto state = a.given ? store::ConsentState::given : store::ConsentState::withdrawn;
  auto c = issuance::record_consent(*dir->store, *dir->issuer, a.participant, state, a.how, actor,
                                    ctx.lang);
  if (!c) return fail(ctx, c.error());
  if (a.json) {
    std::cout << json::serialize(json::object{{"participant", c->participant_ref},
                                              {"consent", store::to_string(c->state)},
                                              {"at", c->at},
                                              {"how", c->how},
                                              {"recordedBy", c->recorded_by}})
              << "\n";
  } else {
    std::cout << (a.given ? T(ctx, "Consentement donné enregistré pour ",
                              "Consent given recorded for ")
                          : T(ctx, "Consentement retiré enregistré pour ",
                              "Consent withdrawal recorded for "))
              << c->participant_ref << " (" << c->at << ")\n";
    if (!a.given)
      std::cout << T(ctx, "Aucun nouveau badge ne lui sera émis ; les badges déjà émis restent "
                          "valides (ecusson revoke ID --reason … pour les révoquer)\n",
                     "No new badge will be issued to them; badges already issued stay valid "
                     "(ecusson revoke ID --reason … to revoke them)\n");
  }
  return kExitOk;
}

void add_consent_command(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<ConsentArgs>();
  CLI::App* cmd = app.add_subcommand(
      "consent", T(ctx, "Enregistrer le consentement d'un participant (donné ou retiré)",
                   "Record a participant's consent (given or withdrawn)"));
  cmd->add_option("PARTICIPANT", a->participant,
                  T(ctx, "Référence du participant (P-…)", "Participant ref (P-…)"))
      ->required();
  auto* given = cmd->add_flag("--given", a->given, T(ctx, "Consentement donné", "Consent given"));
  auto* withdrawn =
      cmd->add_flag("--withdrawn", a->withdrawn, T(ctx, "Consentement retiré", "Consent withdrawn"));
  given->excludes(withdrawn);
  cmd->add_option("--how", a->how, T(ctx, "Comment (formulaire papier signé, courriel…)",
                                     "How (signed paper form, e-mail…)"));
  cmd->add_option("--by", a->by, T(ctx, "Qui l'enregistre (défaut : l'utilisateur du système)",
                                   "Who records it (default: the system user)"));
  add_dir_and_json(cmd, ctx, a->dir, a->json);
  cmd->callback([&ctx, a] { ctx.exit_code = run_consent(ctx, *a); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_consent_command);

}  // namespace ecusson::cli
