#include "ecusson/rdf/jcs.h"

#include <cstring>

#include <boost/json.hpp>

#include "test_support.h"

namespace ecusson::rdf {
namespace {

namespace json = boost::json;

std::string num(double d) {
  std::string s;
  jcs_append_number(s, d);
  return s;
}

double from_bits(std::uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

// ECMAScript Number::toString forms (RFC 8785 §3.2.2.3), incl. Appendix B style edges.
TEST(jcs, number_serialization_follows_ecmascript) {
  EXPECT_EQ(num(0.0), "0");
  EXPECT_EQ(num(-0.0), "0");
  EXPECT_EQ(num(from_bits(0x0000000000000001)), "5e-324");
  EXPECT_EQ(num(-5e-324), "-5e-324");
  EXPECT_EQ(num(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(num(9007199254740992.0), "9007199254740992");
  EXPECT_EQ(num(295147905179352825856.0), "295147905179352830000");
  EXPECT_EQ(num(1e21), "1e+21");
  EXPECT_EQ(num(1e20), "100000000000000000000");
  EXPECT_EQ(num(1e23), "1e+23");
  EXPECT_EQ(num(0.000001), "0.000001");
  EXPECT_EQ(num(1e-7), "1e-7");
  EXPECT_EQ(num(123e-20), "1.23e-18");
  EXPECT_EQ(num(333333333.3333333), "333333333.3333333");
  EXPECT_EQ(num(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(num(-1.5), "-1.5");
  EXPECT_EQ(num(56.0), "56");
}

TEST(jcs, sorts_members_by_utf16_code_units) {
  // RFC 8785 §3.2.3 example.
  json::value v = json::parse(
      "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", \"\\ufb33\": \"Hebrew Letter "
      "Dalet With Dagesh\", \"1\": \"One\", \"\\ud83d\\ude00\": \"Emoji: Grinning Face\", "
      "\"\\u0080\": \"Control\", \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}");
  std::string out = jcs_serialize(v);
  std::vector<std::string_view> expected_order = {"Carriage Return", "One", "Control",
                                                  "Latin Small", "Euro Sign", "Emoji",
                                                  "Hebrew Letter"};
  std::size_t pos = 0;
  for (auto s : expected_order) {
    std::size_t at = out.find(s, pos);
    ASSERT_NE(at, std::string::npos) << s << " out of order in " << out;
    pos = at;
  }
}

TEST(jcs, escapes_and_literals) {
  json::value v = json::parse(R"({"b":[56.0,{"d":true,"10":null,"1":[]}],"a":"\u0001\n\"/\u2028"})");
  EXPECT_EQ(jcs_serialize(v),
            "{\"a\":\"\\u0001\\n\\\"/\xe2\x80\xa8\",\"b\":[56,{\"1\":[],\"10\":null,\"d\":true}]}");
}

}  // namespace
}  // namespace ecusson::rdf
