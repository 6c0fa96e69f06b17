// Badge art: the picture of a badge, an SVG template filled per competence and level,
// and its PNG rendering (librsvg + cairo).
//
// The template (templates/badges/badge.svg.tmpl) holds {{placeholders}}; the filler
// XML-escapes every text value, wraps the competence name on 1–3 lines (shrinking the
// font when needed), fits the level banner, draws the level as stars and derives the
// shades of the domain colour. Text uses DejaVu Sans so French accents render.
// Pure functions; render_badge_png is thread-safe (one librsvg handle per call).
#pragma once

#include <string>
#include <string_view>

#include "ecusson/result.h"

namespace ecusson::art {

struct BadgeArtInput {
  std::string competence;                 // e.g. "Communiquer à l'oral"
  int level = 1;                          // 1..level_count
  int level_count = 4;                    // stars drawn: `level` filled out of `level_count`
  std::string level_label;                // e.g. "Je sais faire seul·e"
  std::string domain;                     // optional, shown in small capitals
  std::string domain_colour = "#2B6CB0";  // #RGB or #RRGGBB; invalid → this default
  std::string mark = "ECUSSON";           // small issuer mark at the bottom
};

/// Reads `templates_dir`/badges/`name`. Errors: "art.template" (missing or unreadable).
[[nodiscard]] Result<std::string> load_badge_template(std::string_view templates_dir,
                                                      std::string_view name = "badge.svg.tmpl");

/// True for "#RGB" or "#RRGGBB" (hex digits).
bool is_valid_colour(std::string_view colour);

/// Fills `svg_template` for `in`. Unknown placeholders are left as they are.
/// Example: render_badge_svg({"Travailler en équipe", 2, 4, "Je sais faire seul·e"}, tmpl)
std::string render_badge_svg(const BadgeArtInput& in, std::string_view svg_template);

/// Renders an SVG to a PNG `width` pixels wide (height from the SVG's aspect ratio).
/// Errors: "art.bad_width" (outside 16..4096), "art.bad_svg" (librsvg cannot read it),
/// "art.render" (cairo failure).
[[nodiscard]] Result<std::string> render_badge_png(std::string_view svg, int width);

}  // namespace ecusson::art
