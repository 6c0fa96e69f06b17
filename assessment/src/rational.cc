#include "ecusson/assessment/rational.h"

#include <cstdlib>
#include <limits>
#include <numeric>

namespace ecusson::assessment {
namespace {

using i128 = __int128;

i128 abs128(i128 v) { return v < 0 ? -v : v; }

i128 gcd128(i128 a, i128 b) {
  a = abs128(a);
  b = abs128(b);
  while (b != 0) {
    i128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

constexpr i128 kMax = std::numeric_limits<std::int64_t>::max();

// Builds a reduced rational from 128-bit parts. Values that still do not fit in 64 bits
// (not reachable with the parser's bounds, see rational.h) are rounded towards zero on a
// 10^12 denominator rather than wrapping: a wrong sign would be far worse than a tiny error.
Rational make(i128 n, i128 d) {
  if (d == 0) return Rational();
  if (d < 0) {
    n = -n;
    d = -d;
  }
  i128 g = gcd128(n, d);
  if (g > 1) {
    n /= g;
    d /= g;
  }
  if (abs128(n) > kMax || d > kMax) {
    constexpr i128 kDen = 1'000'000'000'000;
    i128 q = n / d;  // integer part
    i128 r = n % d;
    // The fraction in two 10^6 steps keeps every product within 128 bits.
    i128 f1 = (abs128(r) * 1'000'000) / d;
    i128 r1 = (abs128(r) * 1'000'000) % d;
    i128 f2 = (r1 * 1'000'000) / d;
    i128 f = f1 * 1'000'000 + f2;
    if (r < 0) f = -f;
    i128 nn = q * kDen + f;
    if (nn > kMax) nn = kMax;
    if (nn < -kMax) nn = -kMax;
    return make(nn, kDen);
  }
  return Rational(static_cast<std::int64_t>(n), static_cast<std::int64_t>(d));
}

}  // namespace

Rational::Rational(std::int64_t n, std::int64_t d) {
  if (d == 0) return;
  if (d < 0) {
    // -INT64_MIN overflows; such values never come from the parser.
    n = -n;
    d = -d;
  }
  std::int64_t g = std::gcd(n, d);
  if (g > 1) {
    n /= g;
    d /= g;
  }
  num_ = n;
  den_ = d;
}

std::optional<Rational> Rational::parse(std::string_view text) {
  if (text.empty()) return std::nullopt;
  auto digits = [](std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return true;
  };
  auto to_int = [](std::string_view s) {
    std::int64_t v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
  };
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    std::string_view a = text.substr(0, slash), b = text.substr(slash + 1);
    if (!digits(a) || !digits(b) || a.size() > 9 || b.size() > 9) return std::nullopt;
    std::int64_t d = to_int(b);
    if (d == 0) return std::nullopt;
    return Rational(to_int(a), d);
  }
  std::string_view ip = text, fp;
  if (auto dot = text.find('.'); dot != std::string_view::npos) {
    ip = text.substr(0, dot);
    fp = text.substr(dot + 1);
    if (!digits(fp) || fp.size() > 6) return std::nullopt;
  }
  if (!digits(ip) || ip.size() > 9) return std::nullopt;
  std::int64_t den = 1;
  for (std::size_t i = 0; i < fp.size(); ++i) den *= 10;
  std::int64_t num = to_int(ip) * den + (fp.empty() ? 0 : to_int(fp));
  return Rational(num, den);
}

std::string Rational::to_string() const {
  std::string s = std::to_string(num_);
  if (den_ != 1) {
    s += '/';
    s += std::to_string(den_);
  }
  return s;
}

std::string Rational::to_decimal(int digits) const {
  if (digits < 0) digits = 0;
  if (digits > 12) digits = 12;
  i128 scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  bool neg = num_ < 0;
  i128 n = abs128(num_);
  i128 scaled = (n * scale * 2 + den_) / (2 * static_cast<i128>(den_));  // half-up
  i128 ip = scaled / scale, fp = scaled % scale;
  std::string out = neg && scaled != 0 ? "-" : "";
  out += std::to_string(static_cast<std::int64_t>(ip));
  if (digits > 0) {
    std::string f = std::to_string(static_cast<std::int64_t>(fp));
    out += '.';
    out += std::string(static_cast<std::size_t>(digits) - f.size(), '0');
    out += f;
  }
  return out;
}

std::string Rational::to_decimal_fr(int digits) const {
  std::string s = to_decimal(digits);
  for (char& c : s)
    if (c == '.') c = ',';
  return s;
}

Rational operator+(const Rational& a, const Rational& b) {
  return make(static_cast<i128>(a.num_) * b.den_ + static_cast<i128>(b.num_) * a.den_,
              static_cast<i128>(a.den_) * b.den_);
}
Rational operator-(const Rational& a, const Rational& b) {
  return make(static_cast<i128>(a.num_) * b.den_ - static_cast<i128>(b.num_) * a.den_,
              static_cast<i128>(a.den_) * b.den_);
}
Rational operator*(const Rational& a, const Rational& b) {
  return make(static_cast<i128>(a.num_) * b.num_, static_cast<i128>(a.den_) * b.den_);
}
Rational operator/(const Rational& a, const Rational& b) {
  if (b.num_ == 0) return Rational();
  return make(static_cast<i128>(a.num_) * b.den_, static_cast<i128>(a.den_) * b.num_);
}

std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
  i128 l = static_cast<i128>(a.num_) * b.den_;
  i128 r = static_cast<i128>(b.num_) * a.den_;
  if (l < r) return std::strong_ordering::less;
  if (l > r) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

}  // namespace ecusson::assessment
