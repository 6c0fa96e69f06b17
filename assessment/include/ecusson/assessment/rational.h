// Rational: an exact fraction for shares, weights and thresholds.
//
// Scoring decisions compare shares such as "met weight / observed weight >= 2/3". With
// floating point, 2/3 against a threshold of 0.67 or 0.666… depends on rounding; with
// rationals the comparison is exact and the side a tie falls on is decided by the policy,
// not by the FPU (rectec.md §4.5 case 15). Numerator and denominator are 64-bit, kept
// reduced with a positive denominator; products are computed in 128 bits. The grid and
// policy parsers bound the inputs (at most 6 decimals, values below 10^9) so that sums over
// thousands of indicators stay exact. Plain value type; thread-compatible.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ecusson::assessment {

class Rational {
 public:
  /// Zero.
  constexpr Rational() = default;
  /// The integer `n`.
  constexpr Rational(std::int64_t n) : num_(n), den_(1) {}  // NOLINT: implicit on purpose
  /// n/d, reduced. Requires d != 0 (a zero denominator gives 0, never a crash).
  Rational(std::int64_t n, std::int64_t d);

  std::int64_t num() const { return num_; }
  std::int64_t den() const { return den_; }
  bool is_zero() const { return num_ == 0; }

  /// Parses "2", "0.67", "1.5", "2/3" (no sign, no exponent, at most 6 decimals, at most
  /// 9 integer digits). Returns nullopt for anything else.
  /// Example: Rational::parse("0.5") == Rational(1, 2)
  static std::optional<Rational> parse(std::string_view text);

  /// Exact form: "2/3", "1", "0". Canonical (used in digests).
  std::string to_string() const;
  /// Decimal rounded half-up to `digits` places, with '.' ("0.67"). Display only.
  std::string to_decimal(int digits = 2) const;
  /// Same as to_decimal with ',' as the separator (French CSV, rectec.md §4.5 case 23).
  std::string to_decimal_fr(int digits = 2) const;

  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  /// Division by zero gives 0 (callers check the denominator first where it matters).
  friend Rational operator/(const Rational& a, const Rational& b);
  Rational& operator+=(const Rational& o) { return *this = *this + o; }

  friend bool operator==(const Rational& a, const Rational& b) = default;
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);

 private:
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

}  // namespace ecusson::assessment
