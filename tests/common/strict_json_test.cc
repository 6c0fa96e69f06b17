#include "ecusson/common/strict_json.h"

#include <cstdint>
#include <limits>

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

// Boost.JSON 1.81's own parser reads each of these to a neighbouring double (found by
// comparing boost::json::parse with std::from_chars); the compiler's literals are exact.
TEST(strict_json, reads_doubles_correctly_rounded) {
  auto v = parse_json_strict(
      R"([0.67673722682104124, 963169329387873.36, 984561186.27877712, 333333333.33333329,)"
      R"( 9.760355075735633, 5.4635177393569995e-12, 1.7976931348623158e308, 5e-324, 1e-400])");
  ASSERT_OK(v);
  const auto& a = v->as_array();
  EXPECT_EQ(a[0].as_double(), 0.67673722682104124);
  EXPECT_EQ(a[1].as_double(), 963169329387873.36);
  EXPECT_EQ(a[2].as_double(), 984561186.27877712);
  EXPECT_EQ(a[3].as_double(), 333333333.33333329);
  EXPECT_EQ(a[4].as_double(), 9.760355075735633);
  EXPECT_EQ(a[5].as_double(), 5.4635177393569995e-12);
  EXPECT_EQ(a[6].as_double(), 1.7976931348623157e308);  // Boost 1.81 alone: infinity
  EXPECT_EQ(a[7].as_double(), 5e-324);
  EXPECT_EQ(a[8].as_double(), 0.0);  // underflow gives 0, as in ECMAScript
}

TEST(strict_json, keeps_integers_as_integers) {
  auto v = parse_json_strict(R"([9007199254740993, -9223372036854775808, 18446744073709551615,)"
                             R"( 18446744073709551616, -0, 1.0])");
  ASSERT_OK(v);
  const auto& a = v->as_array();
  EXPECT_EQ(a[0].as_int64(), 9007199254740993);
  EXPECT_EQ(a[1].as_int64(), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(a[2].as_uint64(), std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(a[3].as_double(), 18446744073709551616.0);  // beyond uint64: a double
  EXPECT_TRUE(a[4].is_int64());
  EXPECT_EQ(a[5].as_double(), 1.0);
}

TEST(strict_json, refuses_numbers_beyond_double) {
  auto r = parse_json_strict(R"({"a":[1, 1e400]})");
  EXPECT_ERROR(r, "json.number_out_of_range");
  if (!r) {
    EXPECT_EQ(r.error().where, "1e400");
  }
  EXPECT_ERROR(parse_json_strict("-1.7976931348623159e308"), "json.number_out_of_range");
}

}  // namespace
}  // namespace ecusson
