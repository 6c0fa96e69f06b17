#include "ecusson/common/number.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <system_error>

namespace ecusson {
namespace {

// Digits d1 d2 ... dk (no point) and exponent e of a scientific-form string
// "d1.d2...dke±NN" from std::to_chars: value = d1.d2...dk × 10^e.
struct Scientific {
  std::string digits;
  int exp10 = 0;
};

Scientific split_scientific(std::string_view sci) {
  Scientific s;
  std::size_t epos = sci.find('e');
  s.digits.reserve(epos);
  for (char c : sci.substr(0, epos)) {
    if (c != '.') s.digits.push_back(c);
  }
  const char* first = sci.data() + epos + 1;
  if (*first == '+') ++first;
  std::from_chars(first, sci.data() + sci.size(), s.exp10);
  return s;
}

void append_exponent(std::string& out, int e) {
  out.push_back('e');
  out.push_back(e < 0 ? '-' : '+');
  char buf[8];
  auto r = std::to_chars(buf, buf + sizeof buf, e < 0 ? -e : e);
  out.append(buf, r.ptr);
}

// Scientific digits of positive finite x rounded to `precision` digits after the point.
Scientific scientific(double x, int precision) {
  char buf[128];
  auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific, precision);
  return split_scientific(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
}

// True when the exact binary value of positive finite x lies exactly halfway between two
// numbers with `precision` digits after the point (scientific form).
bool is_tie(double x, int precision) {
  // Cheap filter: a tie needs a '5' as the next digit once rounded to one more digit.
  if (scientific(x, precision + 1).digits.back() != '5') return false;
  // A double has at most 767 significant decimal digits: 800 gives its exact expansion.
  static constexpr int kExact = 800;
  char buf[kExact + 16];
  auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific, kExact);
  Scientific s = split_scientific(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
  const auto next = static_cast<std::size_t>(precision) + 1;  // index of the first dropped digit
  return s.digits[next] == '5' &&
         std::all_of(s.digits.begin() + static_cast<std::ptrdiff_t>(next) + 1, s.digits.end(),
                     [](char c) { return c == '0'; });
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// RFC 8259 §6 number grammar, the whole text.
bool is_json_number(std::string_view s) {
  std::size_t i = 0, n = s.size();
  if (i < n && s[i] == '-') ++i;
  if (i == n) return false;
  if (s[i] == '0') {
    ++i;
  } else if (is_digit(s[i])) {
    while (i < n && is_digit(s[i])) ++i;
  } else {
    return false;
  }
  if (i < n && s[i] == '.') {
    ++i;
    if (i == n || !is_digit(s[i])) return false;
    while (i < n && is_digit(s[i])) ++i;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    if (i == n || !is_digit(s[i])) return false;
    while (i < n && is_digit(s[i])) ++i;
  }
  return i == n;
}

// For a JSON number that std::from_chars found out of range: true when its magnitude is
// at least 1 (overflow), false when below 1 (underflow). Decimal exponent of the leading
// non-zero digit = (integer digits before it) - 1 + written exponent; saturating.
bool magnitude_at_least_one(std::string_view s) {
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  std::size_t epos = s.find_first_of("eE");
  std::string_view mant = s.substr(0, epos);
  std::int64_t exp = 0;
  if (epos != std::string_view::npos) {
    std::string_view e = s.substr(epos + 1);
    bool neg = !e.empty() && e[0] == '-';
    if (!e.empty() && (e[0] == '-' || e[0] == '+')) e.remove_prefix(1);
    for (char c : e) {
      exp = std::min<std::int64_t>(exp * 10 + (c - '0'), std::int64_t{1} << 40);
    }
    if (neg) exp = -exp;
  }
  std::size_t dot = mant.find('.');
  std::int64_t int_len = static_cast<std::int64_t>(dot == std::string_view::npos ? mant.size() : dot);
  std::int64_t pos = 0;  // index of the leading non-zero digit among all mantissa digits
  for (char c : mant) {
    if (c == '.') continue;
    if (c != '0') break;
    ++pos;
  }
  return int_len - 1 - pos + exp >= 0;
}

}  // namespace

void append_number(std::string& out, double x) {
  if (std::isnan(x)) {
    out += "NaN";
    return;
  }
  if (x == 0) {  // 0 and -0
    out.push_back('0');
    return;
  }
  if (x < 0) {
    out.push_back('-');
    x = -x;
  }
  if (std::isinf(x)) {
    out += "Infinity";
    return;
  }
  // Shortest digits that round-trip (std::to_chars without precision): the k digits and n
  // of ECMA-262 §6.1.6.1.20 step 5, value = 0.d1...dk × 10^n.
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  Scientific sci = split_scientific(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
  const std::string& digits = sci.digits;
  const int k = static_cast<int>(digits.size());
  const int n = sci.exp10 + 1;
  if (k <= n && n <= 21) {  // step 6: an integer, written in full
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {  // step 7
    out.append(digits, 0, static_cast<std::size_t>(n));
    out.push_back('.');
    out.append(digits, static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {  // step 8
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {  // steps 9-10: exponential
    out.push_back(digits[0]);
    if (k > 1) {
      out.push_back('.');
      out.append(digits, 1);
    }
    append_exponent(out, n - 1);
  }
}

std::string format_number(double x) {
  std::string out;
  append_number(out, x);
  return out;
}

std::string format_exponential(double x, int fraction_digits) {
  if (!std::isfinite(x)) return format_number(x);
  const int f = std::clamp(fraction_digits, 0, 100);
  std::string out;
  if (x < 0) {  // -0 is not < 0: toExponential(-0) has no sign
    out.push_back('-');
    x = -x;
  }
  Scientific s;
  if (x == 0) {
    s.digits.assign(static_cast<std::size_t>(f) + 1, '0');
  } else if (is_tie(x, f)) {
    // Ties go up (ECMA-262: "If there are two such sets of e and n, pick the e and n for
    // which n × 10^(e–f) is larger"); to_chars would round them to even.
    Scientific exact = scientific(x, f + 1);
    s.exp10 = exact.exp10;
    s.digits = exact.digits.substr(0, static_cast<std::size_t>(f) + 1);
    std::size_t i = s.digits.size();
    while (i > 0 && s.digits[i - 1] == '9') s.digits[--i] = '0';
    if (i > 0) {
      ++s.digits[i - 1];
    } else {  // 9.99…95 → 1.00…0e+1
      s.digits.insert(s.digits.begin(), '1');
      s.digits.pop_back();
      ++s.exp10;
    }
  } else {
    s = scientific(x, f);
  }
  out.push_back(s.digits[0]);
  if (f > 0) {
    out.push_back('.');
    out.append(s.digits, 1);
  }
  append_exponent(out, s.exp10);
  return out;
}

Result<double> parse_number(std::string_view text) {
  if (!is_json_number(text)) {
    return fail("number.syntax", "nombre JSON invalide : « " + std::string(text) + " »",
                std::string(text));
  }
  double d = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), d, std::chars_format::general);
  if (r.ec == std::errc::result_out_of_range) {
    if (magnitude_at_least_one(text)) {
      return fail("number.out_of_range",
                  "nombre hors de l'intervalle des doubles IEEE 754 : « " + std::string(text) + " »",
                  std::string(text));
    }
    return text[0] == '-' ? -0.0 : 0.0;  // underflow: ECMAScript gives ±0 too
  }
  if (r.ec != std::errc() || r.ptr != text.data() + text.size()) {
    return fail("number.syntax", "nombre JSON invalide : « " + std::string(text) + " »",
                std::string(text));
  }
  return d;
}

}  // namespace ecusson
