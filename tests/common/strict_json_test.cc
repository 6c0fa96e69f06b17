#include "ecusson/common/strict_json.h"

#include <boost/json.hpp>

#include "test_support.h"

namespace ecusson {
namespace {

namespace json = boost::json;

TEST(strict_json, parses_ordinary_documents) {
  auto v = parse_json_strict(R"( {"a":[1,2,{"b":"c"}],"d":null,"e":1.5,"f":true} )");
  ASSERT_OK(v);
  EXPECT_EQ(v->at("a").as_array()[2].at("b"), json::value("c"));
}

TEST(strict_json, refuses_duplicate_keys_at_top_level) {
  EXPECT_ERROR(parse_json_strict(R"({"a":1,"a":2})"), "json.duplicate_key");
}

TEST(strict_json, refuses_duplicate_keys_when_nested) {
  auto r = parse_json_strict(R"({"x":{"y":[{"id":"1","id":"2"}]}})");
  EXPECT_ERROR(r, "json.duplicate_key");
  EXPECT_EQ(r.error().where, "id");
}

TEST(strict_json, same_key_in_sibling_objects_is_fine) {
  EXPECT_OK(parse_json_strict(R"([{"id":1},{"id":2},{"a":{"id":3},"id":4}])"));
}

TEST(strict_json, duplicate_keys_with_escapes_are_detected) {
  // "\u0061" is "a": the same key written two ways.
  EXPECT_ERROR(parse_json_strict(R"({"a":1,"\u0061":2})"), "json.duplicate_key");
}

TEST(strict_json, refuses_deep_nesting) {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  EXPECT_ERROR(parse_json_strict(deep), "json.too_deep");
  std::string deep_obj;
  for (int i = 0; i < 100000; ++i) deep_obj += R"({"a":)";
  deep_obj += "1";
  deep_obj += std::string(100000, '}');
  EXPECT_ERROR(parse_json_strict(deep_obj), "json.too_deep");
}

TEST(strict_json, refuses_oversized_input) {
  JsonLimits small;
  small.max_bytes = 1000;
  EXPECT_ERROR(parse_json_strict(std::string(1001, ' '), small), "json.too_large");
}

TEST(strict_json, accepts_a_one_megabyte_string) {
  std::string big = "\"" + std::string(1 << 20, 'a') + "\"";
  auto v = parse_json_strict(big);
  ASSERT_OK(v);
  EXPECT_EQ(v->as_string().size(), std::size_t{1} << 20);
}

TEST(strict_json, refuses_trailing_data_comments_and_commas) {
  EXPECT_ERROR(parse_json_strict(R"({"a":1} {"b":2})"), "json.syntax");
  EXPECT_ERROR(parse_json_strict(R"({"a":1 /* c */})"), "json.syntax");
  EXPECT_ERROR(parse_json_strict(R"([1,2,])"), "json.syntax");
  EXPECT_ERROR(parse_json_strict(""), "json.syntax");
}

TEST(strict_json, refuses_invalid_utf8) {
  EXPECT_ERROR(parse_json_strict("\"\xff\xfe\""), "json.syntax");
}

}  // namespace
}  // namespace ecusson
