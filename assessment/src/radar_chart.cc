#include "ecusson/assessment/radar_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <string_view>

#include "ecusson/assessment/html_page.h"

namespace ecusson::assessment {

namespace {

constexpr double kWidth = 760;
constexpr double kRadarHeight = 580;
constexpr double kCx = 380;
constexpr double kCy = 285;
constexpr double kRadius = 200;
constexpr double kLabelGap = 18;
constexpr double kLineHeight = 14;
constexpr std::size_t kWrapColumns = 20;
constexpr std::size_t kMaxLines = 3;
constexpr const char* kPalette[] = {"#8a94a6", "#0b6bcb", "#1e7a3a", "#9a6400", "#a32020"};

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", std::abs(v) < 0.005 ? 0.0 : v);
  return buf;
}

std::string fmt_level(double v) {
  char buf[32];
  if (std::abs(v - std::round(v)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f", v);
    for (char* p = buf; *p; ++p) {
      if (*p == '.') *p = ',';
    }
  }
  return buf;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

// Greedy word wrap on code points; a word longer than the width stays whole.
std::vector<std::string> wrap(std::string_view text) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t sp = text.find(' ', pos);
    std::string_view word = text.substr(pos, sp == std::string_view::npos ? sp : sp - pos);
    pos = sp == std::string_view::npos ? text.size() : sp + 1;
    if (word.empty()) continue;
    if (!line.empty() && code_points(line) + 1 + code_points(word) > kWrapColumns) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  if (lines.size() > kMaxLines) {
    lines.resize(kMaxLines);
    lines.back() += "…";
  }
  return lines;
}

double clamp_value(const std::optional<double>& v, int max_level) {
  if (!v || !std::isfinite(*v)) return 0;
  return std::clamp(*v, 0.0, static_cast<double>(max_level));
}

int axis_max(const RadarAxis& a) { return std::max(1, a.max_level); }

std::string series_color(const RadarSeries& s, std::size_t index) {
  if (!s.color.empty()) return escape_xml(s.color);
  return kPalette[index % std::size(kPalette)];
}

std::string open_svg(double height, std::string_view css_class, const RadarChart& chart) {
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"";
  out += css_class;
  out += "\" viewBox=\"0 0 " + fmt(kWidth) + " " + fmt(height) + "\" width=\"" + fmt(kWidth) +
         "\" height=\"" + fmt(height) + "\" role=\"img\" font-family=\"DejaVu Sans, Arial, "
         "sans-serif\" font-size=\"12\"";
  return out;
}

// <title> and a <desc> listing every value in words: screen readers and text-only printing.
std::string accessible_text(const RadarChart& chart) {
  std::string out = "<title>" + escape_xml(chart.title) + "</title>\n<desc>";
  for (std::size_t i = 0; i < chart.axes.size(); ++i) {
    if (i) out += " ; ";
    out += escape_xml(chart.axes[i].label);
    out += " :";
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const auto& values = chart.series[s].values;
      out += s ? ", " : " ";
      out += escape_xml(chart.series[s].name);
      out += ' ';
      if (i < values.size() && values[i] && std::isfinite(*values[i])) {
        out += fmt_level(clamp_value(values[i], axis_max(chart.axes[i])));
        out += '/';
        out += std::to_string(axis_max(chart.axes[i]));
      } else {
        out += escape_xml(chart.missing_text);
      }
    }
  }
  out += "</desc>\n";
  return out;
}

std::string legend(const RadarChart& chart, double y) {
  std::string out = "<g class=\"legend\">\n";
  auto item_width = [](const RadarSeries& s) {
    return 60 + 7.5 * static_cast<double>(code_points(s.name));
  };
  double total = 0;
  for (const RadarSeries& s : chart.series) total += item_width(s);
  double x = std::max(10.0, (kWidth - total) / 2);
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const RadarSeries& series = chart.series[s];
    std::string color = series_color(series, s);
    out += "<line x1=\"" + fmt(x) + "\" y1=\"" + fmt(y) + "\" x2=\"" + fmt(x + 28) +
           "\" y2=\"" + fmt(y) + "\" stroke=\"" + color + "\" stroke-width=\"3\"" +
           (series.dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>\n";
    out += "<text x=\"" + fmt(x + 36) + "\" y=\"" + fmt(y + 4) + "\">" +
           escape_xml(series.name) + "</text>\n";
    x += item_width(series);
  }
  out += "</g>\n";
  return out;
}

std::string render_radar(const RadarChart& chart) {
  const std::size_t n = chart.axes.size();
  std::string out = open_svg(kRadarHeight, "radar", chart);
  out += " data-cx=\"" + fmt(kCx) + "\" data-cy=\"" + fmt(kCy) + "\" data-r=\"" + fmt(kRadius) +
         "\">\n";
  out += accessible_text(chart);

  auto angle = [n](std::size_t i) {
    return -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) /
                                       static_cast<double>(n);
  };
  auto point = [&](std::size_t i, double fraction) {
    double a = angle(i);
    return std::pair{kCx + kRadius * fraction * std::cos(a),
                     kCy + kRadius * fraction * std::sin(a)};
  };

  // Grid: one ring per level when every axis has the same scale; otherwise quarter rings
  // and a tick per level on each axis.
  int common_max = axis_max(chart.axes[0]);
  bool same_scale = std::all_of(chart.axes.begin(), chart.axes.end(),
                                [&](const RadarAxis& a) { return axis_max(a) == common_max; });
  out += "<g class=\"grid\" fill=\"none\" stroke=\"#d5dae3\" stroke-width=\"1\">\n";
  int rings = same_scale ? common_max : 4;
  for (int k = 1; k <= rings; ++k) {
    double f = static_cast<double>(k) / rings;
    out += "<polygon class=\"ring\" data-level=\"" + std::to_string(k) + "\" points=\"";
    for (std::size_t i = 0; i < n; ++i) {
      auto [x, y] = point(i, f);
      if (i) out += ' ';
      out += fmt(x) + "," + fmt(y);
    }
    out += "\"/>\n";
  }
  for (std::size_t i = 0; i < n; ++i) {
    auto [x, y] = point(i, 1.0);
    out += "<line class=\"axis\" data-axis=\"" + std::to_string(i) + "\" x1=\"" + fmt(kCx) +
           "\" y1=\"" + fmt(kCy) + "\" x2=\"" + fmt(x) + "\" y2=\"" + fmt(y) + "\"/>\n";
    if (!same_scale) {
      int m = axis_max(chart.axes[i]);
      for (int k = 1; k <= m; ++k) {
        auto [tx, ty] = point(i, static_cast<double>(k) / m);
        out += "<circle class=\"tick\" cx=\"" + fmt(tx) + "\" cy=\"" + fmt(ty) +
               "\" r=\"2\" fill=\"#d5dae3\"/>\n";
      }
    }
  }
  out += "</g>\n";
  if (same_scale) {
    // Level numbers along the first (top) axis.
    out += "<g class=\"level-numbers\" fill=\"#5b6475\" font-size=\"10\">\n";
    for (int k = 1; k <= common_max; ++k) {
      auto [x, y] = point(0, static_cast<double>(k) / common_max);
      out += "<text x=\"" + fmt(x + 4) + "\" y=\"" + fmt(y - 2) + "\">" + std::to_string(k) +
             "</text>\n";
    }
    out += "</g>\n";
  }

  // Series, in order: the first (entry) underneath.
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const RadarSeries& series = chart.series[s];
    std::string color = series_color(series, s);
    out += "<g class=\"series\" data-series=\"" + std::to_string(s) + "\" data-name=\"" +
           escape_xml(series.name) + "\">\n";
    out += "<polygon class=\"area\" points=\"";
    std::string markers;
    for (std::size_t i = 0; i < n; ++i) {
      static const std::optional<double> kNone;
      const std::optional<double>& v = i < series.values.size() ? series.values[i] : kNone;
      int m = axis_max(chart.axes[i]);
      double value = clamp_value(v, m);
      auto [x, y] = point(i, value / m);
      if (i) out += ' ';
      out += fmt(x) + "," + fmt(y);
      if (v.has_value() && std::isfinite(v.value())) {
        markers += "<circle class=\"marker\" data-axis=\"" + std::to_string(i) +
                   "\" data-value=\"" + fmt_level(value) + "\" cx=\"" + fmt(x) + "\" cy=\"" +
                   fmt(y) + "\" r=\"3.5\" fill=\"" + color + "\"/>\n";
      } else {
        // Not established: a hollow marker just off the centre on its axis, never a level 0
        // (which has a filled marker at the centre). One ring per series so both show.
        auto [hx, hy] = point(i, 0.08 + 0.06 * static_cast<double>(s));
        markers += "<circle class=\"missing\" data-missing-axis=\"" + std::to_string(i) +
                   "\" cx=\"" + fmt(hx) + "\" cy=\"" + fmt(hy) +
                   "\" r=\"3.5\" fill=\"#ffffff\" stroke=\"" + color +
                   "\" stroke-width=\"1.5\"/>\n";
      }
    }
    out += "\" fill=\"" + color + "\" fill-opacity=\"" + (s == 0 ? "0.10" : "0.18") +
           "\" stroke=\"" + color + "\" stroke-width=\"2.5\"" +
           (series.dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>\n";
    out += markers;
    out += "</g>\n";
  }
  // Dashed series (the entry) are drawn once more on top, thin and without fill, so that
  // where entry and exit coincide the entry line stays visible over the exit line.
  for (std::size_t s = 0; s + 1 < chart.series.size(); ++s) {
    const RadarSeries& series = chart.series[s];
    if (!series.dashed) continue;
    out += "<polygon class=\"outline\" data-series=\"" + std::to_string(s) + "\" points=\"";
    for (std::size_t i = 0; i < n; ++i) {
      static const std::optional<double> kNone;
      const std::optional<double>& v = i < series.values.size() ? series.values[i] : kNone;
      int m = axis_max(chart.axes[i]);
      auto [x, y] = point(i, clamp_value(v, m) / m);
      if (i) out += ' ';
      out += fmt(x) + "," + fmt(y);
    }
    out += "\" fill=\"none\" stroke=\"#1d2433\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\"/>\n";
  }

  // Axis labels, outside the outer ring, anchored away from the centre.
  out += "<g class=\"labels\" fill=\"#1d2433\">\n";
  for (std::size_t i = 0; i < n; ++i) {
    double a = angle(i);
    double c = std::cos(a), sn = std::sin(a);
    double x = kCx + (kRadius + kLabelGap) * c;
    double y = kCy + (kRadius + kLabelGap) * sn;
    const char* anchor = c > 0.2 ? "start" : (c < -0.2 ? "end" : "middle");
    std::vector<std::string> lines = wrap(chart.axes[i].label);
    if (lines.empty()) lines.push_back("");
    double block = kLineHeight * static_cast<double>(lines.size() - 1);
    double first_y = sn < -0.3 ? y - block : (sn > 0.3 ? y + 10 : y + 4 - block / 2);
    out += "<text class=\"label\" data-axis=\"" + std::to_string(i) + "\" x=\"" + fmt(x) +
           "\" y=\"" + fmt(first_y) + "\" text-anchor=\"" + anchor + "\">";
    for (std::size_t l = 0; l < lines.size(); ++l) {
      out += "<tspan x=\"" + fmt(x) + "\"";
      if (l) out += " dy=\"" + fmt(kLineHeight) + "\"";
      out += '>';
      out += escape_xml(lines[l]);
      out += "</tspan>";
    }
    out += "</text>\n";
  }
  out += "</g>\n";
  out += legend(chart, kRadarHeight - 24);
  out += "</svg>\n";
  return out;
}

// Fewer than 3 axes: one group of horizontal bars per axis, one bar per series.
std::string render_bars(const RadarChart& chart) {
  constexpr double kLabelWidth = 250, kBarX = 260, kBarWidth = 440, kBarHeight = 14;
  const std::size_t ns = std::max<std::size_t>(1, chart.series.size());
  const double row = kBarHeight * static_cast<double>(ns) + 30;
  const double height = 40 + row * static_cast<double>(chart.axes.size()) + 50;
  std::string out = open_svg(height, "bars", chart);
  out += " data-bar-x=\"" + fmt(kBarX) + "\" data-bar-width=\"" + fmt(kBarWidth) + "\">\n";
  out += accessible_text(chart);
  double y = 30;
  for (std::size_t i = 0; i < chart.axes.size(); ++i) {
    int m = axis_max(chart.axes[i]);
    std::vector<std::string> lines = wrap(chart.axes[i].label);
    out += "<text class=\"label\" data-axis=\"" + std::to_string(i) + "\" x=\"" +
           fmt(kLabelWidth) + "\" y=\"" + fmt(y + 12) + "\" text-anchor=\"end\">";
    for (std::size_t l = 0; l < lines.size(); ++l) {
      out += "<tspan x=\"" + fmt(kLabelWidth) + "\"";
      if (l) out += " dy=\"" + fmt(kLineHeight) + "\"";
      out += '>';
      out += escape_xml(lines[l]);
      out += "</tspan>";
    }
    out += "</text>\n";
    // Scale: a tick and a number per level.
    for (int k = 0; k <= m; ++k) {
      double x = kBarX + kBarWidth * k / m;
      out += "<line class=\"tick\" x1=\"" + fmt(x) + "\" y1=\"" + fmt(y - 4) + "\" x2=\"" +
             fmt(x) + "\" y2=\"" + fmt(y + row - 26) + "\" stroke=\"#d5dae3\"/>\n";
      out += "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y + row - 14) +
             "\" text-anchor=\"middle\" font-size=\"10\" fill=\"#5b6475\">" +
             std::to_string(k) + "</text>\n";
    }
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const RadarSeries& series = chart.series[s];
      std::optional<double> v = i < series.values.size() ? series.values[i] : std::nullopt;
      double value = clamp_value(v, m);
      std::string color = series_color(series, s);
      out += "<rect class=\"bar\" data-axis=\"" + std::to_string(i) + "\" data-series=\"" +
             std::to_string(s) + "\" x=\"" + fmt(kBarX) + "\" y=\"" +
             fmt(y + kBarHeight * static_cast<double>(s)) + "\" width=\"" +
             fmt(kBarWidth * value / m) + "\" height=\"" + fmt(kBarHeight - 2) + "\" fill=\"" +
             color + "\"" + (series.dashed ? " fill-opacity=\"0.55\"" : "") + "/>\n";
    }
    y += row;
  }
  out += legend(chart, height - 24);
  out += "</svg>\n";
  return out;
}

}  // namespace

std::string render_radar_svg(const RadarChart& chart) {
  if (chart.axes.size() >= 3) return render_radar(chart);
  if (!chart.axes.empty()) return render_bars(chart);
  std::string out = open_svg(60, "empty", chart);
  out += ">\n" + accessible_text(chart);
  out += "<text x=\"20\" y=\"34\">" + escape_xml(chart.missing_text) + "</text>\n</svg>\n";
  return out;
}

}  // namespace ecusson::assessment
