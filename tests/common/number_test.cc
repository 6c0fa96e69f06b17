#include "ecusson/common/number.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>

#include "test_support.h"

namespace ecusson {
namespace {

// Each row: JSON text, String(Number(text)) and Number(text).toExponential(15) as printed by
// Node 20 (V8), the reference for JSON-LD (jsonld.js) and JCS.
struct Row {
  const char* text;
  const char* to_string;
  const char* exponential15;
};

constexpr Row kEcmaScript[] = {
    // Shortest form ends in a rounding tie at 15 fraction digits: ...062|5 rounds up.
    {"1.0000152587890625", "1.0000152587890625", "1.000015258789063e+0"},
    {"1.5000152587890625", "1.5000152587890625", "1.500015258789063e+0"},
    {"0.1", "0.1", "1.000000000000000e-1"},
    {"0.30000000000000004", "0.30000000000000004", "3.000000000000000e-1"},
    {"1e21", "1e+21", "1.000000000000000e+21"},
    {"1e20", "100000000000000000000", "1.000000000000000e+20"},
    {"123456789012345680000", "123456789012345680000", "1.234567890123457e+20"},
    {"295147905179352830000", "295147905179352830000", "2.951479051793528e+20"},
    {"1e-7", "1e-7", "1.000000000000000e-7"},
    {"1e-6", "0.000001", "1.000000000000000e-6"},
    {"0.000001", "0.000001", "1.000000000000000e-6"},
    {"1.2e-6", "0.0000012", "1.200000000000000e-6"},
    {"2.5e-7", "2.5e-7", "2.500000000000000e-7"},
    {"-5e-7", "-5e-7", "-5.000000000000000e-7"},
    {"-1.5e-9", "-1.5e-9", "-1.500000000000000e-9"},
    {"123e-20", "1.23e-18", "1.230000000000000e-18"},
    {"5e-324", "5e-324", "4.940656458412465e-324"},
    {"4.9406564584124654e-324", "5e-324", "4.940656458412465e-324"},
    {"1e-310", "1e-310", "9.999999999999969e-311"},
    {"2.2250738585072014e-308", "2.2250738585072014e-308", "2.225073858507201e-308"},
    {"1.7976931348623157e308", "1.7976931348623157e+308", "1.797693134862316e+308"},
    {"1.7976931348623158e308", "1.7976931348623157e+308", "1.797693134862316e+308"},
    {"-0.0", "0", "0.000000000000000e+0"},
    {"-1e-400", "0", "0.000000000000000e+0"},
    {"4.35", "4.35", "4.350000000000000e+0"},
    {"4.50", "4.5", "4.500000000000000e+0"},
    {"2e-3", "0.002", "2.000000000000000e-3"},
    {"0.000000000000000000000000001", "1e-27", "1.000000000000000e-27"},
    {"1E30", "1e+30", "1.000000000000000e+30"},
    {"1e+300", "1e+300", "1.000000000000000e+300"},
    {"100", "100", "1.000000000000000e+2"},
    {"0.5", "0.5", "5.000000000000000e-1"},
    // 2^53 + 1 and 2^53 + 3 are ties between doubles: to the even neighbour.
    {"9007199254740993", "9007199254740992", "9.007199254740992e+15"},
    {"9007199254740995", "9007199254740996", "9.007199254740996e+15"},
    // The W3C toRdf test tjs12.
    {"333333333.33333329", "333333333.3333333", "3.333333333333333e+8"},
    // Texts Boost.JSON 1.81 reads to a neighbouring double (found by comparing
    // boost::json::parse with std::from_chars over random 17-digit texts).
    {"0.67673722682104124", "0.6767372268210412", "6.767372268210412e-1"},
    {"963169329387873.36", "963169329387873.4", "9.631693293878734e+14"},
    {"984561186.27877712", "984561186.2787771", "9.845611862787771e+8"},
    // Shortest forms (what JSON.stringify writes) that Boost.JSON 1.81 also misreads.
    {"9.760355075735633", "9.760355075735633", "9.760355075735633e+0"},
    {"5.4635177393569995e-12", "5.4635177393569995e-12", "5.463517739357000e-12"},
};

TEST(number, parse_and_format_as_ecmascript) {
  for (const Row& row : kEcmaScript) {
    SCOPED_TRACE(row.text);
    auto d = parse_number(row.text);
    ASSERT_TRUE(d) << d.error().to_string();
    EXPECT_EQ(format_number(*d), row.to_string);
    EXPECT_EQ(format_exponential(*d, 15), row.exponential15);
  }
}

// The compiler reads these literals correctly rounded: parse_number must agree bit for bit.
TEST(number, parse_is_correctly_rounded) {
  EXPECT_EQ(*parse_number("0.67673722682104124"), 0.67673722682104124);
  EXPECT_EQ(*parse_number("963169329387873.36"), 963169329387873.36);
  EXPECT_EQ(*parse_number("984561186.27877712"), 984561186.27877712);
  EXPECT_EQ(*parse_number("0.78499772966567197"), 0.78499772966567197);
  EXPECT_EQ(*parse_number("5.0588130279254761e91"), 5.0588130279254761e91);
  EXPECT_EQ(*parse_number("4.3598442929131645e-98"), 4.3598442929131645e-98);
  EXPECT_EQ(*parse_number("333333333.33333329"), 333333333.33333329);
  EXPECT_EQ(*parse_number("9.760355075735633"), 9.760355075735633);
  EXPECT_EQ(*parse_number("1.7976931348623158e308"), std::numeric_limits<double>::max());
  EXPECT_EQ(*parse_number("9007199254740993"), 9007199254740992.0);
  EXPECT_EQ(*parse_number("2.4703282292062328e-324"), 5e-324);  // just above half: rounds up
  EXPECT_EQ(*parse_number("2.4703282292062327e-324"), 0.0);     // just below half: to 0
  EXPECT_EQ(*parse_number("1e-310"), 1e-310);                   // subnormal
  EXPECT_TRUE(std::signbit(*parse_number("-0")));
  EXPECT_TRUE(std::signbit(*parse_number("-1e-400")));
  EXPECT_EQ(*parse_number("0e999999999999999999999"), 0.0);
  EXPECT_EQ(*parse_number("0.000000000000000000000000000000000000001e30"), 1e-9);
}

TEST(number, parse_refuses_overflow) {
  EXPECT_ERROR(parse_number("1e400"), "number.out_of_range");
  EXPECT_ERROR(parse_number("-1e400"), "number.out_of_range");
  EXPECT_ERROR(parse_number("1.7976931348623159e308"), "number.out_of_range");
  EXPECT_ERROR(parse_number("1e99999999999999999999999"), "number.out_of_range");
  EXPECT_ERROR(parse_number("1000e306"), "number.out_of_range");
  EXPECT_ERROR(parse_number("0.01e311"), "number.out_of_range");
  EXPECT_EQ(*parse_number("0.001e311"), 1e308);
}

TEST(number, parse_refuses_what_json_does_not_allow) {
  for (const char* s : {"", "-", "+1", "1.", ".5", "01", "-01", "1e", "1e+", "0x10", "inf",
                        "-Infinity", "NaN", "nan", " 1", "1 ", "1.5.2", "1e5e5", "１"}) {
    SCOPED_TRACE(s);
    EXPECT_ERROR(parse_number(s), "number.syntax");
  }
}

TEST(number, format_non_finite_as_ecmascript) {
  EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(format_number(-std::numeric_limits<double>::infinity()), "-Infinity");
  EXPECT_EQ(format_exponential(-std::numeric_limits<double>::infinity(), 3), "-Infinity");
}

TEST(number, format_exponential_rounds_ties_up) {
  // (x).toExponential(f) in Node 20.
  EXPECT_EQ(format_exponential(2.5, 0), "3e+0");
  EXPECT_EQ(format_exponential(-2.5, 0), "-3e+0");
  EXPECT_EQ(format_exponential(1.5, 0), "2e+0");
  EXPECT_EQ(format_exponential(9.5, 0), "1e+1");
  EXPECT_EQ(format_exponential(1.25, 1), "1.3e+0");
  EXPECT_EQ(format_exponential(0.125, 1), "1.3e-1");
  EXPECT_EQ(format_exponential(0.125, 2), "1.25e-1");
  EXPECT_EQ(format_exponential(123.456, 20), "1.23456000000000003070e+2");
  EXPECT_EQ(format_exponential(5e-324, 20), "4.94065645841246544177e-324");
  EXPECT_EQ(format_exponential(1.7976931348623157e308, 0), "2e+308");
  EXPECT_EQ(format_exponential(-0.0, 2), "0.00e+0");
}

TEST(number, append_number_appends) {
  std::string s = "[";
  append_number(s, 1e-7);
  EXPECT_EQ(s, "[1e-7");
}

// printf's exact expansion of x (glibc prints every digit of a double's binary value):
// "%.15e" unless the dropped part is exactly one half, then the 16 digits rounded up.
std::string reference_exponential15(double x, bool& tie) {
  char exact[900];
  std::snprintf(exact, sizeof exact, "%.799e", x);
  std::string s(exact);
  std::size_t epos = s.find('e');
  std::string mantissa = s.substr(0, epos);  // [-]d.ddd…
  std::size_t first = mantissa.find('.') + 1;
  std::string dropped = mantissa.substr(first + 15);
  tie = dropped[0] == '5' && dropped.find_first_not_of('0', 1) == std::string::npos;
  char rounded[64];
  std::snprintf(rounded, sizeof rounded, "%.15e", x);
  std::string out(rounded);
  if (tie) {
    // Round the 16 digits of the exact expansion up (no carry out of the leading digit
    // happens for the values this test draws; checked below).
    std::string up = mantissa.substr(0, first + 15);
    std::size_t i = up.size();
    while (up[i - 1] == '9' || up[i - 1] == '.') {
      if (up[i - 1] == '9') up[i - 1] = '0';
      --i;
    }
    EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(up[i - 1])));
    ++up[i - 1];
    out = up + s.substr(epos);
  }
  // printf writes at least two exponent digits: e+05 → e+5.
  std::size_t e = out.find('e');
  std::string exp = out.substr(e + 2);
  exp.erase(0, std::min(exp.find_first_not_of('0'), exp.size() - 1));
  return out.substr(0, e + 2) + exp;
}

// Properties over random doubles: the shortest form reads back to the same double, and
// toExponential(15) matches the reference built on printf's exact expansion.
TEST(number, round_trips_random_doubles) {
  std::mt19937_64 rng(20240509);
  int ties = 0;
  for (int i = 0; i < 60000; ++i) {
    std::uint64_t bits = rng();
    // Half of the draws: few fraction bits (values like 852113669755236.25), where ties live.
    if (i % 2) bits &= ~std::uint64_t{0x3FFFFF};
    double x;
    std::memcpy(&x, &bits, sizeof x);
    if (!std::isfinite(x) || x == 0) continue;
    std::string s = format_number(x);
    auto back = parse_number(s);
    ASSERT_TRUE(back) << s;
    ASSERT_EQ(*back, x) << s;
    bool tie = false;
    std::string ref = reference_exponential15(x, tie);
    ties += tie;
    ASSERT_EQ(format_exponential(x, 15), ref) << s;
  }
  EXPECT_GT(ties, 0);  // the draws did reach the tie-breaking path
}

}  // namespace
}  // namespace ecusson
