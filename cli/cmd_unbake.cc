// `ecusson unbake IMG [-o OUT] [--json]`: prints the credential baked in a PNG or SVG
// image (JSON, compact JWS, or legacy URL) and reports its kind on stderr.
// Exit: 0 found, 1 the image holds no badge, 2 unusable input (unreadable, corrupt,
// hostile or ambiguous image).
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <iostream>

#include "command.h"
#include "ecusson/baking/baked_payload.h"
#include "output.h"

namespace ecusson::cli {

namespace {

struct UnbakeArgs {
  std::string image;
  std::string output;
  bool json = false;
};

std::string_view kind_label(baking::BakedKind k, Lang lang) {
  switch (k) {
    case baking::BakedKind::ob3_json:
      return tr(lang, "Open Badges 3.0, justificatif JSON", "Open Badges 3.0, credential JSON");
    case baking::BakedKind::ob3_jws:
      return tr(lang, "Open Badges 3.0, JWS (VC-JWT)", "Open Badges 3.0, JWS (VC-JWT)");
    case baking::BakedKind::ob2_json:
      return tr(lang, "Open Badges 2.0, assertion hébergée (JSON)",
                "Open Badges 2.0, hosted assertion (JSON)");
    case baking::BakedKind::ob2_jws:
      return tr(lang, "Open Badges 2.0, assertion signée (JWS)",
                "Open Badges 2.0, signed assertion (JWS)");
    case baking::BakedKind::ob2_url:
      return tr(lang, "Open Badges 2.0, URL d'assertion hébergée",
                "Open Badges 2.0, hosted assertion URL");
  }
  return {};
}

int run_unbake(const UnbakeArgs& a, const Context& ctx) {
  auto p = baking::unbake_file(a.image);
  if (!p) {
    print_baking_error(ctx.lang, p.error());
    return p.error().code == "baking.not_baked" ? kExitNo : kExitUnusable;
  }
  std::string out;
  if (a.json) {
    boost::json::object o;
    o["kind"] = baking::to_string(p->kind);
    o["payload"] = p->text;
    if (!p->verify_url.empty()) o["verify"] = p->verify_url;
    out = boost::json::serialize(o);
  } else {
    out = p->text;
  }
  out += "\n";
  if (!write_output(a.output, out)) {
    std::cerr << tr(ctx.lang, "erreur : impossible d'écrire ", "error: cannot write ") << a.output
              << "\n";
    return kExitUnusable;
  }
  std::cerr << kind_label(p->kind, ctx.lang) << "\n";
  return kExitOk;
}

void add_unbake_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<UnbakeArgs>();
  CLI::App* cmd =
      app.add_subcommand("unbake", tr(ctx.lang, "Extraire le badge cuit dans une image PNG ou SVG",
                                      "Extract the badge baked into a PNG or SVG image")
                                       .data());
  cmd->add_option("image", args->image, tr(ctx.lang, "Image PNG ou SVG", "PNG or SVG image").data())
      ->required();
  cmd->add_option(
      "-o,--output", args->output,
      tr(ctx.lang, "Écrire le contenu dans ce fichier", "Write the content to this file").data());
  cmd->add_flag(
      "--json", args->json,
      tr(ctx.lang, "Sortie JSON {kind, payload, verify}", "JSON output {kind, payload, verify}")
          .data());
  cmd->callback([args, &ctx] { ctx.exit_code = run_unbake(*args, ctx); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_unbake_command);

}  // namespace ecusson::cli
