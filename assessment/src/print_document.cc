#include "ecusson/assessment/print_document.h"

#include "ecusson/assessment/html_page.h"

namespace ecusson::assessment {

Span text(std::string s) { return Span{std::move(s)}; }
Span bold(std::string s) {
  Span r{std::move(s)};
  r.bold = true;
  return r;
}
Span muted(std::string s) {
  Span r{std::move(s)};
  r.muted = true;
  return r;
}
Block heading(std::string s) {
  Block b;
  b.kind = Block::Kind::heading;
  b.spans = {text(std::move(s))};
  b.keep_with_next = true;
  return b;
}
Block subheading(Spans spans) {
  Block b;
  b.kind = Block::Kind::subheading;
  b.spans = std::move(spans);
  b.keep_with_next = true;
  return b;
}
Block paragraph(Spans spans) {
  Block b;
  b.kind = Block::Kind::paragraph;
  b.spans = std::move(spans);
  return b;
}
Block small_print(Spans spans) {
  Block b;
  b.kind = Block::Kind::small;
  b.spans = std::move(spans);
  return b;
}

namespace {

// Same measures as the PDF renderer (cli/pdf_render.cc): A4, margins 12/16/15/16 mm, DejaVu Sans.
constexpr std::string_view kStyle = R"css(
@page { size: A4; margin: 12mm 16mm 15mm 16mm; }
* { box-sizing: border-box; }
html { background: #e9ecef; }
body { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 9pt; line-height: 1.3;
  color: #111; margin: 0 auto; padding: 12mm 16mm 15mm 16mm; width: 210mm; min-height: 297mm;
  background: #fff; }
.band { display: flex; align-items: center; gap: 4mm; border-bottom: 0.5pt solid #888;
  padding-bottom: 1.5mm; margin-bottom: 3mm; font-size: 9pt; }
.logo { width: 30mm; height: 10mm; border: 0.5pt dashed #999; color: #999; font-size: 7pt;
  display: flex; align-items: center; justify-content: center; }
h1 { font-size: 15pt; margin: 0 0 2mm 0; line-height: 1.2; }
h2 { font-size: 11pt; margin: 2.5mm 0 1.5mm 0; padding-bottom: 0.5mm; border-bottom: 0.5pt solid #0b6bcb;
  color: #0b4f96; break-after: avoid; }
h3 { font-size: 9pt; margin: 1.2mm 0 0.3mm 0; break-after: avoid; }
p { margin: 0 0 1.5mm 0; }
p.small { font-size: 7.5pt; color: #333; }
ul { margin: 0 0 1.5mm 0; padding-left: 5mm; }
li { margin: 0; font-size: 8.5pt; line-height: 1.22; }
.muted { color: #666; }
table { border-collapse: collapse; width: 100%; margin: 0 0 2mm 0; table-layout: fixed; }
th, td { border: 0.5pt solid #999; padding: 0.6mm 1.2mm; text-align: left; vertical-align: top; }
thead th { background: #eef2f7; }
table.kv td, table.kv th { border: none; padding: 0.3mm 1.2mm 0.3mm 0; }
tr { break-inside: avoid; }
.box { display: inline-block; width: 3mm; height: 3mm; border: 0.5pt solid #333; }
.lines { margin: 0 0 2mm 0; }
.lines .rule { border-bottom: 0.5pt solid #999; height: 6mm; }
.signatures { display: flex; gap: 6mm; margin: 2mm 0; break-inside: avoid; }
.signatures div { flex: 1; border: 0.5pt solid #999; height: 25mm; padding: 1.5mm; }
.pagebreak { break-before: page; }
footer { font-size: 7pt; color: #666; margin-top: 4mm; border-top: 0.5pt solid #ccc; padding-top: 1mm; }
@media print {
  html { background: none; }
  body { margin: 0; padding: 0; width: auto; min-height: 0; }
  footer { position: fixed; bottom: 0; left: 0; right: 0; margin: 0; }
}
)css";

std::string spans_html(const Spans& spans) {
  std::string out;
  for (const Span& s : spans) {
    std::string t;
    for (char c : escape_xml(s.text)) {
      if (c == '\n') t += "<br>";
      else t += c;
    }
    if (s.muted) t = "<span class=\"muted\">" + t + "</span>";
    if (s.italic) t = "<em>" + t + "</em>";
    if (s.bold) t = "<strong>" + t + "</strong>";
    out += t;
  }
  return out;
}

std::string cell_html(const Cell& c, std::string_view tag, bool center) {
  std::string out = "<" + std::string(tag) + (center ? " style=\"text-align:center\"" : "") + ">";
  if (c.check_box) out += "<span class=\"box\"></span>";
  out += spans_html(c.spans);
  out += "</" + std::string(tag) + ">";
  return out;
}

std::string table_html(const Block& b) {
  double total = 0;
  for (double w : b.columns) total += w;
  std::string out = b.key_value ? "<table class=\"kv\">\n" : "<table>\n";
  if (total > 0) {
    out += "<colgroup>";
    for (double w : b.columns) {
      const int permille = static_cast<int>(w * 1000 / total + 0.5);
      out += "<col style=\"width:" + std::to_string(permille / 10) + "." +
             std::to_string(permille % 10) + "%\">";
    }
    out += "</colgroup>\n";
  }
  if (!b.header_row.empty()) {
    out += "<thead><tr>";
    for (const Cell& c : b.header_row) out += cell_html(c, "th", false);
    out += "</tr></thead>\n";
  }
  out += "<tbody>\n";
  for (const auto& row : b.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      out += cell_html(row[i], b.key_value && i == 0 ? "th" : "td", row[i].check_box);
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

}  // namespace

std::string print_document_to_html(const PrintDocument& doc) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += doc.lang == Lang::en ? "en" : "fr";
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; img-src data:\">\n<title>";
  out += escape_xml(doc.title);
  out += "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n";
  if (!doc.header_left.empty() || doc.logo_slot) {
    out += "<div class=\"band\">";
    if (doc.logo_slot) out += "<div class=\"logo\">logo</div>";
    out += "<div>" + escape_xml(doc.header_left) + "</div></div>\n";
  }
  for (const Block& b : doc.blocks) {
    switch (b.kind) {
      case Block::Kind::title: out += "<h1>" + spans_html(b.spans) + "</h1>\n"; break;
      case Block::Kind::heading: out += "<h2>" + spans_html(b.spans) + "</h2>\n"; break;
      case Block::Kind::subheading: out += "<h3>" + spans_html(b.spans) + "</h3>\n"; break;
      case Block::Kind::paragraph: out += "<p>" + spans_html(b.spans) + "</p>\n"; break;
      case Block::Kind::small: out += "<p class=\"small\">" + spans_html(b.spans) + "</p>\n"; break;
      case Block::Kind::bullets:
        out += "<ul>\n";
        for (const Spans& item : b.items) out += "<li>" + spans_html(item) + "</li>\n";
        out += "</ul>\n";
        break;
      case Block::Kind::table: out += table_html(b); break;
      case Block::Kind::lines:
        out += "<div class=\"lines\">";
        if (!b.spans.empty()) out += "<p>" + spans_html(b.spans) + "</p>";
        for (int i = 0; i < b.line_count; ++i) out += "<div class=\"rule\"></div>";
        out += "</div>\n";
        break;
      case Block::Kind::signatures:
        out += "<div class=\"signatures\">";
        for (const Spans& item : b.items) out += "<div>" + spans_html(item) + "</div>";
        out += "</div>\n";
        break;
      case Block::Kind::page_break: out += "<div class=\"pagebreak\"></div>\n"; break;
    }
  }
  if (!doc.footer.empty()) out += "<footer>" + escape_xml(doc.footer) + "</footer>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace ecusson::assessment
