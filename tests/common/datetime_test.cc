#include "ecusson/common/datetime.h"

#include "test_support.h"

namespace ecusson {
namespace {

TEST(datetime, parses_utc_and_offsets) {
  EXPECT_EQ(parse_datetime("1970-01-01T00:00:00Z")->seconds, 0);
  EXPECT_EQ(parse_datetime("2010-01-01T00:00:00Z")->seconds, 1262304000);
  EXPECT_EQ(parse_datetime("2010-01-01T01:00:00+01:00")->seconds, 1262304000);
  EXPECT_EQ(parse_datetime("2009-12-31T23:30:00-00:30")->seconds, 1262304000);
  EXPECT_EQ(parse_datetime("2024-02-29T12:00:00z")->seconds, 1709208000);
  auto frac = parse_datetime("2010-01-01T00:00:00.250Z");
  ASSERT_OK(frac);
  EXPECT_EQ(frac->seconds, 1262304000);
  EXPECT_EQ(frac->nanos, 250000000u);
  EXPECT_EQ(parse_datetime("1969-12-31T23:59:59Z")->seconds, -1);
}

TEST(datetime, requires_a_timezone) {
  EXPECT_ERROR(parse_datetime("2010-01-01T00:00:00"), "datetime.no_timezone");
}

TEST(datetime, refuses_impossible_dates) {
  for (const char* bad : {"2023-02-29T00:00:00Z", "2010-13-01T00:00:00Z", "2010-01-01T24:00:00Z",
                          "2010-01-01 00:00:00Z", "2010-1-01T00:00:00Z", "2010-01-01T00:00:00.Z",
                          "2010-01-01T00:00:00+0100", "2010-01-01T00:00:00Zjunk", ""}) {
    SCOPED_TRACE(bad);
    EXPECT_ERROR(parse_datetime(bad), "datetime.invalid");
  }
}

TEST(datetime, formats_utc_and_roundtrips) {
  EXPECT_EQ(format_datetime(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_datetime(1709208000), "2024-02-29T12:00:00Z");
  EXPECT_EQ(format_datetime(-1), "1969-12-31T23:59:59Z");
  for (std::int64_t t : {std::int64_t{951782400}, std::int64_t{4102444799}, std::int64_t{-86400 * 365}})
    EXPECT_EQ(parse_datetime(format_datetime(t))->seconds, t);
}

}  // namespace
}  // namespace ecusson
