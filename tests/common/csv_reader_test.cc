#include "ecusson/common/csv_reader.h"

#include <random>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

#include "test_support.h"

namespace ecusson {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// Gives its text one byte per underflow(): istream::read then crosses a boundary between
// every two bytes. Optionally fails (throws, so the istream sets badbit) after `fail_after`
// bytes, and counts what was handed out.
class TrickleBuf : public std::streambuf {
 public:
  explicit TrickleBuf(std::string text, std::size_t fail_after = std::string::npos)
      : text_(std::move(text)), fail_after_(fail_after) {}
  std::size_t given() const { return next_; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (next_ >= fail_after_) throw std::runtime_error("disk on fire");
    if (next_ >= text_.size()) return traits_type::eof();
    char* p = text_.data() + next_++;
    setg(p, p, p + 1);
    return traits_type::to_int_type(*p);
  }

 private:
  std::string text_;
  std::size_t fail_after_;
  std::size_t next_ = 0;
};

// An endless field: '"' then 'x' forever (a 10 MB, or infinite, runaway quote), counting
// the bytes read, in chunks as a file would give them.
class EndlessFieldBuf : public std::streambuf {
 public:
  explicit EndlessFieldBuf(std::string prefix) : prefix_(std::move(prefix)), chunk_(4096, 'x') {}
  std::size_t given() const { return given_; }

 protected:
  int_type underflow() override {
    std::string& src = given_ == 0 ? prefix_ : chunk_;
    setg(src.data(), src.data(), src.data() + src.size());
    given_ += src.size();
    return traits_type::to_int_type(src[0]);
  }

 private:
  std::string prefix_, chunk_;
  std::size_t given_ = 0;
};

// Everything a reader produced, as one comparable text: each record's lines, fields and
// raw bytes, each error's code and where, and whether the reader failed.
std::string transcript(std::istream& in, CsvReaderOptions options = {}) {
  CsvReader reader(in, std::move(options));
  CsvRecord rec;
  std::string out;
  for (int guard = 0; guard < 100000; ++guard) {
    Result<bool> more = reader.next(rec);
    if (!more) {
      out += "ERROR " + more.error().code + " @" + more.error().where + " raw[" + rec.raw + "]\n";
      if (reader.failed()) return out + "FAILED\n";
      continue;
    }
    if (!*more) return out + "END delimiter=" + reader.delimiter() + "\n";
    out += std::to_string(rec.line) + "-" + std::to_string(rec.end_line) + ":";
    for (const auto& f : rec.fields) out += " [" + f + "]";
    out += " raw[" + rec.raw + "]\n";
  }
  return out + "LOOP\n";
}

std::string transcript(const std::string& text, CsvReaderOptions options = {}) {
  std::istringstream in(text);
  return transcript(in, std::move(options));
}

// The records of `text`, asserting there is no error.
Rows read_rows(const std::string& text, CsvReaderOptions options = {},
               std::vector<std::size_t>* lines = nullptr) {
  std::istringstream in(text);
  CsvReader reader(in, std::move(options));
  CsvRecord rec;
  Rows rows;
  for (;;) {
    Result<bool> more = reader.next(rec);
    EXPECT_OK(more);
    if (!more || !*more) return rows;
    rows.push_back(rec.fields);
    if (lines) lines->push_back(rec.line);
  }
}

// The first error of `text` (a test failure when there is none).
Error first_error(const std::string& text, CsvReaderOptions options = {}) {
  std::istringstream in(text);
  CsvReader reader(in, std::move(options));
  CsvRecord rec;
  for (;;) {
    Result<bool> more = reader.next(rec);
    if (!more) return more.error();
    if (!*more) {
      ADD_FAILURE() << "no error in: " << text;
      return {};
    }
  }
}

char detected(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(in);
  CsvRecord rec;
  EXPECT_EQ(reader.delimiter(), 0);
  (void)reader.next(rec);
  return reader.delimiter();
}

TEST(csv_reader, detects_the_delimiter_outside_quotes_on_the_first_line) {
  EXPECT_EQ(detected("a,b,c\n1;2;3;4;5\n"), ',');
  EXPECT_EQ(detected("nom;prénom;courriel\r\nx,y\n"), ';');
  EXPECT_EQ(detected("\"a;b;c\",d\n"), ',');      // the ';' are inside quotes
  EXPECT_EQ(detected("\"a,\"\"b,c\";d\n"), ';');  // "" does not end the quoted field
  EXPECT_EQ(detected("\n\r\nx;y\n"), ';');        // leading empty lines are skipped
  EXPECT_EQ(detected("a;b,c\n"), ',');            // tie
  EXPECT_EQ(detected("courriel\n"), ',');         // none
  EXPECT_EQ(detected(""), ',');
  EXPECT_EQ(read_rows("a;b\n"), (Rows{{"a", "b"}}));
  EXPECT_EQ(read_rows("a,b\n"), (Rows{{"a", "b"}}));
}

TEST(csv_reader, an_explicit_delimiter_wins_over_detection) {
  EXPECT_EQ(read_rows("a;b,c\n", {.delimiter = ';'}), (Rows{{"a", "b,c"}}));
  EXPECT_EQ(read_rows("a\tb;c\n", {.delimiter = '\t'}), (Rows{{"a", "b;c"}}));
  EXPECT_EQ(read_rows("a;b;c\n", {.delimiter = '"'}), (Rows{{"a", "b", "c"}}));  // detected
}

TEST(csv_reader, reads_a_french_excel_export) {
  std::string file =
      "\xEF\xBB\xBFNom;Prénom;Courriel\r\n"
      "Dupont;Hélène;helene@example.fr\r\n"
      "\"Martin; fils\";\"Jean \"\"JJ\"\"\";jj@example.fr\r\n"
      ";;\r\n";
  EXPECT_EQ(read_rows(file), (Rows{{"Nom", "Prénom", "Courriel"},
                                   {"Dupont", "Hélène", "helene@example.fr"},
                                   {"Martin; fils", "Jean \"JJ\"", "jj@example.fr"},
                                   {"", "", ""}}));
}

TEST(csv_reader, skips_only_a_leading_byte_order_mark) {
  EXPECT_EQ(read_rows("\xEF\xBB\xBF"
                      "a,b\n"),
            (Rows{{"a", "b"}}));
  EXPECT_EQ(read_rows("\xEF\xBB\xBF"), Rows{});
  EXPECT_EQ(read_rows("a\n\xEF\xBB\xBF"
                      "b\n"),
            (Rows{{"a"},
                  {"\xEF\xBB\xBF"
                   "b"}}));
  EXPECT_EQ(first_error("\xEF\xBB"
                        "a\n")
                .code,
            "csv.bad_utf8");  // a broken BOM is text
}

TEST(csv_reader, accepts_crlf_lf_and_lone_cr_line_ends) {
  std::vector<std::size_t> lines;
  EXPECT_EQ(read_rows("a,1\r\nb,2\nc,3\rd,4\r\n", {}, &lines),
            (Rows{{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}}));
  EXPECT_EQ(lines, (std::vector<std::size_t>{1, 2, 3, 4}));
  EXPECT_EQ(read_rows("a\r\r\nb"), (Rows{{"a"}, {"b"}}));  // CR, then CRLF (an empty line)
}

TEST(csv_reader, quoted_fields_keep_delimiters_and_line_ends_and_lines_stay_right) {
  std::istringstream in("h1,h2\n\"x\ny\",z\nnext,\"a\r\nb\rc\"\nlast,1\n");
  CsvReader reader(in);
  CsvRecord rec;
  ASSERT_TRUE(reader.next(rec).value());
  EXPECT_EQ(rec.line, 1u);
  EXPECT_EQ(rec.end_line, 1u);
  ASSERT_TRUE(reader.next(rec).value());
  EXPECT_EQ(rec.fields, (std::vector<std::string>{"x\ny", "z"}));
  EXPECT_EQ(rec.line, 2u);
  EXPECT_EQ(rec.end_line, 3u);
  EXPECT_EQ(rec.raw, "\"x\ny\",z");
  ASSERT_TRUE(reader.next(rec).value());
  EXPECT_EQ(rec.fields, (std::vector<std::string>{"next", "a\r\nb\rc"}));
  EXPECT_EQ(rec.line, 4u);
  EXPECT_EQ(rec.end_line, 6u);
  ASSERT_TRUE(reader.next(rec).value());
  EXPECT_EQ(rec.fields, (std::vector<std::string>{"last", "1"}));
  EXPECT_EQ(rec.line, 7u);
  EXPECT_FALSE(reader.next(rec).value());
  EXPECT_FALSE(reader.next(rec).value());  // the end stays the end
}

TEST(csv_reader, doubled_quotes_are_one_quote) {
  EXPECT_EQ(read_rows("\"il a dit \"\"oui\"\"\",x\n"), (Rows{{"il a dit \"oui\"", "x"}}));
  EXPECT_EQ(read_rows("\"\"\"\",\"\"\n"), (Rows{{"\"", ""}}));
  EXPECT_EQ(read_rows("\"a,b\",\"c;d\"\n"), (Rows{{"a,b", "c;d"}}));
}

TEST(csv_reader, a_quote_inside_an_unquoted_field_is_literal) {
  EXPECT_EQ(read_rows("a,5\" écran,b\"c\"\n"), (Rows{{"a", "5\" écran", "b\"c\""}}));
  EXPECT_EQ(read_rows("a, \"b\"\n"), (Rows{{"a", " \"b\""}}));  // a space first: not quoted
}

TEST(csv_reader, keeps_empty_fields) {
  EXPECT_EQ(read_rows(",,\n"), (Rows{{"", "", ""}}));
  EXPECT_EQ(read_rows("a,,b,\n"), (Rows{{"a", "", "b", ""}}));
  EXPECT_EQ(read_rows("\"\"\n"), (Rows{{""}}));  // a record of one empty field
  EXPECT_EQ(read_rows("a,b,c\nd\n,\n"), (Rows{{"a", "b", "c"}, {"d"}, {"", ""}}));
}

TEST(csv_reader, the_final_line_end_is_optional_and_empty_lines_are_skipped) {
  EXPECT_EQ(read_rows("a,b"), (Rows{{"a", "b"}}));
  EXPECT_EQ(read_rows("a,b\n"), (Rows{{"a", "b"}}));
  EXPECT_EQ(read_rows("a,b\r\n\r\n\n"), (Rows{{"a", "b"}}));
  EXPECT_EQ(read_rows("\"a\""), (Rows{{"a"}}));
  EXPECT_EQ(read_rows(""), Rows{});
  EXPECT_EQ(read_rows("\n\n"), Rows{});
  std::vector<std::size_t> lines;
  EXPECT_EQ(read_rows("a\n\n\r\nb\n", {}, &lines), (Rows{{"a"}, {"b"}}));
  EXPECT_EQ(lines, (std::vector<std::size_t>{1, 4}));
}

TEST(csv_reader, unbalanced_quote_names_the_line_where_it_opened_and_is_fatal) {
  std::istringstream in("a,b\nc,\"open\nmore\nstuff, \"\"x\n");
  CsvReader reader(in, {.source = "batch.csv"});
  CsvRecord rec;
  ASSERT_TRUE(reader.next(rec).value());
  Result<bool> r = reader.next(rec);
  EXPECT_ERROR(r, "csv.unbalanced_quote");
  EXPECT_EQ(r.error().where, "batch.csv:2:2");
  EXPECT_EQ(rec.line, 2u);
  EXPECT_EQ(rec.end_line, 5u);
  EXPECT_NE(r.error().message.find("ligne 2, champ 2"), std::string::npos) << r.error().message;
  EXPECT_TRUE(reader.failed());
  EXPECT_ERROR(reader.next(rec), "csv.unbalanced_quote");  // sticky
}

TEST(csv_reader, garbage_after_a_closing_quote_rejects_the_record_only) {
  std::istringstream in("a,\"abc\"x\"y,c\nd,e\n");
  CsvReader reader(in);
  CsvRecord rec;
  Result<bool> r = reader.next(rec);
  EXPECT_ERROR(r, "csv.garbage_after_quote");
  EXPECT_EQ(r.error().where, "1:2");
  EXPECT_NE(r.error().message.find("'x'"), std::string::npos) << r.error().message;
  EXPECT_EQ(rec.raw, "a,\"abc\"x\"y,c");
  EXPECT_FALSE(reader.failed());
  ASSERT_TRUE(reader.next(rec).value());
  EXPECT_EQ(rec.fields, (std::vector<std::string>{"d", "e"}));
  EXPECT_EQ(rec.line, 2u);
  EXPECT_EQ(first_error("\"a\" ,b\n").code, "csv.garbage_after_quote");
}

TEST(csv_reader, too_many_fields_rejects_the_record_only) {
  std::istringstream in("a,b,c,d,e\nf,g\n");
  CsvReader reader(in, {.max_fields = 3});
  CsvRecord rec;
  Result<bool> r = reader.next(rec);
  EXPECT_ERROR(r, "csv.too_many_fields");
  EXPECT_EQ(r.error().where, "1");
  EXPECT_EQ(rec.raw, "a,b,c,d,e");
  EXPECT_FALSE(reader.failed());
  ASSERT_TRUE(reader.next(rec).value());
  EXPECT_EQ(rec.fields, (std::vector<std::string>{"f", "g"}));
  EXPECT_EQ(read_rows("a,b,c\n", {.max_fields = 3}),
            (Rows{{"a", "b", "c"}}));  // the limit is allowed
}

TEST(csv_reader, nul_bytes_reject_the_record_only) {
  std::istringstream in(std::string("a,b\0c\n\"x\0\",y\nd,e\n", 17));
  CsvReader reader(in);
  CsvRecord rec;
  Result<bool> r = reader.next(rec);
  EXPECT_ERROR(r, "csv.nul_byte");
  EXPECT_EQ(r.error().where, "1:2");
  EXPECT_ERROR(reader.next(rec), "csv.nul_byte");
  ASSERT_TRUE(reader.next(rec).value());
  EXPECT_EQ(rec.fields, (std::vector<std::string>{"d", "e"}));
  EXPECT_EQ(rec.line, 3u);
  // A UTF-16 ("Unicode Text") export is refused on its first line, not read as garbage.
  EXPECT_EQ(first_error(std::string("a\0,\0b\0\n\0", 8)).code, "csv.nul_byte");
}

TEST(csv_reader, latin1_text_is_refused_with_advice_and_the_next_record_is_read) {
  std::istringstream in("nom;prénom\nDupont;H\xe9l\xe8ne\n\"Martin\";\"Zo\xc3\xa9\"\n");
  CsvReader reader(in);
  CsvRecord rec;
  ASSERT_TRUE(reader.next(rec).value());
  Result<bool> r = reader.next(rec);
  EXPECT_ERROR(r, "csv.bad_utf8");
  EXPECT_EQ(r.error().where, "2:2");
  EXPECT_NE(r.error().message.find("Latin-1/Windows-1252"), std::string::npos);
  EXPECT_NE(r.error().message.find("« CSV UTF-8 »"), std::string::npos);
  EXPECT_NE(r.error().message.find("0xE9"), std::string::npos) << r.error().message;
  EXPECT_EQ(rec.raw, "Dupont;H\xe9l\xe8ne");
  ASSERT_TRUE(reader.next(rec).value());
  EXPECT_EQ(rec.fields, (std::vector<std::string>{"Martin", "Zo\xc3\xa9"}));
  // In a quoted field over several lines, the line of the bad byte is named.
  EXPECT_EQ(first_error("a,\"x\ny\r\nz\xe9\"\n").where, "3:2");
}

TEST(csv_reader, a_10_mb_field_is_refused_after_the_limit_not_after_10_mb) {
  for (std::string prefix : {"id,nom\n1,\"", "id,nom\n1,x"}) {
    EndlessFieldBuf buf(prefix);
    std::istream in(&buf);
    CsvReader reader(in);
    CsvRecord rec;
    ASSERT_TRUE(reader.next(rec).value());
    Result<bool> r = reader.next(rec);
    EXPECT_ERROR(r, "csv.field_too_large");
    EXPECT_EQ(r.error().where, "2:2");
    EXPECT_TRUE(reader.failed());
    EXPECT_LT(buf.given(), (1u << 20) + (256u << 10)) << prefix;
    EXPECT_EQ(rec.raw.size(), CsvReaderOptions{}.max_raw_bytes);  // capped
    EXPECT_ERROR(reader.next(rec), "csv.field_too_large");
  }
  // And a real 10 MB string, through the ordinary stream.
  std::string big = "a;\"" + std::string(10u << 20, 'y') + "\"\n";
  EXPECT_EQ(first_error(big).code, "csv.field_too_large");
  EXPECT_EQ(read_rows("a,bbbb\n", {.max_field_bytes = 4}), (Rows{{"a", "bbbb"}}));
  EXPECT_EQ(first_error("a,bbbbb\n", {.max_field_bytes = 4}).code, "csv.field_too_large");
}

TEST(csv_reader, a_record_over_the_limit_is_fatal) {
  CsvReaderOptions options{.max_field_bytes = 10, .max_record_bytes = 20};
  EXPECT_EQ(read_rows("aaaaaaaaa,bbbbbbbbb,\n", options).size(), 1u);  // 20 bytes
  Error e = first_error("ok\naaaaaaaaa,bbbbbbbbb,c\nd\n", options);
  EXPECT_EQ(e.code, "csv.record_too_large");
  EXPECT_EQ(e.where, "2");
}

TEST(csv_reader, a_stream_failure_is_an_error_not_a_short_record) {
  // The bytes of a failing istream::read are lost (gcount() stays 0): with 4-byte reads,
  // "a,b\n" arrives whole and the failure comes in the middle of the next record.
  TrickleBuf buf("a,b\ncc,dd\n", 7);
  std::istream in(&buf);
  CsvReader reader(in, {.chunk_bytes = 4});
  CsvRecord rec;
  ASSERT_TRUE(reader.next(rec).value());
  EXPECT_EQ(rec.fields, (std::vector<std::string>{"a", "b"}));
  Result<bool> r = reader.next(rec);
  EXPECT_ERROR(r, "csv.read");
  EXPECT_TRUE(reader.failed());
  // Also when the caller asked the stream for exceptions: none escapes.
  TrickleBuf buf2("x", 0);
  std::istream in2(&buf2);
  in2.exceptions(std::ios::badbit);
  CsvReader reader2(in2);
  EXPECT_ERROR(reader2.next(rec), "csv.read");
}

TEST(csv_reader, every_error_has_french_and_english_text_naming_the_line) {
  struct Case {
    std::string text;
    std::string code;
    std::size_t max_field_bytes = 100, max_record_bytes = 100, max_fields = 100;
  };
  const std::vector<Case> cases = {
      {"\n\n\"a", "csv.unbalanced_quote"},
      {"\n\nabc", "csv.field_too_large", 2},
      {"\n\nabc", "csv.record_too_large", 100, 2},
      {"\n\na,b", "csv.too_many_fields", 100, 100, 1},
      {std::string("\n\na\0", 4), "csv.nul_byte"},
      {"\n\n\xe9", "csv.bad_utf8"},
      {"\n\n\"a\"b", "csv.garbage_after_quote"},
  };
  for (const Case& c : cases) {
    std::string fr, en;
    for (Lang lang : {Lang::fr, Lang::en}) {
      CsvReaderOptions options;
      options.max_field_bytes = c.max_field_bytes;
      options.max_record_bytes = c.max_record_bytes;
      options.max_fields = c.max_fields;
      options.lang = lang;
      Error e = first_error(c.text, options);
      EXPECT_EQ(e.code, c.code);
      EXPECT_EQ(e.where.substr(0, 1), "3") << c.code;
      (lang == Lang::fr ? fr : en) = e.message;
    }
    EXPECT_EQ(fr.rfind("ligne 3", 0), 0u) << c.code << ": " << fr;
    EXPECT_EQ(en.rfind("line 3", 0), 0u) << c.code << ": " << en;
    EXPECT_EQ(fr.find('{'), std::string::npos) << fr;
    EXPECT_EQ(en.find('{'), std::string::npos) << en;
  }
  TrickleBuf buf("\n\nab", 3);
  std::istream in(&buf);
  CsvReader reader(in, {.chunk_bytes = 1, .lang = Lang::en});
  CsvRecord rec;
  Result<bool> r = reader.next(rec);
  EXPECT_ERROR(r, "csv.read");
  EXPECT_EQ(r.error().message.rfind("line 3", 0), 0u) << r.error().message;
}

TEST(csv_reader, raw_is_capped_or_off) {
  std::istringstream in("abcdef,ghij\r\nk\n");
  CsvReader reader(in, {.max_raw_bytes = 4});
  CsvRecord rec;
  ASSERT_TRUE(reader.next(rec).value());
  EXPECT_EQ(rec.raw, "abcd");
  ASSERT_TRUE(reader.next(rec).value());
  EXPECT_EQ(rec.raw, "k");
  std::istringstream in2("abc\n");
  CsvReader reader2(in2, {.max_raw_bytes = 0});
  ASSERT_TRUE(reader2.next(rec).value());
  EXPECT_EQ(rec.raw, "");
  EXPECT_EQ(rec.fields, std::vector<std::string>{"abc"});
}

// Inputs where a buffer boundary could fall on something that matters.
const std::vector<std::string> kTrickyInputs = {
    "",
    "\xEF\xBB\xBF",
    "\xEF\xBB\xBF"
    "a;b\r\nc;d",
    "a,b\r\nc,d\r\n",
    "a\rb\r\rc\r",
    "\"a\"\"b\",\"\"\"\"\r\n\"\",x",
    "\"multi\r\nline\rfield\n\",2\r\n3,4",
    "h1;h2\n\"x;y\";\"z\"\"\"\n\n\n;\n",
    "a,\"b\"c,d\ne,f",
    "a,b\xc3\xa9,\xe2\x82\xac\n\xe9,x\ny,z\n",
    std::string("a,\0b\n\"\0\"\nc", 10),
    "a,b,c,d,e,f\ng\n",
    "x,\"never closed\nat all",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,b\nc",
    "\"a\"\r",
    "\r\n\r\n",
};

TEST(csv_reader, buffer_boundaries_do_not_change_the_result) {
  CsvReaderOptions base{.max_field_bytes = 30, .max_fields = 5};
  for (const std::string& text : kTrickyInputs) {
    std::string expected = transcript(text, base);
    for (std::size_t chunk : {1, 2, 3, 5, 7}) {
      CsvReaderOptions o = base;
      o.chunk_bytes = chunk;
      EXPECT_EQ(transcript(text, o), expected) << "chunk " << chunk << " on " << text;
    }
    TrickleBuf buf(text);
    std::istream in(&buf);
    EXPECT_EQ(transcript(in, base), expected) << "trickle on " << text;
  }
  // The transcript is not blind: it sees fields, lines, raw bytes and errors.
  EXPECT_EQ(transcript("\"a\"\"b\",c\r\n\n\"x\ny\"", base),
            "1-1: [a\"b] [c] raw[\"a\"\"b\",c]\n3-4: [x\ny] raw[\"x\ny\"]\nEND delimiter=,\n");
  EXPECT_EQ(transcript("a,\"b\"c\nd", base),
            "ERROR csv.garbage_after_quote @1:2 raw[a,\"b\"c]\n2-2: [d] raw[d]\nEND delimiter=,\n");
}

// A small writer as Excel writes: quotes a field holding a delimiter candidate, a quote or
// a line end (and, at random, some that need nothing), doubles quotes.
std::string write_csv(const Rows& rows, char delimiter, const std::string& line_end,
                      bool final_line_end, std::mt19937& rng) {
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t f = 0; f < rows[r].size(); ++f) {
      if (f) out += delimiter;
      const std::string& v = rows[r][f];
      bool quote = v.find_first_of(",;\"\r\n") != std::string::npos || rng() % 4 == 0 ||
                   (rows[r].size() == 1 && v.empty());  // else it is an empty line
      if (!quote) {
        out += v;
        continue;
      }
      out += '"';
      for (char c : v) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    if (r + 1 < rows.size() || final_line_end) out += line_end;
  }
  return out;
}

TEST(csv_reader, reads_back_what_a_quoting_writer_wrote) {
  std::mt19937 rng(20240611);
  const std::vector<std::string> pieces = {"a",  "Z",  "é",  "€",    "🏅",         " ", ",", ";",
                                           "\"", "\r", "\n", "\r\n", "x@example.fr", ""};
  const std::vector<std::string> line_ends = {"\n", "\r\n", "\r"};
  for (int round = 0; round < 400; ++round) {
    char delimiter = rng() % 2 ? ';' : ',';
    Rows rows(1 + rng() % 6);
    for (std::size_t r = 0; r < rows.size(); ++r) {
      // The header has at least two fields, so the delimiter can be detected.
      rows[r].resize((r == 0 ? 2 : 1) + rng() % 5);
      for (auto& field : rows[r])
        for (std::size_t k = rng() % 5; k > 0; --k) field += pieces[rng() % pieces.size()];
    }
    std::string text = (rng() % 3 == 0 ? "\xEF\xBB\xBF" : "") +
                       write_csv(rows, delimiter, line_ends[rng() % 3], rng() % 2, rng);
    EXPECT_EQ(read_rows(text), rows) << "round " << round << ": " << text;
    std::string expected = transcript(text);
    EXPECT_EQ(transcript(text, {.chunk_bytes = 1 + rng() % 4}), expected) << text;
    TrickleBuf buf(text);
    std::istream in(&buf);
    EXPECT_EQ(transcript(in), expected) << text;
  }
}

// 150,000 rows generated on the fly: never a string of the whole file.
class RowsBuf : public std::streambuf {
 public:
  explicit RowsBuf(std::size_t rows) : rows_(rows) {}

 protected:
  int_type underflow() override {
    if (next_ == rows_) return traits_type::eof();
    line_ = "participant" + std::to_string(next_) + "@example.fr;\"Nom " + std::to_string(next_) +
            "\";Prénom\r\n";
    ++next_;
    setg(line_.data(), line_.data(), line_.data() + line_.size());
    return traits_type::to_int_type(line_[0]);
  }

 private:
  std::size_t rows_, next_ = 0;
  std::string line_;
};

TEST(csv_reader, streams_a_large_batch_with_the_right_line_numbers) {
  RowsBuf buf(150000);
  std::istream in(&buf);
  CsvReader reader(in);
  CsvRecord rec;
  std::size_t count = 0;
  for (;;) {
    Result<bool> more = reader.next(rec);
    ASSERT_OK(more);
    if (!*more) break;
    ++count;
    ASSERT_EQ(rec.line, count);
    ASSERT_EQ(rec.fields.size(), 3u);
    ASSERT_EQ(rec.fields[1], "Nom " + std::to_string(count - 1));
  }
  EXPECT_EQ(count, 150000u);
  EXPECT_EQ(reader.delimiter(), ';');
}

}  // namespace
}  // namespace ecusson
