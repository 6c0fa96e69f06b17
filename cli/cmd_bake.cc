// `ecusson bake CREDENTIAL --image IMG -o OUT [--ob2|--ob3]`: bakes a credential (JSON file
// or compact JWS) into a PNG or SVG badge image. The Open Badges generation is read from
// the content (an OB 2.0 Assertion has the https://w3id.org/openbadges/v2 context, in the
// JSON or in the JWS payload) unless forced.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <iostream>

#include "command.h"
#include "ecusson/baking/baked_payload.h"
#include "ecusson/baking/png_baking.h"
#include "ecusson/baking/svg_baking.h"
#include "output.h"

namespace ecusson::cli {

namespace {

struct BakeArgs {
  std::string credential;
  std::string image;
  std::string output;
  bool ob2 = false;
  bool ob3 = false;
  bool json = false;
};

int run_bake(const BakeArgs& a, const Context& ctx) {
  std::string credential, read_error;
  if (!read_input(a.credential, credential, read_error, 8u << 20)) {
    std::cerr << tr(ctx.lang, "erreur : ", "error: ") << read_error << "\n";
    return kExitUnusable;
  }
  baking::BadgeVersion version;
  if (a.ob2 || a.ob3) {
    version = a.ob2 ? baking::BadgeVersion::ob2 : baking::BadgeVersion::ob3;
  } else {
    auto detected = baking::detect_badge_version(credential);
    if (!detected) {
      Error e = detected.error();
      e.where = a.credential;
      print_baking_error(ctx.lang, e);
      return kExitUnusable;
    }
    version = *detected;
  }
  auto image = baking::read_image_file(a.image);
  if (!image) {
    print_baking_error(ctx.lang, image.error());
    return kExitUnusable;
  }
  auto format = baking::sniff_image_format(*image);
  if (!format) {
    Error e = format.error();
    e.where = a.image;
    print_baking_error(ctx.lang, e);
    return kExitUnusable;
  }
  auto baked = *format == baking::ImageFormat::png ? baking::bake_png(*image, credential, version)
                                                   : baking::bake_svg(*image, credential, version);
  if (!baked) {
    Error e = baked.error();
    if (e.where.empty()) e.where = a.image;
    print_baking_error(ctx.lang, e);
    return kExitUnusable;
  }
  if (!write_output(a.output, *baked)) {
    std::cerr << tr(ctx.lang, "erreur : impossible d'écrire ", "error: cannot write ") << a.output
              << "\n";
    return kExitUnusable;
  }
  auto form = baking::classify_payload(credential);
  const char* what = version == baking::BadgeVersion::ob3 ? "Open Badges 3.0" : "Open Badges 2.0";
  const char* form_name = form && *form == baking::PayloadForm::jws ? "JWS" : "JSON";
  if (a.json && a.output != "-") {
    boost::json::object o;
    o["output"] = a.output;
    o["version"] = version == baking::BadgeVersion::ob3 ? "ob3" : "ob2";
    o["form"] = form && *form == baking::PayloadForm::jws ? "jws" : "json";
    o["image"] = *format == baking::ImageFormat::png ? "png" : "svg";
    std::cout << boost::json::serialize(o) << "\n";
  } else if (a.output != "-") {
    std::cerr << (ctx.lang == Lang::en ? "Baked " : "Badge ") << what << " (" << form_name << ") "
              << (ctx.lang == Lang::en ? "into " : "cuit dans ") << a.output << "\n";
  }
  return kExitOk;
}

void add_bake_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<BakeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "bake", tr(ctx.lang, "Cuire un badge (JSON ou JWS) dans une image PNG ou SVG",
                 "Bake a badge (JSON or JWS) into a PNG or SVG image")
                  .data());
  cmd->add_option("credential", args->credential,
                  tr(ctx.lang, "Fichier du badge : JSON ou JWS compact (- = entrée standard)",
                     "Badge file: JSON or compact JWS (- = stdin)")
                      .data())
      ->required();
  cmd->add_option("--image,-i", args->image,
                  tr(ctx.lang, "Image PNG ou SVG à cuire", "PNG or SVG image to bake").data())
      ->required();
  cmd->add_option("-o,--output", args->output,
                  tr(ctx.lang, "Image cuite à écrire (- = sortie standard)",
                     "Baked image to write (- = stdout)")
                      .data())
      ->required();
  auto* ob2 = cmd->add_flag("--ob2", args->ob2,
                            tr(ctx.lang, "Forcer Open Badges 2.0", "Force Open Badges 2.0").data());
  auto* ob3 = cmd->add_flag("--ob3", args->ob3,
                            tr(ctx.lang, "Forcer Open Badges 3.0", "Force Open Badges 3.0").data());
  ob2->excludes(ob3);
  cmd->add_flag(
      "--json", args->json,
      tr(ctx.lang, "Résumé JSON sur la sortie standard", "JSON summary on stdout").data());
  cmd->callback([args, &ctx] { ctx.exit_code = run_bake(*args, ctx); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_bake_command);

}  // namespace ecusson::cli
