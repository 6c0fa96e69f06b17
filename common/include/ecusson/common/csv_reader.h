// CsvReader: a streaming RFC 4180 reader for the CSV files people export from French Excel
// and LibreOffice (bulk issuance, participant import). The files are hostile input.
//
// It reads a std::istream in chunks and keeps only the current record: memory is bounded by
// the limits of CsvReaderOptions, never by the file. What it accepts:
//  - a UTF-8 byte-order mark at the start (skipped; Excel's "CSV UTF-8" writes one);
//  - CRLF, LF and lone CR line ends, mixed freely;
//  - RFC 4180 quoting: a field starting with '"' runs to the next lone '"', with '""' for a
//    quote, and may hold delimiters and line ends (kept as they are in the file: "\r\n"
//    stays "\r\n");
//  - a '"' inside an unquoted field is kept literally (`a,5" screen` gives `5" screen`),
//    as Excel and LibreOffice read it, so that we read what the user sees;
//  - empty lines are skipped wherever they are (so a missing or extra final newline does
//    not matter). A line of delimiters only (";;;", Excel's emptied rows) is a record of
//    empty fields: the caller decides.
//  - the delimiter is ',' or ';' detected on the first record (see CsvReaderOptions), or
//    any byte given explicitly (e.g. '\t').
// Every field must be UTF-8 without NUL bytes; nothing is trimmed or unescaped beyond
// RFC 4180 (no "CSV injection" handling: that is for writers, see assessment/csv_writer.h).
//
// Errors (Error::where = "[source:]line[:field]", 1-based; message in options.lang):
//  Recoverable: the record is consumed up to its end, next() continues with the next one,
//  so a batch rejects one row and goes on:
//   - "csv.bad_utf8"            a field is not UTF-8 (Latin-1/Windows-1252 export);
//   - "csv.nul_byte"            a NUL byte (typically a UTF-16 "Unicode text" export);
//   - "csv.too_many_fields"     more than max_fields fields;
//   - "csv.garbage_after_quote" `"abc"x`: the rest of the field is skipped as unquoted text.
//  Fatal (failed() becomes true and next() keeps returning the same error), because the
//  reader cannot tell where the next record starts: a huge field or record is nearly
//  always a quote that was never closed, and resynchronising would mean reading the whole
//  rest of the file as one field:
//   - "csv.field_too_large"     a field over max_field_bytes (refused as soon as the limit
//                               is crossed, without reading the rest of it);
//   - "csv.record_too_large"    a record over max_record_bytes;
//   - "csv.unbalanced_quote"    end of file inside a quoted field (where = the line where
//                               that quote opened);
//   - "csv.read"                the stream failed (badbit; the bytes of the failing read
//                               are lost, so the line named may be a little early).
// Owns nothing but its buffer; `in` must outlive the reader. Not thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecusson/lang.h"
#include "ecusson/result.h"

namespace ecusson {

struct CsvReaderOptions {
  /// The field delimiter. 0 = detect it on the first record: ';' when it appears more often
  /// than ',' outside quotes, else ','. '"', CR, LF and NUL cannot be delimiters (they
  /// are replaced by detection).
  char delimiter = 0;
  std::size_t max_field_bytes = 1u << 20;
  std::size_t max_record_bytes = 4u << 20;  // everything between two line ends, quotes included
  std::size_t max_fields = 256;
  /// CsvRecord::raw keeps at most this many bytes (0: no raw copy at all).
  std::size_t max_raw_bytes = 64u << 10;
  /// Bytes asked of the stream per read (tests use 1 to exercise every buffer boundary).
  std::size_t chunk_bytes = 64u << 10;
  /// File name for Error::where ("batch.csv:12:3"); may be empty.
  std::string source = {};
  Lang lang = Lang::fr;
};

struct CsvRecord {
  std::vector<std::string> fields;
  /// Physical lines (1-based) where the record starts and ends; they differ when a quoted
  /// field holds line ends.
  std::size_t line = 0;
  std::size_t end_line = 0;
  /// The record's bytes as read, without its final line end, cut at max_raw_bytes: what a
  /// rejects file should copy.
  std::string raw;
};

class CsvReader {
 public:
  /// Reads `in` (which must outlive the reader) from its current position; nothing is
  /// read before the first next().
  explicit CsvReader(std::istream& in, CsvReaderOptions options = {});
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  /// Reads the next record into `out`: true, or false at the end of the input. On an error
  /// (see the list above) `out.line`, `out.end_line` and `out.raw` describe the refused
  /// record and `out.fields` is unspecified. Reusing one CsvRecord avoids allocations.
  /// Example:
  ///   CsvReader reader(file, {.source = "batch.csv"});
  ///   CsvRecord rec;
  ///   for (;;) {
  ///     Result<bool> more = reader.next(rec);
  ///     if (!more) { reject(rec, more.error()); if (reader.failed()) break; continue; }
  ///     if (!*more) break;
  ///     use(rec.fields);
  ///   }
  [[nodiscard]] Result<bool> next(CsvRecord& out);

  /// The delimiter in use: the option, or once next() has been called, the detected one
  /// (0 before that when detecting).
  char delimiter() const { return delimiter_; }
  /// True after a fatal error: the rest of the input cannot be read.
  bool failed() const { return failed_; }

 private:
  bool fill();
  bool ensure_byte();
  void start();
  std::uint64_t offset() const;
  void capture_raw();
  bool take_run(std::string& field, const std::array<bool, 256>& stops);
  std::optional<Error> check_limits(const std::string& field, std::size_t number,
                                    std::uint64_t record_start) const;
  Error make_error(std::string_view code, std::size_t line, std::size_t field,
                   std::string_view detail) const;
  Result<bool> fatal(Error e);

  std::istream& in_;
  CsvReaderOptions options_;
  char delimiter_ = 0;
  std::array<bool, 256> stops_plain_{};   // bytes ending a run of an unquoted field
  std::array<bool, 256> stops_quoted_{};  // bytes ending a run of a quoted field
  std::string buf_;                       // unconsumed bytes start at pos_
  std::size_t pos_ = 0;
  std::uint64_t consumed_before_buf_ = 0;  // stream offset of buf_[0]
  std::size_t line_ = 1;                   // physical line of buf_[pos_]
  CsvRecord* record_ = nullptr;            // the record next() is filling
  std::size_t raw_from_ = 0;               // start in buf_ of record bytes not yet copied to raw
  bool capturing_ = false;                 // consumed bytes belong to record_->raw
  bool started_ = false;
  bool eof_ = false;
  bool stream_error_ = false;
  bool failed_ = false;
  Error error_;        // the fatal error, repeated by next()
  std::string spill_;  // a field beyond max_fields: read, then dropped
};

}  // namespace ecusson
