#include "ecusson/assessment/rational.h"

#include <gtest/gtest.h>

namespace ecusson::assessment {
namespace {

TEST(rational, reduces_and_keeps_denominator_positive) {
  Rational r(4, -6);
  EXPECT_EQ(r.num(), -2);
  EXPECT_EQ(r.den(), 3);
  EXPECT_EQ(Rational(0, 5), Rational(0));
}

TEST(rational, parses_decimals_and_fractions_exactly) {
  EXPECT_EQ(Rational::parse("0.5"), Rational(1, 2));
  EXPECT_EQ(Rational::parse("2/3"), Rational(2, 3));
  EXPECT_EQ(Rational::parse("1.25"), Rational(5, 4));
  EXPECT_EQ(Rational::parse("3"), Rational(3));
  EXPECT_EQ(Rational::parse("0.000001"), Rational(1, 1000000));
}

TEST(rational, rejects_malformed_numbers) {
  for (const char* bad : {"", "-1", "1e3", "0.1234567", "1/0", ".5", "5.", "abc", "1,5", " 1",
                          "1234567890"})
    EXPECT_FALSE(Rational::parse(bad).has_value()) << bad;
}

// Edge case 15 (ties and rounding): 2/3 is below 0.67 and equal to 2/3; no epsilon.
TEST(rational, two_thirds_compares_exactly_against_thresholds) {
  Rational two_thirds(2, 3);
  EXPECT_LT(two_thirds, *Rational::parse("0.67"));
  EXPECT_GT(two_thirds, *Rational::parse("0.666666"));
  EXPECT_EQ(two_thirds, *Rational::parse("2/3"));
  EXPECT_GE(Rational(1, 3) + Rational(1, 3), two_thirds);
}

TEST(rational, arithmetic_is_exact) {
  EXPECT_EQ(Rational(1, 3) + Rational(1, 6), Rational(1, 2));
  EXPECT_EQ(Rational(1, 2) - Rational(3, 4), Rational(-1, 4));
  EXPECT_EQ(Rational(2, 3) * Rational(3, 4), Rational(1, 2));
  EXPECT_EQ(Rational(1, 2) / Rational(1, 4), Rational(2));
  EXPECT_EQ(Rational(1) / Rational(0), Rational(0));
}

TEST(rational, formats_exact_and_rounded_forms) {
  EXPECT_EQ(Rational(2, 3).to_string(), "2/3");
  EXPECT_EQ(Rational(3).to_string(), "3");
  EXPECT_EQ(Rational(2, 3).to_decimal(2), "0.67");
  EXPECT_EQ(Rational(1, 8).to_decimal(2), "0.13");  // half-up: 0.125 -> 0.13
  EXPECT_EQ(Rational(5, 6).to_decimal_fr(2), "0,83");
  EXPECT_EQ(Rational(1).to_decimal(0), "1");
  EXPECT_EQ(Rational(-1, 4).to_decimal(2), "-0.25");
}

}  // namespace
}  // namespace ecusson::assessment
