#include "ecusson/baking/svg_baking.h"

#include <boost/json.hpp>
#include <pugixml.hpp>

#include "baking_test_util.h"

namespace ecusson::test {
namespace {

using baking::BadgeVersion;
using baking::BakedKind;

constexpr std::string_view kPlainSvg =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <circle cx="50" cy="50" r="40" fill="#2a6"/>
  <text x="50" y="55">Équipe</text>
</svg>
)";

pugi::xml_document parse(const std::string& s) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(s.c_str())) << s;
  return doc;
}

int count_elements(const pugi::xml_document& doc, const char* name) {
  int n = 0;
  for (auto x : doc.select_nodes((std::string("//*[name()='") + name + "']").c_str())) {
    (void)x;
    ++n;
  }
  return n;
}

TEST(svg_baking, bakes_ob3_json_as_first_child_with_cdata) {
  auto baked = baking::bake_svg(kPlainSvg, kOb3Json, BadgeVersion::ob3);
  ASSERT_OK(baked);
  auto doc = parse(*baked);
  auto svg = doc.document_element();
  EXPECT_STREQ(svg.attribute("xmlns:openbadges").value(), "https://purl.imsglobal.org/ob/v3p0");
  auto first = svg.first_child();
  EXPECT_STREQ(first.name(), "openbadges:credential");
  EXPECT_FALSE(first.attribute("verify"));
  EXPECT_EQ(first.first_child().type(), pugi::node_cdata);
  // The credential contains "]]>": the writer must split the CDATA section, and the
  // concatenated sections must give back the JSON.
  std::string body;
  for (auto c : first.children()) body += c.value();
  EXPECT_EQ(boost::json::parse(body)
                .at("credentialSubject")
                .at("achievement")
                .at("description")
                .as_string(),
            "Échanger ]]> avec l'équipe");
  EXPECT_NE(baked->find("Équipe"), std::string::npos);  // the art is kept

  auto p = baking::unbake_svg(*baked);
  ASSERT_OK(p);
  EXPECT_EQ(p->kind, BakedKind::ob3_json);
  EXPECT_EQ(boost::json::parse(p->text), boost::json::parse(kOb3Json));
}

TEST(svg_baking, bakes_ob3_jws_in_verify_attribute_of_empty_element) {
  std::string jws = fake_jws(kOb3Json);
  auto baked = baking::bake_svg(kPlainSvg, jws, BadgeVersion::ob3);
  ASSERT_OK(baked);
  auto doc = parse(*baked);
  auto el = doc.document_element().first_child();
  EXPECT_STREQ(el.name(), "openbadges:credential");
  EXPECT_EQ(el.attribute("verify").value(), jws);
  EXPECT_FALSE(el.first_child());
  auto p = baking::unbake_svg(*baked);
  ASSERT_OK(p);
  EXPECT_EQ(p->kind, BakedKind::ob3_jws);
  EXPECT_EQ(p->text, jws);
}

TEST(svg_baking, bakes_ob2_signed_as_empty_assertion_with_verify) {
  std::string jws = fake_jws(kOb2Json);
  auto baked = baking::bake_svg(kPlainSvg, jws, BadgeVersion::ob2);
  ASSERT_OK(baked);
  auto doc = parse(*baked);
  auto svg = doc.document_element();
  EXPECT_STREQ(svg.attribute("xmlns:openbadges").value(), "http://openbadges.org");
  auto el = svg.first_child();
  EXPECT_STREQ(el.name(), "openbadges:assertion");
  EXPECT_EQ(el.attribute("verify").value(), jws);
  EXPECT_FALSE(el.first_child());
  auto p = baking::unbake_svg(*baked);
  ASSERT_OK(p);
  EXPECT_EQ(p->kind, BakedKind::ob2_jws);
}

TEST(svg_baking, bakes_ob2_hosted_with_url_and_cdata_body) {
  auto baked = baking::bake_svg(kPlainSvg, kOb2Json, BadgeVersion::ob2);
  ASSERT_OK(baked);
  auto doc = parse(*baked);
  auto el = doc.document_element().first_child();
  EXPECT_STREQ(el.name(), "openbadges:assertion");
  EXPECT_STREQ(el.attribute("verify").value(), "https://ecusson.example/ob2/assertions/42");
  EXPECT_EQ(el.first_child().type(), pugi::node_cdata);
  auto p = baking::unbake_svg(*baked);
  ASSERT_OK(p);
  EXPECT_EQ(p->kind, BakedKind::ob2_json);
  EXPECT_EQ(p->verify_url, "https://ecusson.example/ob2/assertions/42");
  EXPECT_EQ(boost::json::parse(p->text).at("type").as_string(), "Assertion");
}

TEST(svg_baking, ob2_hosted_without_url_is_refused) {
  std::string no_url = R"({"@context":"https://w3id.org/openbadges/v2","type":"Assertion",
                           "id":"urn:uuid:1","recipient":{},"badge":"x"})";
  EXPECT_ERROR(baking::bake_svg(kPlainSvg, no_url, BadgeVersion::ob2), "baking.no_assertion_url");
}

TEST(svg_baking, rebaking_replaces_the_existing_element) {
  auto first = baking::bake_svg(kPlainSvg, kOb2Json, BadgeVersion::ob2);
  ASSERT_OK(first);
  auto second = baking::bake_svg(*first, kOb3Json, BadgeVersion::ob3);
  ASSERT_OK(second);
  auto third = baking::bake_svg(*second, fake_jws(kOb3Json), BadgeVersion::ob3);
  ASSERT_OK(third);
  auto doc = parse(*third);
  EXPECT_EQ(count_elements(doc, "openbadges:credential"), 1);
  EXPECT_EQ(count_elements(doc, "openbadges:assertion"), 0);
  EXPECT_STREQ(doc.document_element().first_child().name(), "openbadges:credential");
  auto p = baking::unbake_svg(*third);
  ASSERT_OK(p);
  EXPECT_EQ(p->kind, BakedKind::ob3_jws);
}

TEST(svg_baking, rebaking_rebinds_a_foreign_openbadges_prefix_without_duplicates) {
  // Found by the property test: the root binds "openbadges" to another namespace, so the
  // old element is not a badge; once the prefix is rebound it would become a second one.
  std::string svg =
      R"(<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://example.org/other"><g><openbadges:credential verify="x"/></g></svg>)";
  auto baked = baking::bake_svg(svg, fake_jws(kOb3Json), BadgeVersion::ob3);
  ASSERT_OK(baked);
  auto doc = parse(*baked);
  EXPECT_EQ(count_elements(doc, "openbadges:credential"), 1);
  EXPECT_OK(baking::unbake_svg(*baked));
}

TEST(svg_baking, reads_element_under_another_prefix) {
  std::string svg =
      R"(<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://purl.imsglobal.org/ob/v3p0"><ob:credential verify=")" +
      fake_jws(kOb3Json) + R"("/></svg>)";
  auto p = baking::unbake_svg(svg);
  ASSERT_OK(p);
  EXPECT_EQ(p->kind, BakedKind::ob3_jws);
}

TEST(svg_baking, unbaked_svg_is_not_baked) {
  EXPECT_ERROR(baking::unbake_svg(kPlainSvg), "baking.not_baked");
}

// --- hostile input -------------------------------------------------------------------

TEST(svg_baking, refuses_doctype_with_entity_declarations) {
  std::string lol = R"(<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
<openbadges:credential verify="&lol3;"/></svg>)";
  EXPECT_ERROR(baking::unbake_svg(lol), "baking.unsafe_xml");
  EXPECT_ERROR(baking::bake_svg(lol, kOb3Json, BadgeVersion::ob3), "baking.unsafe_xml");
}

TEST(svg_baking, refuses_doctype_internal_subset_even_without_entities) {
  std::string svg =
      R"(<!DOCTYPE svg [ <!ATTLIST svg a CDATA "x"> ]><svg xmlns="http://www.w3.org/2000/svg"/>)";
  EXPECT_ERROR(baking::unbake_svg(svg), "baking.unsafe_xml");
}

TEST(svg_baking, refuses_external_entity_declaration) {
  std::string xxe =
      R"(<!DOCTYPE svg SYSTEM "x.dtd"><!ENTITY xxe SYSTEM "file:///etc/passwd"><svg/>)";
  EXPECT_ERROR(baking::unbake_svg(xxe), "baking.unsafe_xml");
}

TEST(svg_baking, entity_text_inside_the_credential_is_not_a_declaration) {
  std::string json =
      R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"name":"<!ENTITY x> and <!DOCTYPE y [>"})";
  auto baked = baking::bake_svg(kPlainSvg, json, BadgeVersion::ob3);
  ASSERT_OK(baked);
  auto p = baking::unbake_svg(*baked);
  ASSERT_OK(p);
  EXPECT_EQ(boost::json::parse(p->text), boost::json::parse(json));
}

TEST(svg_baking, refuses_utf16_svg) {
  std::string utf16("\xFF\xFE<\0s\0v\0g\0/\0>\0", 14);
  EXPECT_ERROR(baking::unbake_svg(utf16), "baking.bad_xml");
}

TEST(svg_baking, accepts_external_only_doctype) {
  std::string svg = std::string(R"(<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">)") +
                    std::string(kPlainSvg.substr(kPlainSvg.find("<svg")));
  auto baked = baking::bake_svg(svg, kOb3Json, BadgeVersion::ob3);
  ASSERT_OK(baked);
  EXPECT_OK(baking::unbake_svg(*baked));
}

TEST(svg_baking, refuses_two_credential_elements_as_ambiguous) {
  std::string jws = fake_jws(kOb3Json);
  std::string svg =
      R"(<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential verify=")" +
      jws + R"("/><g><openbadges:credential verify=")" + jws + R"("/></g></svg>)";
  EXPECT_ERROR(baking::unbake_svg(svg), "baking.ambiguous");
}

TEST(svg_baking, refuses_malformed_xml) {
  EXPECT_ERROR(baking::unbake_svg("<svg><g></svg>"), "baking.bad_xml");
}

TEST(svg_baking, refuses_xml_that_is_not_svg) {
  EXPECT_ERROR(baking::unbake_svg("<html><body/></html>"), "baking.not_svg");
}

TEST(svg_baking, refuses_svg_above_size_cap) {
  baking::BakingLimits limits;
  limits.max_image_bytes = 64;
  EXPECT_ERROR(baking::unbake_svg(kPlainSvg, limits), "baking.too_large");
}

TEST(svg_baking, refuses_garbage_in_verify) {
  std::string svg =
      R"(<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential verify="not a jws"/></svg>)";
  EXPECT_ERROR(baking::unbake_svg(svg), "baking.bad_payload");
}

}  // namespace
}  // namespace ecusson::test
