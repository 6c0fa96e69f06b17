#include "ecusson/common/json_write.h"

#include <boost/json.hpp>

#include "test_support.h"

namespace ecusson {
namespace {

TEST(json_write, escapes_as_ecmascript_json_stringify) {
  std::string s;
  append_json_string(s, "a\"\\\b\f\n\r\t\x01\x1f\xc3\xa9/");
  EXPECT_EQ(s, R"("a\"\\\b\f\n\r\t\u0001\u001f)" "\xc3\xa9" R"(/")");
  std::string empty;
  append_json_string(empty, "");
  EXPECT_EQ(empty, R"("")");
}

TEST(json_write, omits_empty_values_and_strings) {
  boost::json::object o;
  put_if_set(o, "name", "");
  put_if_set(o, "url", "https://x.org");
  EXPECT_FALSE(o.contains("name"));
  EXPECT_EQ(o.at("url"), "https://x.org");
  EXPECT_EQ(string_array({"a", "", "b"}), (boost::json::array{"a", "b"}));
  EXPECT_TRUE(string_array({}).empty());
}

}  // namespace
}  // namespace ecusson
