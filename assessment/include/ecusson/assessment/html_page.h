// HTML page skeleton and escaping for the assessment reports.
//
// Reports are single, self-contained files: a chargé(e) de mission mails them, prints them or
// opens them offline, so the page carries its CSS inline, loads nothing from outside (a
// Content-Security-Policy forbids it), and prints cleanly on A4 (@media print). Every piece
// of text that comes from a grid or an evaluation goes through escape_xml(), which also
// repairs invalid UTF-8, so a hostile label can never inject markup. Pure functions;
// thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "ecusson/lang.h"

namespace ecusson::assessment {

/// Escapes text for HTML or XML (element content and quoted attribute values): & < > " '
/// become entities; invalid UTF-8 bytes become U+FFFD; control characters that XML 1.0
/// forbids are dropped (TAB, LF and CR are kept).
/// Example: escape_xml("<b>Écoute & \"respect\"</b>") ==
///          "&lt;b&gt;Écoute &amp; &quot;respect&quot;&lt;/b&gt;"
std::string escape_xml(std::string_view text);

/// A complete HTML5 document: `lang` attribute, UTF-8, the title (escaped here), the inline
/// stylesheet shared by every report, and `body_html` inserted as is (the caller escapes).
/// Example: render_html_page("Rapport", "<p>ok</p>", Lang::fr)
std::string render_html_page(std::string_view title, std::string_view body_html, Lang lang);

/// The inline stylesheet used by render_html_page (screen and @media print).
std::string_view report_stylesheet();

}  // namespace ecusson::assessment
