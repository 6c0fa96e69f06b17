// RadarChart: an inline SVG chart of levels per competence, entry and exit overlaid.
//
// Each axis is one competence, with its own level scale 0..max (grids may use any number of
// levels, per competence). Each series (typically "Entrée" and "Sortie") is a closed polygon;
// a series without a level on an axis (insufficient evidence) is drawn at 0 there with no
// filled marker but a hollow one just off the centre (class "missing"), so a missing level is
// never mistaken for level 0. Dashed series (the entry) are redrawn on top as a thin outline
// (class "outline"), so the entry line stays visible where it coincides with the exit line. With fewer than 3 axes a radar
// means nothing, so the chart falls back to horizontal bars. Labels (French, accents) are
// XML-escaped and wrapped on up to three lines.
//
// Geometry (for tests and for anyone embedding the chart): the root `<svg>` carries
// `data-cx`, `data-cy` and `data-r`; axis i points at angle -90° + 360°·i/N (clockwise from
// the top, in SVG coordinates), and a value v on an axis of maximum m sits at distance r·v/m
// from the centre. Pure function over a value type; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ecusson::assessment {

struct RadarSeries {
  /// Legend text, e.g. "Entrée (12/01/2025)".
  std::string name;
  /// One value per axis, in level units (0..max of that axis); nullopt = no level.
  std::vector<std::optional<double>> values;
  /// Stroke colour ("#0b6bcb"); empty = from the built-in palette by series index.
  std::string color;
  /// Dashed outline (used for the entry series, so it prints well in black and white).
  bool dashed = false;
};

struct RadarAxis {
  std::string label;
  /// Highest level on this axis (>= 1; smaller values are treated as 1).
  int max_level = 4;
};

struct RadarChart {
  /// Accessible title (<title>), e.g. "Niveaux par compétence".
  std::string title;
  std::vector<RadarAxis> axes;
  std::vector<RadarSeries> series;
  /// Word used in the accessible description for a missing value ("non établi").
  std::string missing_text = "non établi";
};

/// Renders the chart as an `<svg>` element (no XML declaration), ready to inline in HTML.
/// Radar for 3 or more axes, bars for 1 or 2, a short message for 0.
/// Example: render_radar_svg({"Niveaux", {{"Écouter", 4}, ...}, {{"Entrée", {1, 2, ...}}}});
std::string render_radar_svg(const RadarChart& chart);

}  // namespace ecusson::assessment
