#include "ecusson/credentials/validity_window.h"

#include <gtest/gtest.h>

#include <limits>

#include <boost/json.hpp>

#include "ecusson/common/datetime.h"

namespace ecusson::credentials {
namespace {

namespace json = boost::json;
using std::chrono::seconds;
using std::chrono::sys_seconds;

constexpr std::int64_t kStart = 1704067200;  // 2024-01-01T00:00:00Z
constexpr std::int64_t kEnd = 1735689600;    // 2025-01-01T00:00:00Z
constexpr seconds kSkew{300};

const Check* check(const VerificationResult& r, std::string_view code) {
  for (const auto& c : r.checks)
    if (c.code == code) return &c;
  return nullptr;
}

CheckStatus at(const ValidityWindow& w, std::int64_t now, std::string_view code) {
  VerificationResult r;
  append_validity_checks(w, sys_seconds{seconds{now}}, kSkew, r);
  const Check* c = check(r, code);
  EXPECT_NE(c, nullptr) << code;
  return c ? c->status : CheckStatus::warning;
}

ValidityWindow window() {
  ValidityWindow w;
  w.restrict_start(kStart, "validFrom");
  w.restrict_end(kEnd, "validUntil");
  return w;
}

TEST(validity_window, boundary_rule_start_inclusive_with_skew) {
  EXPECT_EQ(at(window(), kStart - 300, "validity.not_yet_valid"), CheckStatus::passed);
  EXPECT_EQ(at(window(), kStart - 301, "validity.not_yet_valid"), CheckStatus::failed);
}

TEST(validity_window, boundary_rule_end_exclusive_with_skew) {
  EXPECT_EQ(at(window(), kEnd + 299, "validity.expired"), CheckStatus::passed);
  EXPECT_EQ(at(window(), kEnd + 300, "validity.expired"), CheckStatus::failed);
}

TEST(validity_window, keeps_latest_start_and_earliest_end) {
  ValidityWindow w = window();
  w.restrict_end(kEnd + 1000, "exp");   // later: ignored
  w.restrict_end(kStart + 10, "exp");   // earlier: kept
  w.restrict_start(kStart - 1000, "nbf");
  ASSERT_TRUE(w.end && w.start);
  EXPECT_EQ(w.end->seconds, kStart + 10);
  EXPECT_EQ(w.end->source, "exp");
  EXPECT_EQ(w.start->seconds, kStart);
}

TEST(validity_window, credential_jwt_and_ob2_dates_feed_the_same_rule) {
  json::object cred{{"validFrom", "2024-01-01T00:00:00Z"}};
  ValidityWindow w = credential_validity_window(cred);
  EXPECT_FALSE(w.end);
  restrict_to_jwt_claims(w, json::object{{"exp", kEnd}, {"nbf", 1e300}});  // bad nbf ignored
  ASSERT_TRUE(w.end);
  EXPECT_EQ(w.end->seconds, kEnd);
  EXPECT_EQ(w.start->seconds, kStart);
  EXPECT_EQ(at(w, kEnd + 300, "validity.expired"), CheckStatus::failed);

  json::object v1{{"issuanceDate", "2024-01-01T00:00:00Z"}, {"expirationDate", "2025-01-01T00:00:00Z"}};
  EXPECT_EQ(credential_validity_window(v1).end->seconds, kEnd);

  // OB 2.0: ISO 8601 variants, same skew (an assertion 4 minutes past `expires` is not
  // yet expired, as for every other format).
  json::object ob2{{"issuedOn", "2024-01-01 00:00+00"}, {"expires", "2025-01-01T01:00:00+0100"}};
  ValidityWindow o = ob2_validity_window(ob2);
  ASSERT_TRUE(o.start && o.end);
  EXPECT_EQ(o.start->seconds, kStart);
  EXPECT_EQ(o.end->seconds, kEnd);
  EXPECT_EQ(at(o, kEnd + 240, "validity.expired"), CheckStatus::passed);
}

TEST(validity_window, unreadable_end_is_expired_and_inverted_window_is_refused) {
  ValidityWindow w = credential_validity_window(json::object{{"validUntil", "bientôt"}});
  EXPECT_EQ(at(w, kStart, "validity.expired"), CheckStatus::failed);
  ValidityWindow inverted;
  inverted.restrict_start(kEnd, "issuedOn");
  inverted.restrict_end(kStart, "expires");
  EXPECT_EQ(at(inverted, kStart, "validity.dates"), CheckStatus::failed);
  VerificationResult fine;
  append_validity_checks(window(), sys_seconds{seconds{kStart + 10}}, kSkew, fine);
  EXPECT_EQ(check(fine, "validity.dates"), nullptr);
}

TEST(validity_window, numeric_date_is_range_checked_before_conversion) {
  EXPECT_EQ(numeric_date(json::value(1500000000)).value(), 1500000000);
  EXPECT_EQ(numeric_date(json::value(1500000000.9)).value(), 1500000000);
  EXPECT_EQ(numeric_date(json::value(-0.5)).value(), -1);
  EXPECT_EQ(numeric_date(json::value(std::uint64_t{253402300799})).value(), 253402300799);
  for (const char* bad : {"1e300", "-1e300", "1.7976931348623157e308", "18446744073709551615",
                          "9223372036854775807", "-9223372036854775808", "253402300800",
                          "-62135596801", "\"1500000000\"", "null", "true", "[1]"}) {
    auto r = numeric_date(json::parse(bad));
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, "jwt.claims") << bad;
  }
  json::value nan(std::numeric_limits<double>::quiet_NaN());
  EXPECT_FALSE(numeric_date(nan));
  json::value inf(std::numeric_limits<double>::infinity());
  EXPECT_FALSE(numeric_date(inf));
}

TEST(datetime_syntax, date_only_and_iso8601_variants_on_request) {
  EXPECT_FALSE(parse_datetime("2024-01-02"));
  EXPECT_EQ(parse_datetime("2024-01-02", {.date_only = true})->seconds, 1704153600);
  EXPECT_FALSE(parse_datetime("2024-01-02 03:04:05Z"));
  EXPECT_FALSE(parse_datetime("2024-01-02T03:04Z"));
  EXPECT_FALSE(parse_datetime("2024-01-02T03:04:05+0100"));
  DateTimeSyntax iso{.iso8601 = true};
  EXPECT_EQ(parse_datetime("2024-01-02 03:04:05Z", iso)->seconds, 1704164645);
  EXPECT_EQ(parse_datetime("2024-01-02T03:04Z", iso)->seconds, 1704164640);
  EXPECT_EQ(parse_datetime("2024-01-02T04:04:05+0100", iso)->seconds, 1704164645);
  EXPECT_EQ(parse_datetime("2024-01-02T04:04:05+01", iso)->seconds, 1704164645);
  EXPECT_EQ(parse_datetime("2024-01-02T03:04:05,5Z", iso)->nanos, 500000000u);
  EXPECT_FALSE(parse_datetime("2024-01-02T03:04:05", iso));  // a zone is still required
  EXPECT_FALSE(parse_datetime("2024-02-30T03:04:05Z", iso));
}

}  // namespace
}  // namespace ecusson::credentials
