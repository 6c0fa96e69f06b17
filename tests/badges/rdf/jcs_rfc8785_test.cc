// RFC 8785 (JCS): the RFC's examples and ECMAScript number formatting.
#include "ecusson/rdf/jcs.h"

#include <bit>
#include <cstdint>
#include <cstring>

#include <boost/json.hpp>

#include "ecusson/common/strict_json.h"
#include "test_support.h"

namespace ecusson::rdf {
namespace {

namespace json = boost::json;

std::string jcs(std::string_view text) { return jcs_serialize(json::parse(text)); }

double from_hex(std::string_view hex) {
  std::uint64_t bits = 0;
  for (char c : hex) bits = (bits << 4) | static_cast<std::uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  return std::bit_cast<double>(bits);
}

std::string number(double d) { return jcs_serialize(json::value(d)); }

// RFC 8785 §3.2.2 / §3.2.4 example (the "values" sample), read from the RFC's text by the
// strict parser: Boost.JSON 1.81 alone reads 333333333.33333329 as ...325 (printed
// 333333333.3333332), the strict parser reads it correctly rounded.
TEST(jcs_rfc8785, rfc8785_primitive_values_example) {
  auto v = parse_json_strict(R"({
    "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
    "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "literals": [null, true, false]
  })");
  ASSERT_OK(v);
  EXPECT_EQ(jcs_serialize(*v),
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            "\"string\":\"\xE2\x82\xAC$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  // The same number set from its IEEE-754 bits.
  EXPECT_EQ(number(from_hex("41b3de4355555555")), "333333333.3333333");
}

// Numbers read from text and written back as JSON.stringify does in Node 20.
TEST(jcs_rfc8785, numbers_read_from_text_print_as_ecmascript) {
  auto v = parse_json_strict(
      "[1.0000152587890625, 0.67673722682104124, 963169329387873.36, 9.760355075735633,"
      " 5.4635177393569995e-12, 1e21, 1e20, 123456789012345680000, 1e-7, 1e-6, 5e-324,"
      " 1.7976931348623157e308, -0.0, 4.35, 0.000001, 0.30000000000000004]");
  ASSERT_OK(v);
  EXPECT_EQ(jcs_serialize(*v),
            "[1.0000152587890625,0.6767372268210412,963169329387873.4,9.760355075735633,"
            "5.4635177393569995e-12,1e+21,100000000000000000000,123456789012345680000,1e-7,"
            "0.000001,5e-324,1.7976931348623157e+308,0,4.35,0.000001,0.30000000000000004]");
}

// RFC 8785 §3.2.3 sorting example: UTF-16 code units, not code points (U+1F602 sorts
// before U+FB33 because its high surrogate is 0xD83D).
TEST(jcs_rfc8785, rfc8785_sorting_example) {
  EXPECT_EQ(jcs(R"({
    "\u20ac": "Euro Sign",
    "\r": "Carriage Return",
    "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "1": "One",
    "\ud83d\ude00": "Emoji: Grinning Face",
    "\u0080": "Control\u007f",
    "\u00f6": "Latin Small Letter O With Diaeresis"
  })"),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\xC2\x80\":\"Control\x7F\","
            "\"\xC3\xB6\":\"Latin Small Letter O With Diaeresis\",\"\xE2\x82\xAC\":\"Euro Sign\","
            "\"\xF0\x9F\x98\x80\":\"Emoji: Grinning Face\","
            "\"\xEF\xAC\xB3\":\"Hebrew Letter Dalet With Dagesh\"}");
}

TEST(jcs_rfc8785, nested_structures_are_sorted_recursively_arrays_keep_order) {
  EXPECT_EQ(jcs(R"({"1": {"f": {"f": "hi","F": 5} ,"\n": 56.0}, "10": { }, "": "empty",
                   "a": { }, "111": [ {"b":1,"a":[3,1,2]} ], "A": { }})"),
            R"({"":"empty","1":{"\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{"a":[3,1,2],"b":1}],"A":{},"a":{}})");
}

TEST(jcs_rfc8785, escapes_controls_with_lowercase_hex_and_leaves_others_raw) {
  EXPECT_EQ(jcs("\"\\u0001\\u001f\\u007f\\u2028/\\b\\f\\t\""),
            "\"\\u0001\\u001f\x7F\xE2\x80\xA8/\\b\\f\\t\"");
}

TEST(jcs_rfc8785, literals_and_empty_containers) {
  EXPECT_EQ(jcs("[null,true,false,{},[],\"\"]"), "[null,true,false,{},[],\"\"]");
}

// RFC 8785 Appendix B: IEEE-754 bit patterns and their expected serialization.
TEST(jcs_rfc8785, rfc8785_appendix_b_numbers) {
  const std::pair<const char*, const char*> cases[] = {
      {"0000000000000000", "0"},
      {"8000000000000000", "0"},
      {"0000000000000001", "5e-324"},
      {"8000000000000001", "-5e-324"},
      {"7fefffffffffffff", "1.7976931348623157e+308"},
      {"ffefffffffffffff", "-1.7976931348623157e+308"},
      {"4340000000000000", "9007199254740992"},
      {"c340000000000000", "-9007199254740992"},
      {"4430000000000000", "295147905179352830000"},
      {"44b52d02c7e14af5", "9.999999999999997e+22"},
      {"44b52d02c7e14af6", "1e+23"},
      {"44b52d02c7e14af7", "1.0000000000000001e+23"},
      {"444b1ae4d6e2ef4e", "999999999999999700000"},
      {"444b1ae4d6e2ef4f", "999999999999999900000"},
      {"444b1ae4d6e2ef50", "1e+21"},
      {"3eb0c6f7a0b5ed8c", "9.999999999999997e-7"},
      {"3eb0c6f7a0b5ed8d", "0.000001"},
      {"41b3de4355555553", "333333333.3333332"},
      {"41b3de4355555554", "333333333.33333325"},
      {"41b3de4355555555", "333333333.3333333"},
      {"41b3de4355555556", "333333333.3333334"},
      {"41b3de4355555557", "333333333.33333343"},
      {"becbf647612f3696", "-0.0000033333333333333333"},
      {"43143ff3c1cb0959", "1424953923781206.2"},
  };
  for (const auto& [hex, expected] : cases) EXPECT_EQ(number(from_hex(hex)), expected) << hex;
}

// 2,000+ values formatted by V8 (tests/data/jcs/es6-numbers.csv, generated by the .mjs
// script beside it): random bit patterns, decimal-looking values and notation boundaries.
TEST(jcs_rfc8785, matches_ecmascript_on_generated_numbers) {
  std::istringstream in(test::read_file(test::data_dir() / "jcs" / "es6-numbers.csv"));
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto comma = line.find(',');
    ASSERT_NE(comma, std::string::npos);
    const std::string hex = line.substr(0, comma);
    EXPECT_EQ(number(from_hex(hex)), line.substr(comma + 1)) << hex;
    ++checked;
  }
  EXPECT_GT(checked, 2000);
}

TEST(jcs_rfc8785, integers_keep_exact_form_up_to_2_pow_53) {
  EXPECT_EQ(jcs("[0,-1,9007199254740992,-9007199254740992]"), "[0,-1,9007199254740992,-9007199254740992]");
}

TEST(jcs_rfc8785, integers_beyond_2_pow_53_are_rounded_as_ecmascript_does) {
  EXPECT_EQ(jcs("[9007199254740993, 18446744073709551615, -9223372036854775808]"),
            "[9007199254740992,18446744073709552000,-9223372036854776000]");
}

}  // namespace
}  // namespace ecusson::rdf
