#include "ecusson/assessment/csv_writer.h"

#include <cmath>
#include <cstdio>

namespace ecusson::assessment {

namespace {

// Characters that make a spreadsheet read a cell as a formula (or, for TAB/CR, that let
// one be smuggled past a leading-character check).
bool looks_like_formula(std::string_view v) {
  if (v.empty()) return false;
  switch (v.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string csv_escape(std::string_view value, char separator) {
  std::string cell;
  cell.reserve(value.size() + 2);
  if (looks_like_formula(value)) cell += '\'';
  cell.append(value);
  bool needs_quotes = cell.find_first_of(std::string{separator, '"', '\r', '\n'}) !=
                      std::string::npos;
  if (!needs_quotes) return cell;
  std::string quoted;
  quoted.reserve(cell.size() + 4);
  quoted += '"';
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

CsvWriter::CsvWriter(CsvOptions options) : sep_(options.separator == ',' ? ',' : ';') {
  if (options.bom) out_ = "\xEF\xBB\xBF";
}

void CsvWriter::begin_cell() {
  if (row_started_) out_ += sep_;
  row_started_ = true;
}

void CsvWriter::raw_cell(std::string_view value) {
  begin_cell();
  out_.append(value);
}

CsvWriter& CsvWriter::text(std::string_view value) {
  raw_cell(csv_escape(value, sep_));
  return *this;
}

CsvWriter& CsvWriter::integer(std::int64_t value) {
  raw_cell(std::to_string(value));
  return *this;
}

CsvWriter& CsvWriter::number(double value, int decimals) {
  if (!std::isfinite(value)) return empty();
  if (decimals < 0) decimals = 0;
  if (decimals > 9) decimals = 9;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string s = buf;
  if (s == "-0" || (s.starts_with("-0.") && s.find_first_not_of("0.", 1) == std::string::npos)) {
    s.erase(0, 1);  // no "-0,00" in a report
  }
  for (char& c : s) {
    if (c == '.') c = decimal_mark();
  }
  raw_cell(s);
  return *this;
}

CsvWriter& CsvWriter::decimal(std::string_view plain) {
  // Only digits, one '.', an optional leading '-': anything else is text, not a number.
  bool ok = !plain.empty();
  int dots = 0;
  for (std::size_t i = 0; i < plain.size() && ok; ++i) {
    char c = plain[i];
    if (c == '.') ok = ++dots == 1;
    else if (c == '-') ok = i == 0 && plain.size() > 1;
    else ok = c >= '0' && c <= '9';
  }
  if (!ok) return text(plain);
  std::string s(plain);
  for (char& c : s) {
    if (c == '.') c = decimal_mark();
  }
  raw_cell(s);
  return *this;
}

CsvWriter& CsvWriter::empty() {
  begin_cell();
  return *this;
}

CsvWriter& CsvWriter::end_row() {
  out_ += "\r\n";
  row_started_ = false;
  return *this;
}

}  // namespace ecusson::assessment
