// DateTime values of credentials (validFrom, validUntil, issuanceDate, …) and their
// conversion to and from NumericDate (seconds since the Unix epoch, UTC).
//
// Accepted: RFC 3339 / XSD dateTime with a mandatory zone — "2024-05-01T12:00:00Z",
// "2024-05-01T14:00:00.250+02:00", lower-case "t"/"z" too. Years 0001–9999; leap second
// 60 is read as 59 (no way to represent it otherwise). On request (DateTimeSyntax) also a
// date alone and the ISO 8601 variants OB 2.0 documents carry. This is the one date-time
// parser of badges/: the verification pipeline, VC-JWT, OB 2.0 and the CLI all use it.
// Stateless; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ecusson/result.h"

namespace ecusson {

struct DateTime {
  std::int64_t seconds = 0;  // since 1970-01-01T00:00:00Z (negative before)
  std::uint32_t nanos = 0;   // fractional part, 0 ≤ nanos < 1e9

  friend bool operator==(const DateTime&, const DateTime&) = default;
};

/// Forms accepted besides the RFC 3339 date-time with a zone (all off by default).
struct DateTimeSyntax {
  /// "2024-01-02" alone, read as midnight UTC (the CLI's `--at`).
  bool date_only = false;
  /// ISO 8601 variants seen in OB 2.0 documents: a space instead of "T", no seconds
  /// ("2024-01-02T03:04Z"), a comma before the fraction, an offset without colon
  /// ("+0200") or without minutes ("+02"). A zone is still required.
  bool iso8601 = false;
};

/// Parses a zoned date-time. Fails with "datetime.invalid" (syntax or out-of-range
/// field) or "datetime.no_timezone" (local time without Z or offset).
/// Example: parse_datetime("1970-01-02T00:00:00+01:00")->seconds == 82800;
/// parse_datetime("2024-01-02", {.date_only = true})->seconds == 1704153600.
[[nodiscard]] Result<DateTime> parse_datetime(std::string_view text, DateTimeSyntax syntax = {});

/// "YYYY-MM-DDThh:mm:ssZ" (UTC, whole seconds). Example: format_datetime(0) ==
/// "1970-01-01T00:00:00Z".
std::string format_datetime(std::int64_t seconds);

}  // namespace ecusson
