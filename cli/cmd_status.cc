// `ecusson status publish [--dir var] [--json]`: signs the status lists that changed since
// their last signature and writes every list and the OB 2.0 revocation documents under
// <dir>/public (safe to run again: after an interrupted revoke, or to republish).
// A thin adapter over issuance::publish_status. Exit codes: 0 published, 2 unusable data
// directory or a write/sign failure.
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

struct PublishArgs {
  std::string dir = "var";
  bool json = false;
};

int run_publish(Context& ctx, const PublishArgs& a) {
  auto dir = open_dir(ctx, a.dir);
  if (!dir) return ctx.exit_code;
  auto r = issuance::publish_status(*dir->store, *dir->issuer, ctx.lang);
  if (!r) return fail(ctx, r.error());
  if (a.json) {
    json::array lists, written;
    for (const auto& l : r->signed_lists) lists.emplace_back(l);
    for (const auto& p : r->written) written.emplace_back(p.string());
    std::cout << json::serialize(json::object{{"signed", std::move(lists)},
                                              {"written", std::move(written)}})
              << "\n";
    return kExitOk;
  }
  for (const auto& l : r->signed_lists) std::cout << T(ctx, "Re-signée : ", "Re-signed: ") << l << "\n";
  for (const auto& p : r->written) std::cout << T(ctx, "Écrit : ", "Written: ") << p.string() << "\n";
  if (r->signed_lists.empty())
    std::cout << T(ctx, "Aucune liste de statut n'a changé depuis sa dernière signature\n",
                   "No status list changed since it was last signed\n");
  return kExitOk;
}

void add_status_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "status", T(ctx, "Listes de statut des badges (révocation, suspension)",
                  "Badge status lists (revocation, suspension)"));
  cmd->require_subcommand(1);
  auto a = std::make_shared<PublishArgs>();
  CLI::App* publish = cmd->add_subcommand(
      "publish", T(ctx, "Signer et publier les listes de statut dans <dir>/public",
                   "Sign and publish the status lists into <dir>/public"));
  add_dir_and_json(publish, ctx, a->dir, a->json);
  publish->callback([&ctx, a] { ctx.exit_code = run_publish(ctx, *a); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_status_command);

}  // namespace ecusson::cli
