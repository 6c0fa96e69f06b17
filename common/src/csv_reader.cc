#include "ecusson/common/csv_reader.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <istream>

#include "ecusson/common/message_catalogue.h"
#include "ecusson/common/text.h"

namespace ecusson {
namespace {

// {1} = line, {2} = field (1-based), {3} = detail. Keep sorted by code (binary search);
// every code is produced, in both languages, by tests/common/csv_reader_test.cc.
constexpr std::array kMessages = {
    MessageEntry{
        "csv.bad_utf8",
        "ligne {1}, champ {2} : texte non UTF-8 (octet {3}) ; le fichier semble enregistré en "
        "Latin-1/Windows-1252 : ouvrez-le dans Excel ou LibreOffice et enregistrez-le au "
        "format « CSV UTF-8 »",
        "line {1}, field {2}: text is not UTF-8 (byte {3}); the file looks like "
        "Latin-1/Windows-1252: open it in Excel or LibreOffice and save it as \"CSV UTF-8\""},
    MessageEntry{
        "csv.field_too_large",
        "ligne {1}, champ {2} : champ de plus de {3} octets, sans doute un guillemet jamais "
        "refermé ; lecture du fichier arrêtée",
        "line {1}, field {2}: field longer than {3} bytes, probably a quote never closed; "
        "reading stopped"},
    MessageEntry{"csv.garbage_after_quote",
                 "ligne {1}, champ {2} : caractère {3} après le guillemet fermant ; dans un champ "
                 "entre guillemets, un guillemet s'écrit \"\"",
                 "line {1}, field {2}: character {3} after the closing quote; inside a quoted "
                 "field a quote is written \"\""},
    MessageEntry{"csv.nul_byte",
                 "ligne {1}, champ {2} : octet nul ; le fichier est sans doute en UTF-16 (« Texte "
                 "Unicode ») : enregistrez-le au format « CSV UTF-8 »",
                 "line {1}, field {2}: NUL byte; the file is probably UTF-16 (\"Unicode Text\"): "
                 "save it as \"CSV UTF-8\""},
    MessageEntry{"csv.read", "ligne {1} : erreur de lecture du fichier",
                 "line {1}: the file could not be read"},
    MessageEntry{"csv.record_too_large",
                 "ligne {1} : enregistrement de plus de {3} octets, sans doute un guillemet jamais "
                 "refermé ; lecture du fichier arrêtée",
                 "line {1}: record longer than {3} bytes, probably a quote never closed; reading "
                 "stopped"},
    MessageEntry{"csv.too_many_fields", "ligne {1} : plus de {3} champs (mauvais séparateur ?)",
                 "line {1}: more than {3} fields (wrong delimiter?)"},
    MessageEntry{"csv.unbalanced_quote",
                 "ligne {1}, champ {2} : le guillemet ouvert à cette ligne n'est jamais refermé "
                 "(fin du fichier atteinte)",
                 "line {1}, field {2}: the quote opened on this line is never closed (end of file "
                 "reached)"},
};

// 'x' for visible ASCII, 0xNN otherwise (a lone byte of UTF-8 cannot be printed).
std::string describe_byte(char c, bool quote_visible) {
  auto b = static_cast<unsigned char>(c);
  if (quote_visible && b > 0x20 && b < 0x7F) return std::string{'\'', c, '\''};
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", b);
  return hex;
}

// Line ends in `text` (CRLF counts once), to name the line of a byte in a quoted field.
std::size_t line_ends(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    n += text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
  return n;
}

}  // namespace

CsvReader::CsvReader(std::istream& in, CsvReaderOptions options)
    : in_(in), options_(std::move(options)) {
  char d = options_.delimiter;
  delimiter_ = (d == '"' || d == '\r' || d == '\n' || d == '\0') ? 0 : d;
  options_.chunk_bytes = std::max<std::size_t>(options_.chunk_bytes, 1);
}

std::uint64_t CsvReader::offset() const { return consumed_before_buf_ + pos_; }

void CsvReader::capture_raw() {
  std::string& raw = record_->raw;
  std::size_t room = options_.max_raw_bytes - std::min(options_.max_raw_bytes, raw.size());
  raw.append(buf_, raw_from_, std::min(room, pos_ - raw_from_));
  raw_from_ = pos_;
}

bool CsvReader::fill() {
  if (eof_) return false;
  if (capturing_) capture_raw();
  // Drop what was consumed: the buffer then holds one chunk plus the few bytes still
  // looked at (or, while detecting the delimiter, the first record).
  buf_.erase(0, pos_);
  consumed_before_buf_ += pos_;
  pos_ = 0;
  raw_from_ = 0;
  const std::size_t old = buf_.size();
  buf_.resize(old + options_.chunk_bytes);
  bool threw = false;
  try {
    in_.read(buf_.data() + old, static_cast<std::streamsize>(options_.chunk_bytes));
  } catch (...) {
    // Only with an exception mask set by the caller (the istream rethrows what its
    // streambuf threw, or ios_base::failure, also at a plain end of file): no exception
    // leaves the reader, the stream state says what happened.
    threw = true;
  }
  const std::streamsize got = in_.gcount();
  buf_.resize(old + static_cast<std::size_t>(got));
  // istream::read blocks until the chunk is full or the stream ends: a short read is the end.
  if (in_.bad() || (threw && !in_.eof())) stream_error_ = true;
  if (stream_error_ || static_cast<std::size_t>(got) < options_.chunk_bytes) eof_ = true;
  return got > 0;
}

bool CsvReader::ensure_byte() { return pos_ < buf_.size() || fill(); }

void CsvReader::start() {
  started_ = true;
  while (buf_.size() - pos_ < 3 && fill()) {
  }
  if (buf_.compare(pos_, 3, "\xEF\xBB\xBF") == 0) pos_ += 3;
  if (delimiter_ == 0) {
    // Count both candidates outside quotes on the first non-empty line, looking ahead
    // without consuming. A heuristic: a literal quote inside an unquoted header field
    // would fool it, so the option exists to force the delimiter.
    std::size_t commas = 0, semicolons = 0;
    bool quoted = false, content = false;
    for (std::size_t k = 0; k <= options_.max_record_bytes; ++k) {
      if (pos_ + k >= buf_.size() && !fill()) break;
      char c = buf_[pos_ + k];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\r' || c == '\n')) {
        if (content) break;
        continue;
      } else if (!quoted) {
        commas += c == ',';
        semicolons += c == ';';
      }
      content = true;
    }
    delimiter_ = semicolons > commas ? ';' : ',';
  }
  for (char c : {delimiter_, '\r', '\n', '\0'}) stops_plain_[static_cast<unsigned char>(c)] = true;
  for (char c : {'"', '\r', '\n', '\0'}) stops_quoted_[static_cast<unsigned char>(c)] = true;
}

Error CsvReader::make_error(std::string_view code, std::size_t line, std::size_t field,
                            std::string_view detail) const {
  std::string line_text = std::to_string(line);
  std::string field_text = std::to_string(field);
  std::string where = options_.source;
  if (!where.empty()) where += ':';
  where += line_text;
  if (field != 0) (where += ':') += field_text;
  return Error(std::string(code),
               format_message(kMessages, code, options_.lang, {line_text, field_text, detail}),
               std::move(where));
}

Result<bool> CsvReader::fatal(Error e) {
  if (capturing_) capture_raw();
  capturing_ = false;
  record_->end_line = line_;
  failed_ = true;
  error_ = e;
  return e;
}

// Appends buf_[pos_, first stop byte) to `field` and consumes it; returns whether a stop
// byte (left unconsumed) was reached before the end of the buffer.
bool CsvReader::take_run(std::string& field, const std::array<bool, 256>& stops) {
  const char* begin = buf_.data() + pos_;
  const char* end = buf_.data() + buf_.size();
  const char* p =
      std::find_if(begin, end, [&stops](char c) { return stops[static_cast<unsigned char>(c)]; });
  field.append(begin, p);
  pos_ += static_cast<std::size_t>(p - begin);
  return p != end;
}

std::optional<Error> CsvReader::check_limits(const std::string& field, std::size_t number,
                                             std::uint64_t record_start) const {
  if (field.size() > options_.max_field_bytes)
    return make_error("csv.field_too_large", record_->line, number,
                      std::to_string(options_.max_field_bytes));
  if (offset() - record_start > options_.max_record_bytes)
    return make_error("csv.record_too_large", record_->line, 0,
                      std::to_string(options_.max_record_bytes));
  return std::nullopt;
}

Result<bool> CsvReader::next(CsvRecord& out) {
  if (failed_) return error_;
  record_ = &out;
  if (!started_) start();
  out.raw.clear();
  // Empty lines between records (or at the end) are skipped.
  for (;;) {
    if (!ensure_byte()) {
      out.line = out.end_line = line_;
      if (stream_error_) return fatal(make_error("csv.read", line_, 0, {}));
      return false;
    }
    char c = buf_[pos_];
    if (c != '\r' && c != '\n') break;
    ++pos_;
    if (c == '\r' && ensure_byte() && buf_[pos_] == '\n') ++pos_;
    ++line_;
  }

  out.line = line_;
  const std::uint64_t record_start = offset();
  raw_from_ = pos_;
  capturing_ = options_.max_raw_bytes > 0;
  std::optional<Error> pending;  // the first recoverable error, returned at the record's end
  std::size_t count = 0;
  for (;;) {  // one field per turn
    ++count;
    std::string* field = &spill_;
    if (count <= options_.max_fields) {
      if (out.fields.size() < count) out.fields.emplace_back();
      field = &out.fields[count - 1];
    } else if (!pending) {
      pending = make_error("csv.too_many_fields", out.line, 0, std::to_string(options_.max_fields));
    }
    field->clear();  // keeps its capacity: no allocation per field once warmed up
    const std::size_t field_line = line_;

    bool quoted = ensure_byte() && buf_[pos_] == '"';
    if (quoted) {
      const std::size_t quote_line = line_;
      ++pos_;
      for (;;) {
        if (!ensure_byte()) {
          if (stream_error_) return fatal(make_error("csv.read", line_, 0, {}));
          return fatal(make_error("csv.unbalanced_quote", quote_line, count, {}));
        }
        bool stopped = take_run(*field, stops_quoted_);
        if (auto e = check_limits(*field, count, record_start)) return fatal(std::move(*e));
        if (!stopped) continue;
        char c = buf_[pos_++];
        if (c == '"') {
          if (ensure_byte() && buf_[pos_] == '"') {
            field->push_back('"');
            ++pos_;
            continue;
          }
          break;  // the closing quote
        }
        if (c == '\0') {
          if (!pending) pending = make_error("csv.nul_byte", line_, count, {});
          continue;
        }
        field->push_back(c);  // a line end inside the field, kept as written
        if (c == '\r' && ensure_byte() && buf_[pos_] == '\n') {
          field->push_back('\n');
          ++pos_;
        }
        ++line_;
      }
      if (ensure_byte()) {
        char c = buf_[pos_];
        if (c != delimiter_ && c != '\r' && c != '\n') {
          // `"abc"x`: read the rest as unquoted text, so the record still ends where a
          // reader of the raw line expects, and refuse it.
          if (!pending)
            pending = make_error("csv.garbage_after_quote", line_, count, describe_byte(c, true));
          quoted = false;
        }
      }
    }
    if (!quoted) {
      while (ensure_byte()) {
        bool stopped = take_run(*field, stops_plain_);
        if (auto e = check_limits(*field, count, record_start)) return fatal(std::move(*e));
        if (!stopped) continue;
        if (buf_[pos_] != '\0') break;  // delimiter or line end
        if (!pending) pending = make_error("csv.nul_byte", line_, count, {});
        ++pos_;
      }
    }
    if (!pending && field != &spill_) {
      std::size_t bad = find_invalid_utf8(*field);
      if (bad != std::string::npos)
        pending = make_error("csv.bad_utf8",
                             field_line + line_ends(std::string_view(*field).substr(0, bad)), count,
                             describe_byte((*field)[bad], false));
    }
    if (!ensure_byte() || buf_[pos_] != delimiter_) break;
    ++pos_;  // the delimiter
  }

  if (capturing_) capture_raw();
  capturing_ = false;
  out.end_line = line_;
  if (ensure_byte()) {
    char c = buf_[pos_++];  // the line end
    if (c == '\r' && ensure_byte() && buf_[pos_] == '\n') ++pos_;
    ++line_;
  } else if (stream_error_) {
    return fatal(make_error("csv.read", line_, 0, {}));
  }
  out.fields.resize(std::min(count, options_.max_fields));
  if (pending) return std::move(*pending);
  return true;
}

}  // namespace ecusson
