// ValidityWindow: the one rule deciding whether a credential is valid at an instant,
// used by every verification path — OB 3.0 credentials (validFrom / issuanceDate,
// validUntil / expirationDate), VC-JWT (the JWT claims nbf / exp) and OB 2.0 assertions
// (issuedOn / expires). Each path collects the dates it has into a window; the window
// keeps the latest start and the earliest end (a JWT whose `exp` has passed is expired
// even when its credential carries no validUntil, as jose judges it).
//
// Boundary rule, with s = max_clock_skew (one value, VerificationPolicy::max_clock_skew):
//   not yet valid  ⇔  now + s <  start      (start is inclusive)
//   expired        ⇔  now − s >= end        (end is exclusive: RFC 7519 §4.1.4, "on or
//                                            after which the JWT MUST NOT be accepted")
// Arithmetic is on whole seconds in [kMinDateSeconds, kMaxDateSeconds] (years 0001–9999),
// so nothing overflows. NumericDate JSON numbers are range-checked before any
// conversion (numeric_date). Stateless; thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/fwd.hpp>

#include "ecusson/credentials/verification_result.h"
#include "ecusson/result.h"

namespace ecusson::credentials {

/// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range parse_datetime and
/// format_datetime (datetime.h) share.
inline constexpr std::int64_t kMinDateSeconds = -62135596800;
inline constexpr std::int64_t kMaxDateSeconds = 253402300799;

/// A JWT NumericDate (RFC 7519 §2) as whole seconds (fractions dropped toward −∞). The
/// JSON number — int64, uint64 or double — is compared with the range above before it
/// is converted, so 1e300, -1e300, 18446744073709551615 or an infinity never reach a
/// cast. Fails with "jwt.claims" (not a number, or out of range; `where` = the value).
/// Example: numeric_date(json::value(1.5e9))->== 1500000000.
[[nodiscard]] Result<std::int64_t> numeric_date(const boost::json::value& v);

/// One end of a window: its instant and the member it came from ("validUntil", "exp"…).
struct ValidityBound {
  std::int64_t seconds = 0;
  std::string source;
};

struct ValidityWindow {
  std::optional<ValidityBound> start;  // inclusive; none = valid since ever
  std::optional<ValidityBound> end;    // exclusive; none = never expires
  /// Date members present but unreadable (a malformed end is refused as expired: the
  /// badge cannot be shown to be still valid).
  std::vector<std::string> unreadable_start, unreadable_end;

  /// Keeps the later of the current start and `seconds`.
  void restrict_start(std::int64_t seconds, std::string source);
  /// Keeps the earlier of the current end and `seconds`.
  void restrict_end(std::int64_t seconds, std::string source);
};

/// The window of an OB 3.0 / VC credential: validFrom (else issuanceDate) and validUntil
/// (else expirationDate), RFC 3339 with a zone (parse_datetime).
ValidityWindow credential_validity_window(const boost::json::object& credential);

/// Narrows `window` by the JWT claims `nbf` and `exp` when they are valid NumericDates
/// (an invalid one is reported by the jwt.claims check, not here).
void restrict_to_jwt_claims(ValidityWindow& window, const boost::json::object& claims);

/// The window of an OB 2.0 assertion: issuedOn and expires (ISO 8601, zone required).
ValidityWindow ob2_validity_window(const boost::json::object& assertion);

/// Appends the checks of the boundary rule above: `validity.not_yet_valid` and
/// `validity.expired` (passed, failed, or skipped for an unreadable start), preceded by a
/// failed `validity.dates` when the window ends before it starts.
/// Example: append_validity_checks(credential_validity_window(c), now, 300s, result).
void append_validity_checks(const ValidityWindow& window, std::chrono::sys_seconds now,
                            std::chrono::seconds max_clock_skew, VerificationResult& result);

}  // namespace ecusson::credentials
