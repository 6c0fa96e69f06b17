#include "ecusson/rdf/nquads.h"

#include "test_support.h"

namespace ecusson::rdf {
namespace {

using rdf::Term;

TEST(nquads, parses_iri_blank_literal_and_graph) {
  const auto ds = parse_nquads(
      "<http://ex/s> <http://ex/p> <http://ex/o> .\n"
      "_:b0 <http://ex/p> \"v\" <http://ex/g> .\n"
      "_:b0 <http://ex/p> \"chat\"@fr _:g1 .\n"
      "<http://ex/s> <http://ex/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n");
  ASSERT_OK(ds);
  ASSERT_EQ(ds->size(), 4u);
  EXPECT_EQ((*ds)[0].object, Term::iri("http://ex/o"));
  EXPECT_TRUE((*ds)[0].graph.is_default_graph());
  EXPECT_EQ((*ds)[1].subject, Term::blank("b0"));
  EXPECT_EQ((*ds)[1].graph, Term::iri("http://ex/g"));
  EXPECT_EQ((*ds)[2].object, Term::literal("chat", {}, "fr"));
  EXPECT_EQ((*ds)[2].graph, Term::blank("g1"));
  EXPECT_EQ((*ds)[3].object.datatype, "http://www.w3.org/2001/XMLSchema#integer");
}

TEST(nquads, decodes_escapes) {
  const auto ds = parse_nquads(
      "<http://ex/s\\u00E9> <http://ex/p> \"a\\tb\\n\\\"q\\\"\\\\ \\u00e9\\U0001F600\" .\n");
  ASSERT_OK(ds);
  EXPECT_EQ((*ds)[0].subject.value, "http://ex/s\xC3\xA9");
  EXPECT_EQ((*ds)[0].object.value, "a\tb\n\"q\"\\ \xC3\xA9\xF0\x9F\x98\x80");
}

TEST(nquads, xsd_string_datatype_is_normalised_to_empty) {
  const auto ds =
      parse_nquads("<http://ex/s> <http://ex/p> \"x\"^^<http://www.w3.org/2001/XMLSchema#string> .");
  ASSERT_OK(ds);
  EXPECT_EQ((*ds)[0].object, Term::literal("x"));
}

TEST(nquads, accepts_comments_blank_lines_crlf_and_no_final_eol) {
  const auto ds = parse_nquads(
      "# comment\r\n\r\n  <http://ex/s> <http://ex/p> _:a.b . # trailing\r\n"
      "<http://ex/s> <http://ex/p> _:x.");
  ASSERT_OK(ds);
  ASSERT_EQ(ds->size(), 2u);
  EXPECT_EQ((*ds)[0].object, Term::blank("a.b"));
  EXPECT_EQ((*ds)[1].object, Term::blank("x"));
}

TEST(nquads, reports_line_and_column_of_missing_dot) {
  const auto ds = parse_nquads("<http://ex/s> <http://ex/p> <http://ex/o> .\n"
                               "<http://ex/s> <http://ex/p> <http://ex/o>\n");
  EXPECT_ERROR(ds, "nquads.syntax");
  EXPECT_EQ(ds.error().where, "2:42");
}

TEST(nquads, rejects_relative_iri) {
  const auto ds = parse_nquads("<s> <http://ex/p> <http://ex/o> .\n");
  EXPECT_ERROR(ds, "nquads.syntax");
  EXPECT_EQ(ds.error().where, "1:4");
}

TEST(nquads, rejects_literal_subject) {
  EXPECT_ERROR(parse_nquads("\"s\" <http://ex/p> <http://ex/o> .\n"), "nquads.syntax");
}

TEST(nquads, rejects_blank_predicate) {
  EXPECT_ERROR(parse_nquads("<http://ex/s> _:p <http://ex/o> .\n"), "nquads.syntax");
}

TEST(nquads, rejects_unterminated_literal) {
  EXPECT_ERROR(parse_nquads("<http://ex/s> <http://ex/p> \"abc .\n"), "nquads.syntax");
}

TEST(nquads, rejects_bad_escape) {
  EXPECT_ERROR(parse_nquads("<http://ex/s> <http://ex/p> \"a\\qb\" .\n"), "nquads.syntax");
}

TEST(nquads, rejects_surrogate_uchar) {
  EXPECT_ERROR(parse_nquads("<http://ex/s> <http://ex/p> \"\\uD800\" .\n"), "nquads.syntax");
}

TEST(nquads, rejects_invalid_utf8) {
  const auto ds = parse_nquads("<http://ex/s> <http://ex/p> \"\xC3(\" .\n");
  EXPECT_ERROR(ds, "nquads.utf8");
}

TEST(nquads, rejects_space_inside_iri) {
  EXPECT_ERROR(parse_nquads("<http://ex/a b> <http://ex/p> <http://ex/o> .\n"), "nquads.syntax");
}

TEST(nquads, rejects_empty_language_tag) {
  EXPECT_ERROR(parse_nquads("<http://ex/s> <http://ex/p> \"a\"@ .\n"), "nquads.syntax");
}

TEST(nquads, rejects_two_statements_on_one_line) {
  EXPECT_ERROR(parse_nquads("<http://ex/s> <http://ex/p> <http://ex/o> . <http://ex/s> "
                            "<http://ex/p> <http://ex/o> .\n"),
               "nquads.syntax");
}

}  // namespace
}  // namespace ecusson::rdf
