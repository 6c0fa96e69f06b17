// PDF output of a PrintDocument (ecusson/assessment/print_document.h), drawn in-process with
// cairo's PDF surface and pango (pangocairo), the libraries Debian already ships with librsvg.
//
// A4 portrait, DejaVu Sans (cairo embeds the subset of the font that is used, with a
// ToUnicode map, so the text can be selected, searched and extracted with pdftotext).
// Headings and paragraphs are tagged (cairo structure tags) and the title goes into the
// document information. Layout runs twice: once to count the pages ("page n / N" in the
// footer), once to draw. Same margins and sizes as print_document_to_html's stylesheet.
// Not thread-safe across calls sharing pango's default font map (the CLI is single-threaded).
#pragma once

#include <string>

#include "ecusson/assessment/print_document.h"

namespace ecusson::cli {

struct PdfInfo {
  int pages = 0;
};

/// Renders `doc` into `out` (the PDF bytes). Returns false and fills `error` when cairo
/// reports a failure (no font, out of memory).
/// Example: std::string pdf; std::string err; render_pdf(doc, pdf, err);
[[nodiscard]] bool render_pdf(const assessment::PrintDocument& doc, std::string& out,
                              std::string& error, PdfInfo* info = nullptr);

/// The format to write: `format_option` when set ("pdf", "html", "csv"), else the output
/// file's extension (".pdf", ".html"/".htm", ".csv"), else "html".
/// Example: output_format("", "attestation.pdf") == "pdf"
std::string output_format(const std::string& format_option, const std::string& path);

}  // namespace ecusson::cli
