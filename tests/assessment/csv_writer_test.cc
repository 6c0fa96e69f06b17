#include "ecusson/assessment/csv_writer.h"

#include <string>
#include <vector>

#include "test_support.h"

namespace ecusson::assessment {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// A strict RFC 4180 reader, written independently of the writer, to read back what it wrote.
Rows parse_csv(std::string_view s, char sep) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  Rows rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        ++i;
        continue;
      }
      cell += c;
      ++i;
      continue;
    }
    if (c == '"') {
      EXPECT_TRUE(cell.empty()) << "quote inside an unquoted cell at " << i;
      quoted = true;
      ++i;
    } else if (c == sep) {
      row.push_back(std::move(cell));
      cell.clear();
      ++i;
    } else if (c == '\r') {
      EXPECT_TRUE(i + 1 < s.size() && s[i + 1] == '\n') << "bare CR at " << i;
      row.push_back(std::move(cell));
      cell.clear();
      rows.push_back(std::move(row));
      row.clear();
      i += 2;
    } else {
      EXPECT_NE(c, '\n') << "bare LF outside quotes at " << i;
      cell += c;
      ++i;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quote";
  EXPECT_TRUE(row.empty() && cell.empty()) << "last row not terminated by CRLF";
  return rows;
}

TEST(csv_writer, starts_with_bom_and_ends_rows_with_crlf) {
  CsvWriter w;
  w.text("a").text("b").end_row();
  EXPECT_EQ(w.str(), "\xEF\xBB\xBF" "a;b\r\n");
  CsvWriter no_bom(CsvOptions{.separator = ';', .bom = false});
  no_bom.text("a").end_row();
  EXPECT_EQ(no_bom.str(), "a\r\n");
}

TEST(csv_writer, quotes_cells_with_quotes_and_doubles_them) {
  CsvWriter w;
  w.text("il a dit \"bonjour\"").end_row();
  EXPECT_EQ(w.str().substr(3), "\"il a dit \"\"bonjour\"\"\"\r\n");
  EXPECT_EQ(parse_csv(w.str(), ';'), (Rows{{"il a dit \"bonjour\""}}));
}

TEST(csv_writer, keeps_newlines_inside_a_quoted_cell) {
  CsvWriter w;
  w.text("ligne 1\nligne 2").text("x\r\ny").end_row();
  EXPECT_EQ(parse_csv(w.str(), ';'), (Rows{{"ligne 1\nligne 2", "x\r\ny"}}));
  EXPECT_NE(w.str().find("\"ligne 1\nligne 2\""), std::string::npos);
}

TEST(csv_writer, quotes_the_separator_but_not_the_other_one) {
  CsvWriter fr;
  fr.text("a;b").text("c,d").end_row();
  EXPECT_EQ(fr.str().substr(3), "\"a;b\";c,d\r\n");
  CsvWriter en(CsvOptions{.separator = ','});
  en.text("a;b").text("c,d").end_row();
  EXPECT_EQ(en.str().substr(3), "a;b,\"c,d\"\r\n");
  EXPECT_EQ(parse_csv(en.str(), ','), (Rows{{"a;b", "c,d"}}));
}

TEST(csv_writer, passes_accents_through_as_utf8) {
  CsvWriter w;
  w.text("Compétence « Écouter »").text("niveau atteint — ça marche").end_row();
  EXPECT_EQ(parse_csv(w.str(), ';'),
            (Rows{{"Compétence « Écouter »", "niveau atteint — ça marche"}}));
}

TEST(csv_writer, neutralises_formula_injection_in_text_cells) {
  for (std::string evil : {"=HYPERLINK(\"http://x\")", "+33 1 23", "-2+3", "@SUM(A1)",
                           "\tleading tab", "\r=1"}) {
    CsvWriter w;
    w.text(evil).end_row();
    Rows rows = parse_csv(w.str(), ';');
    ASSERT_EQ(rows.size(), 1u) << evil;
    ASSERT_EQ(rows[0].size(), 1u) << evil;
    EXPECT_EQ(rows[0][0], "'" + evil) << evil;
  }
  // Only the first character matters: "a=b" is plain text.
  EXPECT_EQ(csv_escape("a=b", ';'), "a=b");
  EXPECT_EQ(csv_escape("=a;b", ';'), "\"'=a;b\"");
}

TEST(csv_writer, numbers_are_not_neutralised) {
  CsvWriter w;
  w.integer(-1).integer(2).number(-0.5, 1).end_row();
  EXPECT_EQ(w.str().substr(3), "-1;2;-0,5\r\n");
}

TEST(csv_writer, decimal_comma_with_semicolon_and_point_with_comma) {
  CsvWriter fr;
  fr.number(0.8333, 2).number(1.0, 0).end_row();
  EXPECT_EQ(fr.str().substr(3), "0,83;1\r\n");
  EXPECT_EQ(fr.decimal_mark(), ',');
  CsvWriter en(CsvOptions{.separator = ','});
  en.number(0.8333, 2).number(12.26, 1).end_row();
  EXPECT_EQ(en.str().substr(3), "0.83,12.3\r\n");
  EXPECT_EQ(en.decimal_mark(), '.');
}

TEST(csv_writer, never_writes_negative_zero_or_nan) {
  CsvWriter w;
  w.number(-0.001, 2).number(std::nan("")).text("z").end_row();
  EXPECT_EQ(w.str().substr(3), "0,00;;z\r\n");
}

TEST(csv_writer, empty_cells_keep_column_positions) {
  CsvWriter w;
  w.empty().text("b").empty().end_row();
  EXPECT_EQ(parse_csv(w.str(), ';'), (Rows{{"", "b", ""}}));
}

TEST(csv_writer, unknown_separator_falls_back_to_semicolon) {
  CsvWriter w(CsvOptions{.separator = '|'});
  EXPECT_EQ(w.separator(), ';');
}

}  // namespace
}  // namespace ecusson::assessment

namespace ecusson::assessment {
namespace {

TEST(csv_writer, decimal_text_takes_the_writer_mark_and_refuses_non_numbers) {
  CsvWriter fr;
  fr.decimal("0.63").decimal("-12.5").decimal("7").decimal("=1+2").decimal("1.2.3").end_row();
  EXPECT_EQ(fr.str().substr(3), "0,63;-12,5;7;'=1+2;1.2.3\r\n");
  CsvWriter en(CsvOptions{.separator = ','});
  en.decimal("0.63").end_row();
  EXPECT_EQ(en.str().substr(3), "0.63\r\n");
}

}  // namespace
}  // namespace ecusson::assessment
