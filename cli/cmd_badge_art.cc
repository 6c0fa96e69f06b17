// `ecusson badge-art --competence "…" --level N --level-label "…" --domain-colour "#…"
//  [--levels 4] [--domain "…"] [--width 512] -o out.png|out.svg`: draws the picture of a
// badge from templates/badges/badge.svg.tmpl (SVG, or PNG rendered with librsvg).
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "command.h"
#include "ecusson/art/badge_art.h"
#include "ecusson/common/text.h"

namespace ecusson::cli {

namespace {

struct ArtArgs {
  art::BadgeArtInput in;
  std::string output;
  std::string template_name = "badge.svg.tmpl";
  int width = 512;
};

// English wording of the art.* error codes (the library's messages are French).
std::string art_error(const Error& e, Lang lang) {
  if (lang != Lang::en) return e.to_string();
  std::string_view en = e.code == "art.template"    ? "badge template not found"
                        : e.code == "art.bad_width" ? "image width out of range (16 to 4096 pixels)"
                        : e.code == "art.bad_svg"   ? "librsvg cannot read the SVG"
                        : e.code == "art.render"    ? "rendering failed"
                                                    : std::string_view(e.message);
  return (e.where.empty() ? "" : e.where + ": ") + std::string(en) + " [" + e.code + "]";
}

int run_badge_art(const ArtArgs& a, const Context& ctx) {
  auto say_error = [&](std::string_view fr, std::string_view en) {
    std::cerr << tr(ctx.lang, "erreur : ", "error: ") << tr(ctx.lang, fr, en) << "\n";
    return kExitUnusable;
  };
  if (!art::is_valid_colour(a.in.domain_colour))
    return say_error("--domain-colour attend une couleur #RGB ou #RRGGBB",
                     "--domain-colour expects a #RGB or #RRGGBB colour");
  if (a.in.level < 1 || a.in.level > a.in.level_count)
    return say_error("--level doit être entre 1 et --levels",
                     "--level must be between 1 and --levels");
  bool png = iends_with(a.output, ".png");
  if (!png && !iends_with(a.output, ".svg"))
    return say_error("-o doit finir par .png ou .svg", "-o must end with .png or .svg");
  auto tmpl = art::load_badge_template(ctx.templates_dir, a.template_name);
  if (!tmpl) {
    std::cerr << tr(ctx.lang, "erreur : ", "error: ") << art_error(tmpl.error(), ctx.lang) << "\n";
    return kExitUnusable;
  }
  std::string svg = art::render_badge_svg(a.in, *tmpl);
  std::string bytes = svg;
  if (png) {
    auto r = art::render_badge_png(svg, a.width);
    if (!r) {
      std::cerr << tr(ctx.lang, "erreur : ", "error: ") << art_error(r.error(), ctx.lang) << "\n";
      return kExitUnusable;
    }
    bytes = std::move(*r);
  }
  std::ofstream out(a.output, std::ios::binary | std::ios::trunc);
  if (!out || !out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())))
    return say_error("impossible d'écrire le fichier de sortie", "cannot write the output file");
  return kExitOk;
}

void add_badge_art_command(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<ArtArgs>();
  CLI::App* cmd = app.add_subcommand(
      "badge-art",
      tr(ctx.lang, "Dessiner l'image d'un badge (SVG ou PNG)", "Draw a badge picture (SVG or PNG)")
          .data());
  cmd->add_option("--competence", a->in.competence,
                  tr(ctx.lang, "Nom de la compétence", "Competence name").data())
      ->required();
  cmd->add_option("--level", a->in.level, tr(ctx.lang, "Niveau (1..N)", "Level (1..N)").data())
      ->required();
  cmd->add_option(
         "--levels", a->in.level_count,
         tr(ctx.lang, "Nombre de niveaux de l'échelle (4)", "Levels in the scale (4)").data())
      ->check(CLI::Range(1, 10));
  cmd->add_option("--level-label", a->in.level_label,
                  tr(ctx.lang, "Libellé du niveau", "Level label").data());
  cmd->add_option("--domain", a->in.domain, tr(ctx.lang, "Domaine", "Domain").data());
  cmd->add_option("--domain-colour,--domain-color", a->in.domain_colour,
                  tr(ctx.lang, "Couleur du domaine (#RRGGBB)", "Domain colour (#RRGGBB)").data());
  cmd->add_option(
         "--width", a->width,
         tr(ctx.lang, "Largeur du PNG en pixels (512)", "PNG width in pixels (512)").data())
      ->check(CLI::Range(16, 4096));
  cmd->add_option("--template", a->template_name,
                  tr(ctx.lang, "Modèle dans templates/badges/ (badge.svg.tmpl, shield.svg.tmpl)",
                     "Template in templates/badges/ (badge.svg.tmpl, shield.svg.tmpl)")
                      .data());
  cmd->add_option(
         "-o,--output", a->output,
         tr(ctx.lang, "Fichier .png ou .svg à écrire", "The .png or .svg file to write").data())
      ->required();
  cmd->callback([a, &ctx] { ctx.exit_code = run_badge_art(*a, ctx); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_badge_art_command);

}  // namespace ecusson::cli
