// Hostile and broken files: each gives a clear Error naming file:line:column, never a
// crash or a hang (the CLI maps these to exit 2).
#include <fstream>

#include "ecusson/assessment/evaluation.h"
#include "ecusson/assessment/grid.h"
#include "fixtures.h"

namespace ecusson::assessment {
namespace {

using ecusson::test::TempDir;
using namespace testing;

const std::string kEvalHead =
    R"(<evaluation xmlns="urn:ecusson:eval:1" id="E" grid="t" gridVersion="1.0.0" phase="entry">)";

TEST(bad_input, malformed_xml_names_line_and_column) {
  // Line 3 closes <participant> with </participan>: pugixml stops in the end tag.
  std::string xml = kEvalHead + "\n  <participant ref=\"P\">\n  </participan>\n</evaluation>\n";
  auto r = parse_evaluation(xml, "m.eval.xml");
  EXPECT_ERROR(r, "xml.malformed");
  EXPECT_TRUE(r.error().where.starts_with("m.eval.xml:3:")) << r.error().where;
  EXPECT_NE(r.error().message.find("balise fermante"), std::string::npos) << r.error().message;
}

TEST(bad_input, unclosed_root_is_malformed) {
  auto r = parse_grid("<competenceGrid xmlns=\"urn:ecusson:grid:1\" id=\"g\" version=\"1.0.0\">\n<domain", "g.xml");
  EXPECT_ERROR(r, "xml.malformed");
  EXPECT_TRUE(r.error().where.starts_with("g.xml:2:")) << r.error().where;
}

TEST(bad_input, wrong_namespace_is_reported_with_expected_value) {
  auto r = parse_grid(R"(<competenceGrid xmlns="urn:ecusson:grid:2" id="g" version="1.0.0"/>)", "g.xml");
  EXPECT_ERROR(r, "xml.wrong_namespace");
  EXPECT_EQ(r.error().where, "g.xml:1:24");
  EXPECT_NE(r.error().message.find("urn:ecusson:grid:1"), std::string::npos);
}

TEST(bad_input, missing_namespace_is_reported) {
  auto r = parse_evaluation(R"(<evaluation id="E" grid="t" gridVersion="1" phase="exit"/>)", "e.xml");
  EXPECT_ERROR(r, "xml.wrong_namespace");
  EXPECT_EQ(r.error().where, "e.xml:1:1");
}

TEST(bad_input, evaluation_given_as_grid_is_wrong_root) {
  auto r = parse_grid(eval_xml({}), "x.xml");
  EXPECT_ERROR(r, "xml.wrong_root");
  EXPECT_NE(r.error().message.find("competenceGrid"), std::string::npos);
}

TEST(bad_input, unknown_element_is_reported_not_ignored) {
  std::string xml = kEvalHead + "\n  <participant ref=\"P\"/>\n  <notes>x</notes>\n</evaluation>";
  auto r = parse_evaluation(xml, "e.xml");
  EXPECT_ERROR(r, "xml.unknown_element");
  EXPECT_EQ(r.error().where, "e.xml:3:3");
  EXPECT_NE(r.error().message.find("participant, placement, evaluators, observations"), std::string::npos)
      << r.error().message;
}

TEST(bad_input, unknown_attribute_is_reported_not_ignored) {
  std::string xml = kEvalHead + "\n  <participant ref=\"P\" name=\"Jean Dupont\"/>\n</evaluation>";
  auto r = parse_evaluation(xml, "e.xml");
  EXPECT_ERROR(r, "xml.unknown_attribute");
  EXPECT_EQ(r.error().where, "e.xml:2:24");
}

TEST(bad_input, text_where_elements_are_expected) {
  std::string xml = kEvalHead + "\n  <participant ref=\"P\"/>hello\n</evaluation>";
  EXPECT_ERROR(parse_evaluation(xml, "e.xml"), "xml.unexpected_text");
}

TEST(bad_input, missing_required_attribute) {
  auto r = parse_evaluation(R"(<evaluation xmlns="urn:ecusson:eval:1" id="E" grid="t" phase="exit"/>)", "e.xml");
  EXPECT_ERROR(r, "xml.missing_attribute");
  EXPECT_NE(r.error().message.find("gridVersion"), std::string::npos);
}

TEST(bad_input, empty_file) {
  TempDir dir;
  std::ofstream(dir.path() / "empty.grid.xml").close();
  auto r = load_grid((dir.path() / "empty.grid.xml").string());
  EXPECT_ERROR(r, "xml.empty");
  EXPECT_EQ(r.error().message, "le fichier est vide");
}

TEST(bad_input, blank_file_with_bom_is_empty) {
  EXPECT_ERROR(parse_grid("\xEF\xBB\xBF \n\t\n", "b.xml"), "xml.empty");
}

TEST(bad_input, missing_file) {
  EXPECT_ERROR(load_evaluation("/nonexistent/dir/x.eval.xml"), "io.not_found");
}

TEST(bad_input, directory_instead_of_file) {
  TempDir dir;
  EXPECT_ERROR(load_grid(dir.path().string()), "io.unreadable");
}

// A 50 MB file is refused from its size, before reading: no 50 MB buffer is allocated.
TEST(bad_input, file_of_50_mb_is_refused_before_reading) {
  TempDir dir;
  auto path = dir.path() / "huge.eval.xml";
  {
    std::ofstream out(path, std::ios::binary);
    out << kEvalHead;
    // A sparse file: the size is 50 MB without writing 50 MB.
    out.seekp(50 * 1000 * 1000 - 1);
    out.put('>');
  }
  auto r = load_evaluation(path.string());
  EXPECT_ERROR(r, "xml.too_large");
  EXPECT_NE(r.error().message.find("50000000"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("16777216"), std::string::npos) << r.error().message;
}

TEST(bad_input, text_over_the_cap_is_refused) {
  ParseOptions o;
  o.max_bytes = 100;
  EXPECT_ERROR(parse_evaluation(eval_xml({}), "e.xml", o), "xml.too_large");
}

// 100,000 nested elements: parsed without recursion, then refused at the depth limit with
// the position of the first element too deep.
TEST(bad_input, hundred_thousand_nested_elements_are_refused) {
  std::string xml = kEvalHead;
  xml.reserve(1'200'000);
  for (int i = 0; i < 100000; ++i) xml += "<a>";
  for (int i = 0; i < 100000; ++i) xml += "</a>";
  xml += "</evaluation>";
  auto r = parse_evaluation(xml, "deep.xml");
  EXPECT_ERROR(r, "xml.too_deep");
  // Depth 1 is <evaluation>; the 32nd <a> is at depth 33, the first beyond the limit 32.
  std::size_t col = kEvalHead.size() + 31 * 3 + 1;
  EXPECT_EQ(r.error().where, "deep.xml:1:" + std::to_string(col));
}

TEST(bad_input, invalid_utf8_names_line_and_column) {
  // Line 2: 20 characters, then "é" (one character, column 21), then a lone 0xFF byte (22).
  std::string xml = kEvalHead + "\n  <participant ref=\"\xC3\xA9\xFF\"/>\n</evaluation>";
  auto r = parse_evaluation(xml, "u.xml");
  EXPECT_ERROR(r, "xml.invalid_utf8");
  EXPECT_EQ(r.error().where, "u.xml:2:22");
  EXPECT_NE(r.error().message.find("0xFF"), std::string::npos);
}

TEST(bad_input, truncated_and_overlong_utf8_sequences) {
  EXPECT_ERROR(parse_grid("<a>\xC3</a>", "a.xml"), "xml.invalid_utf8");   // truncated é
  EXPECT_ERROR(parse_grid("<a>\xC0\xAF</a>", "a.xml"), "xml.invalid_utf8");  // overlong '/'
  EXPECT_ERROR(parse_grid("<a>\xED\xA0\x80</a>", "a.xml"), "xml.invalid_utf8");  // surrogate
  EXPECT_ERROR(parse_grid("<a>\xF4\x90\x80\x80</a>", "a.xml"), "xml.invalid_utf8");  // > U+10FFFF
}

TEST(bad_input, control_characters_are_not_xml) {
  auto r = parse_grid(std::string("<a>x\x01</a>"), "c.xml");
  EXPECT_ERROR(r, "xml.invalid_char");
  EXPECT_EQ(r.error().where, "c.xml:1:5");
  EXPECT_ERROR(parse_grid(std::string("<a>x\0</a>", 9), "c.xml"), "xml.invalid_char");
}

TEST(bad_input, doctype_is_refused) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE evaluation [<!ENTITY x \"boom\">]>\n" + kEvalHead +
                    "<participant ref=\"&x;\"/></evaluation>";
  auto r = parse_evaluation(xml, "d.xml");
  EXPECT_ERROR(r, "xml.doctype");
  EXPECT_TRUE(r.error().where.starts_with("d.xml:2:")) << r.error().where;
}

TEST(bad_input, external_entity_doctype_is_refused) {
  std::string xml = "<!DOCTYPE g SYSTEM \"file:///etc/passwd\">" + std::string(kTestGrid).substr(39);
  EXPECT_ERROR(parse_grid(xml, "d.xml"), "xml.doctype");
}

TEST(bad_input, non_utf8_encoding_declaration_is_refused) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + kEvalHead + "</evaluation>";
  auto r = parse_evaluation(xml, "l.xml");
  EXPECT_ERROR(r, "xml.bad_value");
  EXPECT_NE(r.error().message.find("UTF-8"), std::string::npos);
}

TEST(bad_input, columns_count_characters_not_bytes) {
  // "é" and "ü" are 2 bytes each: the unknown attribute starts at character 26, byte 28.
  std::string xml = kEvalHead + "\n  <participant ref=\"é-ü\" x=\"1\"/>\n</evaluation>";
  auto r = parse_evaluation(xml, "c.xml");
  EXPECT_ERROR(r, "xml.unknown_attribute");
  EXPECT_EQ(r.error().where, "c.xml:2:26");
}

TEST(bad_input, english_messages_on_request) {
  ParseOptions o;
  o.lang = Lang::en;
  auto r = parse_grid("", "g.xml", o);
  EXPECT_ERROR(r, "xml.empty");
  EXPECT_EQ(r.error().to_string(), "g.xml: the file is empty [xml.empty]");
}

TEST(bad_input, garbage_bytes_never_crash) {
  // A few deterministic pseudo-random inputs (UTF-8 valid ASCII soup and XML fragments).
  std::uint32_t seed = 12345;
  const std::string alphabet = "<>/=\" abcdefgh:xmlns!-?[]&;#\n";
  for (int round = 0; round < 500; ++round) {
    std::string s;
    int len = static_cast<int>(seed % 200);
    for (int i = 0; i < len; ++i) {
      seed = seed * 1664525u + 1013904223u;
      s += alphabet[(seed >> 16) % alphabet.size()];
    }
    auto g = parse_grid(s, "f.xml");
    auto e = parse_evaluation(s, "f.xml");
    EXPECT_FALSE(g.has_value());
    EXPECT_FALSE(e.has_value());
    if (!g) {
      EXPECT_FALSE(g.error().code.empty());
    }
  }
}

}  // namespace
}  // namespace ecusson::assessment
