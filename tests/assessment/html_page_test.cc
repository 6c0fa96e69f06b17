#include "ecusson/assessment/html_page.h"

#include <string>

#include <pugixml.hpp>

#include "test_support.h"

namespace ecusson::assessment {
namespace {

TEST(html_page, escapes_markup_characters) {
  EXPECT_EQ(escape_xml("<b>Écoute & \"respect\" 'ok'</b>"),
            "&lt;b&gt;Écoute &amp; &quot;respect&quot; &#39;ok&#39;&lt;/b&gt;");
}

TEST(html_page, keeps_valid_utf8_and_replaces_invalid_bytes) {
  EXPECT_EQ(escape_xml("déjà « vu » 😀"), "déjà « vu » 😀");
  EXPECT_EQ(escape_xml("a\xFF" "b"), "a\xEF\xBF\xBD" "b");          // stray byte
  EXPECT_EQ(escape_xml("\xC3"), "\xEF\xBF\xBD");                      // truncated é
  EXPECT_EQ(escape_xml("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");      // overlong '/'
  EXPECT_EQ(escape_xml("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
}

TEST(html_page, drops_control_characters_xml_forbids) {
  EXPECT_EQ(escape_xml(std::string("a\x01\x1b" "b\tc\nd\x7f", 9)), "ab\tc\nd");
  EXPECT_EQ(escape_xml(std::string("x\0y", 3)), "xy");
}

TEST(html_page, output_of_escape_always_parses_as_xml_text) {
  std::string hostile = "</p><script>alert('x')</script>&amp;\xFE\x01]]>";
  std::string doc = "<p>" + escape_xml(hostile) + "</p>";
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(doc.c_str()));
  EXPECT_FALSE(x.child("p").child("script"));
}

TEST(html_page, page_is_french_self_contained_and_print_friendly) {
  std::string page = render_html_page("Rapport « Entrée/Sortie » <1>", "<p>corps</p>\n", Lang::fr);
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
  EXPECT_NE(page.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(page.find("<title>Rapport « Entrée/Sortie » &lt;1&gt;</title>"), std::string::npos);
  EXPECT_NE(page.find("@media print"), std::string::npos);
  EXPECT_NE(page.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(page.find("<body>\n<p>corps</p>\n</body>"), std::string::npos);
  // No external resource of any kind.
  for (const char* external : {"http://", "https://", "<link", "<script", "@import", "url("}) {
    EXPECT_EQ(page.find(external), std::string::npos) << external;
  }
}

TEST(html_page, english_page_says_so) {
  EXPECT_TRUE(render_html_page("Report", "", Lang::en).starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
}

}  // namespace
}  // namespace ecusson::assessment
