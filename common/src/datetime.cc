#include "ecusson/common/datetime.h"

#include <cctype>
#include <cstdio>

namespace ecusson {

namespace {

// Days from civil (H. Hinnant's algorithm), proleptic Gregorian calendar.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(std::int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

}  // namespace

Result<DateTime> parse_datetime(std::string_view s, DateTimeSyntax syntax) {
  auto bad = [&] {
    return fail("datetime.invalid", "date-heure invalide « " + std::string(s.substr(0, 64)) +
                                        " » (AAAA-MM-JJThh:mm:ssZ attendu)");
  };
  int year, month, day, hour, minute, second = 0;
  if (s.size() < 10 || !digits(s, 0, 4, year) || s[4] != '-' || !digits(s, 5, 2, month) ||
      s[7] != '-' || !digits(s, 8, 2, day))
    return bad();
  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      static_cast<unsigned>(day) > days_in_month(year, static_cast<unsigned>(month)))
    return bad();
  const std::int64_t midnight =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400;
  if (s.size() == 10 && syntax.date_only) return DateTime{midnight, 0};
  const bool separator = s.size() > 10 && (s[10] == 'T' || s[10] == 't' ||
                                           (syntax.iso8601 && s[10] == ' '));
  if (!separator || !digits(s, 11, 2, hour) || s.size() < 16 || s[13] != ':' ||
      !digits(s, 14, 2, minute))
    return bad();
  std::size_t pos = 16;
  const bool has_seconds = pos < s.size() && s[pos] == ':';
  if (has_seconds) {
    if (!digits(s, 17, 2, second)) return bad();
    pos = 19;
  } else if (!syntax.iso8601) {
    return bad();
  }
  if (hour > 23 || minute > 59 || second > 60) return bad();
  if (second == 60) second = 59;
  std::uint32_t nanos = 0;
  if (has_seconds && pos < s.size() && (s[pos] == '.' || (syntax.iso8601 && s[pos] == ','))) {
    ++pos;
    std::size_t start = pos;
    std::uint32_t scale = 100000000;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
      if (pos - start < 9) nanos += static_cast<std::uint32_t>(s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start || (pos - start > 9 && !syntax.iso8601)) return bad();
  }
  if (pos == s.size())
    return fail("datetime.no_timezone",
                "date-heure sans fuseau « " + std::string(s.substr(0, 64)) + " » (Z ou ±hh:mm attendu)");
  int offset = 0;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    int oh, om = 0;
    if (!digits(s, pos + 1, 2, oh)) return bad();
    std::size_t p = pos + 3;
    if (p < s.size() && s[p] == ':') {
      if (!digits(s, p + 1, 2, om)) return bad();
      p += 3;
    } else if (!syntax.iso8601) {
      return bad();
    } else if (p < s.size()) {
      if (!digits(s, p, 2, om)) return bad();
      p += 2;
    }
    if (oh > 23 || om > 59) return bad();
    offset = (oh * 60 + om) * 60 * (s[pos] == '-' ? -1 : 1);
    pos = p;
  } else {
    return bad();
  }
  if (pos != s.size()) return bad();
  return DateTime{midnight + hour * 3600 + minute * 60 + second - offset, nanos};
}

std::string format_datetime(std::int64_t seconds) {
  std::int64_t days = seconds / 86400;
  std::int64_t rem = seconds % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  std::int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(y),
                m, d, static_cast<long long>(rem / 3600), static_cast<long long>(rem / 60 % 60),
                static_cast<long long>(rem % 60));
  return buf;
}

}  // namespace ecusson
