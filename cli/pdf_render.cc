#include "pdf_render.h"

#include <algorithm>
#include <memory>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

namespace ecusson::cli {

namespace {

namespace as = ecusson::assessment;

constexpr double kMm = 72.0 / 25.4;
constexpr double kPageW = 210 * kMm;
constexpr double kPageH = 297 * kMm;
constexpr double kLeft = 16 * kMm;
constexpr double kRight = kPageW - 16 * kMm;
constexpr double kTop = 12 * kMm;
constexpr double kBottom = kPageH - 15 * kMm;  // the footer sits below this line
constexpr double kWidth = kRight - kLeft;
constexpr const char* kFont = "DejaVu Sans";

std::string escape_markup(const std::string& s) {
  gchar* e = g_markup_escape_text(s.c_str(), static_cast<gssize>(s.size()));
  std::string out(e);
  g_free(e);
  return out;
}

std::string spans_markup(const as::Spans& spans) {
  std::string out;
  for (const as::Span& s : spans) {
    std::string t = escape_markup(s.text);
    if (s.muted) t = "<span foreground=\"#666666\">" + t + "</span>";
    if (s.italic) t = "<i>" + t + "</i>";
    if (s.bold) t = "<b>" + t + "</b>";
    out += t;
  }
  return out;
}

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

class Renderer {
 public:
  Renderer(cairo_t* cr, const as::PrintDocument& doc) : cr_(cr), doc_(doc) {}

  // Lays the whole document out; draws only when `draw`. Returns the page count.
  int run(bool draw, int total_pages) {
    draw_ = draw;
    total_ = total_pages;
    page_ = 0;
    start_page();
    if (doc_.logo_slot || !doc_.header_left.empty()) band();
    const auto& blocks = doc_.blocks;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const as::Block& b = blocks[i];
      if (b.keep_with_next && i + 1 < blocks.size()) {
        // A heading is never the last thing on a page: keep room for it and a few lines.
        ensure(measure_block_head(b) + 40);
      }
      block(b);
    }
    end_page();
    return page_;
  }

 private:
  Layout layout(const std::string& markup, double width, double size, bool bold = false) {
    PangoLayout* l = pango_cairo_create_layout(cr_);
    PangoFontDescription* fd = pango_font_description_from_string(kFont);
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_spacing(l, static_cast<int>(size * 0.18 * PANGO_SCALE));
    pango_layout_set_markup(l, markup.c_str(), -1);
    return Layout(l);
  }
  static double height(const Layout& l) {
    int w = 0, h = 0;
    pango_layout_get_size(l.get(), &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }
  void show(const Layout& l, double x, double y, const char* tag = nullptr) {
    if (!draw_) return;
    if (tag) cairo_tag_begin(cr_, tag, "");
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l.get());
    if (tag) cairo_tag_end(cr_, tag);
  }
  void color(double r, double g, double b) {
    if (draw_) cairo_set_source_rgb(cr_, r, g, b);
  }
  void rule(double x1, double y1, double x2, double y2, double w = 0.5) {
    if (!draw_) return;
    cairo_set_line_width(cr_, w);
    cairo_move_to(cr_, x1, y1);
    cairo_line_to(cr_, x2, y2);
    cairo_stroke(cr_);
  }
  void rect(double x, double y, double w, double h, bool dashed = false) {
    if (!draw_) return;
    cairo_set_line_width(cr_, 0.5);
    if (dashed) {
      const double d[] = {2, 2};
      cairo_set_dash(cr_, d, 2, 0);
    }
    cairo_rectangle(cr_, x, y, w, h);
    cairo_stroke(cr_);
    if (dashed) cairo_set_dash(cr_, nullptr, 0, 0);
  }

  void start_page() {
    ++page_;
    y_ = kTop;
  }
  void end_page() {
    footer();
    if (draw_) cairo_show_page(cr_);
  }
  void new_page() {
    end_page();
    start_page();
  }
  void ensure(double h) {
    if (y_ + h > kBottom && y_ > kTop + 1) new_page();
  }

  void footer() {
    color(0.4, 0.4, 0.4);
    rule(kLeft, kBottom + 3 * kMm, kRight, kBottom + 3 * kMm, 0.3);
    Layout left = layout(escape_markup(doc_.footer), kWidth * 0.75, 7);
    show(left, kLeft, kBottom + 4 * kMm);
    std::string pages = (doc_.lang == Lang::en ? "page " : "page ") + std::to_string(page_) +
                        " / " + std::to_string(total_);
    Layout right = layout(escape_markup(pages), kWidth * 0.2, 7);
    pango_layout_set_alignment(right.get(), PANGO_ALIGN_RIGHT);
    show(right, kRight - kWidth * 0.2, kBottom + 4 * kMm);
    color(0, 0, 0);
  }

  void band() {
    double x = kLeft;
    const double h = 10 * kMm;
    if (doc_.logo_slot) {
      color(0.6, 0.6, 0.6);
      rect(kLeft, y_, 30 * kMm, h, true);
      Layout l = layout("logo", 30 * kMm, 7);
      pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER);
      show(l, kLeft, y_ + h / 2 - 4);
      x += 34 * kMm;
    }
    color(0, 0, 0);
    Layout name = layout(escape_markup(doc_.header_left), kRight - x, 9);
    show(name, x, y_ + (h - height(name)) / 2);
    y_ += h + 1.5 * kMm;
    color(0.53, 0.53, 0.53);
    rule(kLeft, y_, kRight, y_);
    color(0, 0, 0);
    y_ += 3 * kMm;
  }

  double measure_block_head(const as::Block& b) {
    Layout l = layout(spans_markup(b.spans), kWidth, b.kind == as::Block::Kind::heading ? 11 : 9,
                      true);
    return height(l) + 6 * kMm;
  }

  void text_block(const as::Spans& spans, double size, bool bold, double before, double after,
                  const char* tag, double r = 0, double g = 0, double bl = 0) {
    Layout l = layout(spans_markup(spans), kWidth, size, bold);
    const double h = height(l);
    y_ += before;
    ensure(h);
    color(r, g, bl);
    show(l, kLeft, y_, tag);
    color(0, 0, 0);
    y_ += h + after;
  }

  void bullets(const as::Block& b) {
    const double indent = 4 * kMm;
    for (const as::Spans& item : b.items) {
      Layout l = layout(spans_markup(item), kWidth - indent, 8.5);
      pango_layout_set_spacing(l.get(), static_cast<int>(8.5 * 0.05 * PANGO_SCALE));
      const double h = height(l);
      ensure(h);
      Layout dot = layout("•", indent, 8.5);
      show(dot, kLeft + 1 * kMm, y_);
      show(l, kLeft + indent, y_, "P");
      y_ += h;
    }
    y_ += 1 * kMm;
  }

  // One table row: returns its height; draws it at y_ when `draw_`.
  double row(const std::vector<as::Cell>& cells, const std::vector<double>& widths, bool header,
             bool key_value, bool measure_only) {
    const double pad = key_value ? 0.4 * kMm : 1.2 * kMm;
    const double vpad = key_value ? 0.3 * kMm : 0.6 * kMm;
    std::vector<Layout> layouts;
    double h = 0;
    for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
      const as::Cell& c = cells[i];
      double w = widths[i] - 2 * pad - (c.check_box ? 4 * kMm : 0);
      Layout l = layout(spans_markup(c.spans), std::max(w, 4.0), 9, header || (key_value && i == 0));
      if (c.check_box) pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER);
      h = std::max(h, height(l));
      layouts.push_back(std::move(l));
    }
    h = std::max(h, 3 * kMm) + 2 * vpad;
    if (measure_only || !draw_) return h;
    double x = kLeft;
    if (header) {
      cairo_set_source_rgb(cr_, 0.933, 0.949, 0.969);
      cairo_rectangle(cr_, kLeft, y_, kWidth, h);
      cairo_fill(cr_);
      cairo_set_source_rgb(cr_, 0, 0, 0);
    }
    for (std::size_t i = 0; i < layouts.size(); ++i) {
      const as::Cell& c = cells[i];
      if (c.check_box) {
        const double s = 3 * kMm;
        const double bx = c.spans.empty() ? x + (widths[i] - s) / 2 : x + pad;
        cairo_set_source_rgb(cr_, 0.2, 0.2, 0.2);
        rect(bx, y_ + vpad + 0.3, s, s);
        cairo_set_source_rgb(cr_, 0, 0, 0);
        show(layouts[i], bx + s + 1 * kMm, y_ + vpad);
      } else {
        show(layouts[i], x + pad, y_ + vpad);
      }
      if (!key_value) {
        cairo_set_source_rgb(cr_, 0.6, 0.6, 0.6);
        rect(x, y_, widths[i], h);
        cairo_set_source_rgb(cr_, 0, 0, 0);
      }
      x += widths[i];
    }
    return h;
  }

  void table(const as::Block& b) {
    double total = 0;
    for (double w : b.columns) total += w;
    std::vector<double> widths;
    std::size_t n = b.rows.empty() ? b.header_row.size() : b.rows.front().size();
    for (std::size_t i = 0; i < n; ++i) {
      widths.push_back(total > 0 && i < b.columns.size() ? kWidth * b.columns[i] / total
                                                         : kWidth / static_cast<double>(n));
    }
    auto header = [&] {
      if (b.header_row.empty()) return;
      y_ += row(b.header_row, widths, true, false, false);
    };
    const double header_h = b.header_row.empty() ? 0 : row(b.header_row, widths, true, false, true);
    const double first_h = b.rows.empty() ? 0 : row(b.rows.front(), widths, false, b.key_value, true);
    ensure(header_h + first_h);
    header();
    for (const auto& r : b.rows) {
      const double h = row(r, widths, false, b.key_value, true);
      if (y_ + h > kBottom) {
        new_page();
        header();
      }
      y_ += row(r, widths, false, b.key_value, false);
    }
    y_ += 2 * kMm;
  }

  void lines(const as::Block& b) {
    const double gap = 6 * kMm;
    double label_h = 0;
    Layout label = layout(spans_markup(b.spans), kWidth, 9);
    if (!b.spans.empty()) label_h = height(label);
    ensure(label_h + gap * std::min(b.line_count, 3));
    if (!b.spans.empty()) {
      show(label, kLeft, y_);
      y_ += label_h;
    }
    for (int i = 0; i < b.line_count; ++i) {
      ensure(gap);
      y_ += gap;
      color(0.6, 0.6, 0.6);
      rule(kLeft, y_, kRight, y_);
      color(0, 0, 0);
    }
    y_ += 2 * kMm;
  }

  void signatures(const as::Block& b) {
    const double gap = 6 * kMm;
    const double h = 25 * kMm;
    const std::size_t n = std::max<std::size_t>(b.items.size(), 1);
    const double w = (kWidth - gap * static_cast<double>(n - 1)) / static_cast<double>(n);
    ensure(h);
    double x = kLeft;
    for (const as::Spans& item : b.items) {
      color(0.6, 0.6, 0.6);
      rect(x, y_, w, h);
      color(0, 0, 0);
      Layout l = layout(spans_markup(item), w - 3 * kMm, 9);
      show(l, x + 1.5 * kMm, y_ + 1.5 * kMm, "P");
      x += w + gap;
    }
    y_ += h + 3 * kMm;
  }

  void block(const as::Block& b) {
    using K = as::Block::Kind;
    switch (b.kind) {
      case K::title: text_block(b.spans, 15, true, 0, 2 * kMm, "H1"); break;
      case K::heading: {
        text_block(b.spans, 11, true, 2.5 * kMm, 0.5 * kMm, "H2", 0.043, 0.31, 0.588);
        color(0.043, 0.42, 0.796);
        rule(kLeft, y_, kRight, y_);
        color(0, 0, 0);
        y_ += 1.5 * kMm;
        break;
      }
      case K::subheading: text_block(b.spans, 9, true, 1.2 * kMm, 0.3 * kMm, "H3"); break;
      case K::paragraph: text_block(b.spans, 9, false, 0, 1.5 * kMm, "P"); break;
      case K::small: text_block(b.spans, 7.5, false, 0, 1.5 * kMm, "P", 0.2, 0.2, 0.2); break;
      case K::bullets: bullets(b); break;
      case K::table: table(b); break;
      case K::lines: lines(b); break;
      case K::signatures: signatures(b); break;
      case K::page_break:
        if (y_ > kTop + 1) new_page();
        break;
    }
  }

  cairo_t* cr_;
  const as::PrintDocument& doc_;
  bool draw_ = false;
  int total_ = 0;
  int page_ = 0;
  double y_ = kTop;
};

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

bool render_pdf(const as::PrintDocument& doc, std::string& out, std::string& error,
                PdfInfo* info) {
  out.clear();
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(append_bytes, &out, kPageW, kPageH);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Ecusson");
  cairo_t* cr = cairo_create(surface);
  Renderer r(cr, doc);
  const int pages = r.run(false, 0);
  cairo_tag_begin(cr, "Document", "");
  r.run(true, pages);
  cairo_tag_end(cr, "Document");
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    error = cairo_status_to_string(status);
    out.clear();
    return false;
  }
  if (info) info->pages = pages;
  return true;
}

std::string output_format(const std::string& format_option, const std::string& path) {
  if (!format_option.empty()) return format_option;
  auto ends_with = [&](std::string_view suffix) {
    if (path.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
      char c = path[path.size() - suffix.size() + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != suffix[i]) return false;
    }
    return true;
  };
  if (ends_with(".pdf")) return "pdf";
  if (ends_with(".csv")) return "csv";
  return "html";
}

}  // namespace ecusson::cli
