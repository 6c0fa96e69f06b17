#include "ecusson/rdf/dataset.h"

#include "test_support.h"

namespace ecusson::rdf::rdf {
namespace {

TEST(rdf, serializes_quad_in_default_and_named_graph) {
  Quad q{Term::iri("http://ex/s"), Term::iri("http://ex/p"), Term::blank("b1"), Term::default_graph()};
  EXPECT_EQ(to_nquad(q), "<http://ex/s> <http://ex/p> _:b1 .\n");
  q.graph = Term::iri("http://ex/g");
  EXPECT_EQ(to_nquad(q), "<http://ex/s> <http://ex/p> _:b1 <http://ex/g> .\n");
}

TEST(rdf, literal_uses_echar_for_the_seven_required_characters) {
  std::string out;
  append_nquads_term(out, Term::literal("\b\t\n\f\r\"\\"));
  EXPECT_EQ(out, "\"\\b\\t\\n\\f\\r\\\"\\\\\"");
}

TEST(rdf, literal_uses_uppercase_uchar_for_other_controls_and_del) {
  std::string out;
  append_nquads_term(out, Term::literal(std::string("\x00\x01\x0B\x0E\x1F\x7F", 6)));
  EXPECT_EQ(out, "\"\\u0000\\u0001\\u000B\\u000E\\u001F\\u007F\"");
}

TEST(rdf, literal_escapes_noncharacters_fffe_ffff_only) {
  std::string out;
  append_nquads_term(out, Term::literal("\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xBF\xBD\xC3\xA9'"));
  EXPECT_EQ(out, "\"\\uFFFE\\uFFFF\xEF\xBF\xBD\xC3\xA9'\"");
}

TEST(rdf, xsd_string_datatype_is_omitted) {
  std::string out;
  append_nquads_term(out, Term::literal("x", std::string(kXsdString)));
  EXPECT_EQ(out, "\"x\"");
}

TEST(rdf, language_wins_over_datatype) {
  std::string out;
  append_nquads_term(out, Term::literal("x", std::string(kRdfLangString), "en-GB"));
  EXPECT_EQ(out, "\"x\"@en-GB");
}

TEST(rdf, typed_literal_keeps_datatype) {
  std::string out;
  append_nquads_term(out, Term::literal("2", "http://www.w3.org/2001/XMLSchema#integer"));
  EXPECT_EQ(out, "\"2\"^^<http://www.w3.org/2001/XMLSchema#integer>");
}

}  // namespace
}  // namespace ecusson::rdf::rdf
