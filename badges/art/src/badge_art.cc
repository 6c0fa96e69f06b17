#include "ecusson/art/badge_art.h"

#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <vector>

#include "ecusson/common/text.h"

namespace ecusson::art {

namespace {

// --- text helpers ---------------------------------------------------------------------

// Decodes UTF-8 into code points; invalid bytes become U+FFFD, control characters a space
// (XML 1.0 forbids most of them), so the output is always well-formed.
std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp = 0xFFFD;
    std::size_t len = 1;
    if (c < 0x80) {
      cp = c;
    } else if ((c >> 5) == 0x6 || (c >> 4) == 0xE || (c >> 3) == 0x1E) {
      len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
      if (i + len <= s.size()) {
        cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        bool ok = true;
        for (std::size_t k = 1; k < len; ++k) {
          unsigned char cc = static_cast<unsigned char>(s[i + k]);
          if ((cc >> 6) != 0x2) ok = false;
          cp = (cp << 6) | (cc & 0x3F);
        }
        bool overlong =
            (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (!ok || overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          cp = 0xFFFD;
          len = 1;
        }
      } else {
        len = 1;
      }
    }
    if (cp < 0x20 || cp == 0x7F || cp == 0xFFFE || cp == 0xFFFF) cp = ' ';
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string xml_escape(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        append_utf8(out, c);
    }
  }
  return out;
}

std::string xml_escape(std::string_view s) { return xml_escape(decode_utf8(s)); }

std::u32string upper(std::u32string s) {
  for (auto& c : s) {
    if (c >= 'a' && c <= 'z')
      c -= 32;
    else if ((c >= 0xE0 && c <= 0xFE && c != 0xF7))
      c -= 32;  // Latin-1 accented letters
    else if (c == 0x153)
      c = 0x152;  // œ → Œ
  }
  return s;
}

// Display form: typewriter apostrophes become typographic ones (French typography).
std::u32string typographic(std::u32string s) {
  for (auto& c : s)
    if (c == '\'') c = U'\u2019';
  return s;
}

// Approximate advance of a character in DejaVu Sans Bold, in em. Good enough to wrap and
// fit text; the real widths are within about 10 %.
double advance_em(char32_t c) {
  if (c == ' ') return 0.35;
  if (std::u32string_view(U"il.,:;'!|·ıìíîï").find(c) != std::u32string_view::npos) return 0.34;
  if (std::u32string_view(U"fjrt()-").find(c) != std::u32string_view::npos) return 0.47;
  if (std::u32string_view(U"mwMWŒ—").find(c) != std::u32string_view::npos) return 1.0;
  if (c >= 'A' && c <= 'Z') return 0.77;
  if (c >= 0xC0 && c <= 0xDE) return 0.77;
  if (c >= '0' && c <= '9') return 0.70;
  return 0.68;
}

double text_width(std::u32string_view s, double font_size) {
  double w = 0;
  for (char32_t c : s) w += advance_em(c);
  return w * font_size;
}

std::vector<std::u32string> split_words(std::u32string_view s) {
  std::vector<std::u32string> words;
  std::u32string cur;
  for (char32_t c : s) {
    if (c == ' ') {
      if (!cur.empty()) words.push_back(std::move(cur)), cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

// Greedy wrap into lines no wider than `max_width`; a word wider than a line is cut.
std::vector<std::u32string> wrap(std::u32string_view text, double font_size, double max_width) {
  std::vector<std::u32string> lines;
  std::u32string line;
  for (auto word : split_words(text)) {
    while (text_width(word, font_size) > max_width && word.size() > 1) {
      // Cut an over-long word with a hyphen.
      std::size_t n = word.size() - 1;
      while (n > 1 && text_width(word.substr(0, n) + U"-", font_size) > max_width) --n;
      if (!line.empty()) lines.push_back(std::move(line)), line.clear();
      lines.push_back(word.substr(0, n) + U"-");
      word = word.substr(n);
    }
    std::u32string candidate = line.empty() ? word : line + U" " + word;
    if (!line.empty() && text_width(candidate, font_size) > max_width) {
      lines.push_back(std::move(line));
      line = word;
    } else {
      line = std::move(candidate);
    }
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

struct NameLayout {
  std::vector<std::u32string> lines;
  double font_size;
};

NameLayout layout_name(std::u32string_view name) {
  // The disc is widest at its centre; allow ~300 px per line.
  constexpr double kMaxWidth = 300;
  for (double fs : {34.0, 30.0, 27.0, 24.0, 21.0, 19.0}) {
    auto lines = wrap(name, fs, kMaxWidth);
    if (lines.size() <= (fs >= 30 ? 2u : 3u)) return {std::move(lines), fs};
  }
  double fs = 19;
  auto lines = wrap(name, fs, kMaxWidth);
  lines.resize(3);
  std::u32string& last = lines[2];
  while (!last.empty() && text_width(last + U"…", fs) > kMaxWidth) last.pop_back();
  while (!last.empty() && last.back() == ' ') last.pop_back();
  last += U"…";
  return {std::move(lines), fs};
}

// --- colours ---------------------------------------------------------------------------

struct Rgb {
  double r, g, b;
};

bool parse_colour(std::string_view s, Rgb& out) {
  if (!is_valid_colour(s)) return false;
  auto hex = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  if (s.size() == 4) {
    out = {hex(s[1]) * 17.0, hex(s[2]) * 17.0, hex(s[3]) * 17.0};
  } else {
    out = {hex(s[1]) * 16.0 + hex(s[2]), hex(s[3]) * 16.0 + hex(s[4]),
           hex(s[5]) * 16.0 + hex(s[6])};
  }
  return true;
}

std::string to_hex(Rgb c) {
  char buf[8];
  auto clamp = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 255.0))); };
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", clamp(c.r), clamp(c.g), clamp(c.b));
  return buf;
}

Rgb mix(Rgb a, Rgb b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

// --- stars -----------------------------------------------------------------------------

std::string star_path(double cx, double cy, double r) {
  std::string d;
  char buf[64];
  for (int i = 0; i < 10; ++i) {
    double rad = (i % 2 == 0) ? r : r * 0.45;
    double a = -M_PI / 2 + i * M_PI / 5;
    std::snprintf(buf, sizeof buf, "%s%.1f %.1f", i == 0 ? "M" : " L", cx + rad * std::cos(a),
                  cy + rad * std::sin(a));
    d += buf;
  }
  return d + " Z";
}

std::string stars_markup(int level, int count) {
  count = std::clamp(count, 1, 10);
  level = std::clamp(level, 0, count);
  const double r = count <= 5 ? 15 : 11;
  const double gap = r * 2.4;
  double x0 = 256 - gap * (count - 1) / 2.0;
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += "<path d=\"" + star_path(x0 + gap * i, 106, r) + "\"";
    if (i >= level) out += " fill-opacity=\"0.15\" stroke-opacity=\"0.7\"";
    out += "/>";
  }
  return out;
}

std::string replace_all(std::string_view tmpl, const std::map<std::string, std::string>& vars) {
  std::string out;
  out.reserve(tmpl.size() + 1024);
  std::size_t pos = 0;
  while (pos < tmpl.size()) {
    auto open = tmpl.find("{{", pos);
    if (open == std::string_view::npos) break;
    auto close = tmpl.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    out.append(tmpl.substr(pos, open - pos));
    std::string key(tmpl.substr(open + 2, close - open - 2));
    auto it = vars.find(key);
    if (it != vars.end())
      out += it->second;
    else
      out.append(tmpl.substr(open, close + 2 - open));
    pos = close + 2;
  }
  out.append(tmpl.substr(pos));
  return out;
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

bool is_valid_colour(std::string_view c) {
  if (!(c.size() == 4 || c.size() == 7) || c[0] != '#') return false;
  for (char ch : c.substr(1))
    if (!std::isxdigit(static_cast<unsigned char>(ch))) return false;
  return true;
}

Result<std::string> load_badge_template(std::string_view templates_dir, std::string_view name) {
  std::string path = std::string(templates_dir) + "/badges/" + std::string(name);
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("art.template", "modèle de badge introuvable", path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (ss.str().empty()) return fail("art.template", "modèle de badge vide", path);
  return ss.str();
}

std::string render_badge_svg(const BadgeArtInput& in, std::string_view svg_template) {
  Rgb base;
  if (!parse_colour(in.domain_colour, base)) parse_colour("#2B6CB0", base);
  const Rgb white{255, 255, 255}, black{0, 0, 0};

  std::map<std::string, std::string> v;
  v["colour"] = to_hex(base);
  v["colour_dark"] = to_hex(mix(base, black, 0.38));
  v["colour_light"] = to_hex(mix(base, white, 0.35));

  // Competence name: 1–3 centred lines around y = 226.
  std::u32string name = typographic(decode_utf8(in.competence));
  NameLayout layout = layout_name(name);
  double line_h = layout.font_size * 1.18;
  double n = static_cast<double>(layout.lines.size());
  // Baseline of the first line so that the block is centred on y = 218 (cap height ≈ .72em).
  double first = 220 - (n - 1) * line_h / 2 + layout.font_size * 0.36;
  std::string tspans, shadow;
  for (std::size_t i = 0; i < layout.lines.size(); ++i) {
    double y = first + line_h * static_cast<double>(i);
    std::string text = xml_escape(layout.lines[i]);
    tspans += "<tspan x=\"256\" y=\"" + fmt(y) + "\">" + text + "</tspan>";
    shadow += "<tspan x=\"257.5\" y=\"" + fmt(y + 1.5) + "\">" + text + "</tspan>";
  }
  v["name_lines"] = tspans;
  v["name_lines_shadow"] = shadow;
  v["name_size"] = fmt(layout.font_size);
  v["name_y"] = fmt(first);

  // Banner: "Niveau 2 — Je sais faire seul·e", fitted to 360 px.
  std::u32string banner = U"Niveau " + decode_utf8(std::to_string(in.level));
  std::u32string label = typographic(decode_utf8(in.level_label));
  if (!split_words(label).empty()) banner += U" — " + label;
  double banner_size = 22;
  while (banner_size > 11 && text_width(banner, banner_size) > 360) banner_size -= 0.5;
  if (text_width(banner, banner_size) > 360) {
    while (!banner.empty() && text_width(banner + U"…", banner_size) > 360) banner.pop_back();
    banner += U"…";
  }
  v["banner"] = xml_escape(banner);
  v["banner_size"] = fmt(banner_size);
  v["banner_y"] = fmt(326 + banner_size * 0.36);

  v["stars"] = stars_markup(in.level, in.level_count);
  // Domain in small capitals on one line (the disc is ~300 px wide there).
  std::u32string domain = upper(decode_utf8(in.domain));
  auto domain_width = [&](double fs) {
    return text_width(domain, fs) + 2.0 * static_cast<double>(domain.size());  // letter-spacing
  };
  double domain_size = 13;
  while (domain_size > 10 && domain_width(domain_size) > 280) domain_size -= 0.5;
  if (domain_width(domain_size) > 280) {
    while (!domain.empty() && domain_width(domain_size) > 268) domain.pop_back();
    domain += U"…";
  }
  v["domain"] = xml_escape(domain);
  v["domain_size"] = fmt(domain_size);
  v["domain_y"] = "146";
  // Mark: a small shield then the name, centred together.
  std::u32string mark = upper(decode_utf8(in.mark));
  double mark_w = 13 + 10 + text_width(mark, 13) * 0.93 + 3.0 * static_cast<double>(mark.size());
  v["mark"] = xml_escape(mark);
  v["mark_x"] = fmt(-mark_w / 2);
  v["mark_text_x"] = fmt(-mark_w / 2 + 23);
  std::string title = in.competence + " — Niveau " + std::to_string(in.level);
  if (!in.level_label.empty()) title += " (" + in.level_label + ")";
  v["title"] = xml_escape(title);
  return replace_all(svg_template, v);
}

namespace {

struct GObjectDeleter {
  void operator()(RsvgHandle* h) const { g_object_unref(h); }
};
struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

cairo_status_t write_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<std::string> render_badge_png(std::string_view svg, int width) {
  if (width < 16 || width > 4096)
    return fail("art.bad_width", "largeur d'image hors limites (16 à 4096 pixels)");
  GError* err = nullptr;
  std::unique_ptr<RsvgHandle, GObjectDeleter> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &err));
  if (!handle) {
    std::string msg = err ? err->message : "?";
    if (err) g_error_free(err);
    return fail("art.bad_svg", "SVG illisible par librsvg : " + msg);
  }
  gdouble w = 0, h = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &w, &h) || w <= 0 || h <= 0) {
    RsvgRectangle ink{}, logical{};
    if (!rsvg_handle_get_geometry_for_element(handle.get(), nullptr, &ink, &logical, nullptr) ||
        logical.width <= 0 || logical.height <= 0)
      return fail("art.bad_svg", "SVG sans dimensions");
    w = logical.width;
    h = logical.height;
  }
  int height = std::max(1, static_cast<int>(std::lround(width * h / w)));
  if (height > 4096) return fail("art.bad_width", "image trop haute");
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return fail("art.render", "surface cairo impossible");
  std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
  RsvgRectangle viewport{0, 0, static_cast<double>(width), static_cast<double>(height)};
  if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &err)) {
    std::string msg = err ? err->message : "?";
    if (err) g_error_free(err);
    return fail("art.render", "rendu SVG impossible : " + msg);
  }
  cr.reset();
  std::string png;
  if (cairo_surface_write_to_png_stream(surface.get(), &write_to_string, &png) !=
      CAIRO_STATUS_SUCCESS)
    return fail("art.render", "écriture PNG impossible");
  return png;
}

}  // namespace ecusson::art
