// Date: a local calendar date (YYYY-MM-DD), as placement dates are (rectec.md §4.5 case 23).
//
// No time zone: a placement runs from one local day to another. Plain value type.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace ecusson::assessment {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  /// Parses "2025-03-14" (exactly 10 characters, a real calendar day, year 1900..2199).
  /// Example: Date::parse("2025-02-29") == std::nullopt
  static std::optional<Date> parse(std::string_view text);
  /// "2025-03-14".
  std::string to_string() const;
  bool valid() const { return year != 0; }

  friend auto operator<=>(const Date&, const Date&) = default;
};

}  // namespace ecusson::assessment
