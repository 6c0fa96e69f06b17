// PrintDocument: a small, printable document model shared by the HTML and PDF outputs.
//
// The participant's attestation and the tutor's blank form are written once, as a list of
// blocks (headings, paragraphs, lists, tables, writing lines, a signature block), and then
// rendered either to a self-contained HTML page (print_document_to_html, here) or to an A4
// PDF (the `ecusson` command's cairo/pango renderer, cli/pdf_render.cc). Both renderers
// follow the same layout rules, so the HTML prints to the same pages as the PDF. Text is
// plain UTF-8 (never markup): renderers escape it. Plain value types; thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "ecusson/lang.h"

namespace ecusson::assessment {

/// A run of text with one style.
struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool muted = false;  // grey: ids, hints
};
using Spans = std::vector<Span>;

/// A table cell: text spans; `check_box` draws an empty box to tick (forms).
struct Cell {
  Spans spans;
  bool check_box = false;
};

/// One block of the document, drawn full width, top to bottom.
struct Block {
  enum class Kind {
    title,        // document title (large), with `header` above it
    heading,      // section heading
    subheading,   // competence heading
    paragraph,
    small,        // small print (legend, footnote)
    bullets,      // `items`, one bullet each
    table,        // `columns` (relative widths), optional `header_row`, `rows`
    lines,        // `line_count` ruled lines to write on, `spans` as a label
    signatures,   // `items`: one signature box per item (its label), side by side
    page_break,   // start a new page (a form part that must begin on a page)
  };
  Kind kind = Kind::paragraph;
  Spans spans;
  std::vector<Spans> items;
  std::vector<double> columns;       // relative widths, summing to anything > 0
  std::vector<Cell> header_row;      // empty: no header
  std::vector<std::vector<Cell>> rows;
  bool key_value = false;            // table whose first column is a label (bold)
  int line_count = 0;
  bool keep_with_next = false;       // headings: never last on a page
};

struct PrintDocument {
  std::string title;        // document title (HTML <title>, PDF metadata)
  std::string header_left;  // top band: structure name (may be empty)
  bool logo_slot = false;   // reserve a box for the structure's logo in the top band
  std::string footer;       // printed at the foot of every page, with "page n / N"
  Lang lang = Lang::fr;
  std::vector<Block> blocks;
};

/// Helpers to build blocks tersely.
Span text(std::string s);
Span bold(std::string s);
Span muted(std::string s);
Block heading(std::string s);
Block subheading(Spans spans);
Block paragraph(Spans spans);
Block small_print(Spans spans);

/// A complete HTML5 page for `doc`: inline CSS with an A4 @page rule and the same fonts,
/// sizes and margins as the PDF renderer, so that printing the page gives the same layout.
/// Every text is escaped. Pure function; the same document gives the same bytes.
/// Example: std::string html = print_document_to_html(build_attestation(input));
std::string print_document_to_html(const PrintDocument& doc);

}  // namespace ecusson::assessment
