// CsvWriter: builds a CSV document that French Excel opens correctly.
//
// French Excel expects UTF-8 *with* a byte-order mark (otherwise accents are read as
// Windows-1252), `;` as separator and a decimal comma. Some tools want `,` and a decimal
// point instead: `CsvOptions::separator = ','` switches both. Cells are quoted as RFC 4180
// says (a cell holding the separator, a quote, CR or LF is wrapped in quotes, quotes are
// doubled); rows end with CRLF. Because these files are opened in a spreadsheet, a *text*
// cell starting with `=`, `+`, `-`, `@`, TAB or CR is neutralised with a leading `'` (OWASP
// "CSV injection"): numbers written with number()/integer() are never touched.
// Owns its buffer; not thread-safe (one writer per document).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ecusson::assessment {

struct CsvOptions {
  /// ';' (French Excel, decimal comma) or ',' (decimal point). Anything else is treated as ';'.
  char separator = ';';
  /// Write the UTF-8 byte-order mark first (Excel needs it to read UTF-8).
  bool bom = true;
};

class CsvWriter {
 public:
  explicit CsvWriter(CsvOptions options = {});

  /// Adds a text cell: quoted when needed, formula-looking text neutralised.
  /// Example: w.text("Écouter, reformuler"); // → "Écouter, reformuler" (quoted with ',')
  CsvWriter& text(std::string_view value);
  /// Adds an integer cell, written as is ("-1" stays a number).
  /// Example: w.integer(-1); // → -1
  CsvWriter& integer(std::int64_t value);
  /// Adds a decimal cell with `decimals` digits after the point, using the decimal comma
  /// when the separator is ';'. Example: w.number(0.8333, 2); // → 0,83
  CsvWriter& number(double value, int decimals = 2);
  /// Adds a decimal already written with a '.' (e.g. from exact arithmetic: "0.63"), with
  /// the decimal mark of this writer. Example: w.decimal("37.5"); // → 37,5
  CsvWriter& decimal(std::string_view plain);
  /// Adds an empty cell. Example: w.empty();
  CsvWriter& empty();
  /// Ends the current row (CRLF). Example: w.text("a").text("b").end_row();
  CsvWriter& end_row();

  /// The document so far (BOM included when asked).
  const std::string& str() const { return out_; }
  char separator() const { return sep_; }
  /// The decimal mark matching the separator: ',' with ';', '.' with ','.
  char decimal_mark() const { return sep_ == ';' ? ',' : '.'; }

 private:
  void begin_cell();
  void raw_cell(std::string_view value);

  char sep_;
  bool row_started_ = false;
  std::string out_;
};

/// Text of one cell after formula neutralisation and RFC 4180 quoting with `separator`.
/// Example: csv_escape("=1+1", ';') == "'=1+1"; csv_escape("a;b", ';') == "\"a;b\"".
std::string csv_escape(std::string_view value, char separator);

}  // namespace ecusson::assessment
