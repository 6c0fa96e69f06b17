#include "ecusson/assessment/html_page.h"

#include <cstdint>

namespace ecusson::assessment {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not valid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n;
  std::uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF) {
    return 0;
  }
  return n;
}

constexpr std::string_view kStylesheet = R"css(
:root { --ink: #1d2433; --muted: #5b6475; --line: #d5dae3; --entry: #8a94a6; --exit: #0b6bcb;
  --ok: #1e7a3a; --warn: #9a6400; --bad: #a32020; --bg-soft: #f4f6f9; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 15px;
  color: var(--ink); line-height: 1.45; }
body { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--line);
  padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
p, li { margin: .25rem 0; }
.muted, .meta { color: var(--muted); }
.meta { font-size: .9rem; }
.proposal { border-left: 4px solid var(--warn); background: #fff8e8; padding: .5rem .8rem;
  margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left;
  vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
td.num, th.num { text-align: center; white-space: nowrap; }
.chart { display: flex; justify-content: center; margin: .5rem 0 1rem; }
.chart svg { max-width: 100%; height: auto; }
.status { display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: .85rem;
  white-space: nowrap; border: 1px solid currentColor; }
.status-attained { color: var(--ok); }
.status-in-progress { color: var(--warn); }
.status-insufficient-evidence, .status-not-comparable { color: var(--muted); }
.status-not-demonstrated, .status-divergent-held { color: var(--bad); }
.up { color: var(--ok); font-weight: 600; }
.down { color: var(--bad); font-weight: 600; }
table.matrix { font-size: .8rem; }
table.matrix th, table.matrix td { padding: .25rem .3rem; }
table.matrix thead th { word-break: break-all; }
.competence { border: 1px solid var(--line); border-radius: 4px; padding: .5rem .8rem;
  margin: .7rem 0; }
.competence h3 { margin-top: .2rem; }
.participant { margin-top: 2.5rem; }
footer { margin-top: 2.5rem; font-size: .8rem; color: var(--muted); }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .competence, tr, .chart, .proposal { break-inside: avoid; page-break-inside: avoid; }
  .participant { break-before: page; page-break-before: always; margin-top: 0; }
  .participant:first-of-type { break-before: auto; page-break-before: auto; }
  thead { display: table-header-group; }
  table.matrix { font-size: 8pt; }
  a { color: inherit; text-decoration: none; }
}
)css";

}  // namespace

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      ++i;
      continue;
    }
    if (n > 1) {
      out.append(text.substr(i, n));
      i += n;
      continue;
    }
    char c = text[i++];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t':
      case '\n':
      case '\r': out += c; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
        break;
    }
  }
  return out;
}

std::string_view report_stylesheet() { return kStylesheet; }

std::string render_html_page(std::string_view title, std::string_view body_html, Lang lang) {
  std::string out;
  out.reserve(body_html.size() + kStylesheet.size() + 512);
  out += "<!DOCTYPE html>\n<html lang=\"";
  out += lang == Lang::en ? "en" : "fr";
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n";
  // Nothing may be loaded from elsewhere: the report works offline and leaks nothing.
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"Ecusson\">\n";
  out += "<title>";
  out += escape_xml(title);
  out += "</title>\n<style>";
  out += kStylesheet;
  out += "</style>\n</head>\n<body>\n";
  out += body_html;
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace ecusson::assessment
