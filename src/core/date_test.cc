#include "core/date.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

TEST(DateTest, ParsesAndFormatsIso) {
  struct Case {
    const char* text;
    int y, m, d;
    Weekday wd;
  } cases[] = {
      {"2023-01-19", 2023, 1, 19, Weekday::kThursday},
      {"2024-02-29", 2024, 2, 29, Weekday::kThursday},
      {"1970-01-01", 1970, 1, 1, Weekday::kThursday},
      {"2026-11-28", 2026, 11, 28, Weekday::kSaturday},
  };
  for (const auto& c : cases) {
    auto d = Date::Parse(c.text);
    ASSERT_TRUE(d.ok()) << c.text << " " << d.status().ToString();
    EXPECT_EQ(d->year(), c.y);
    EXPECT_EQ(d->month(), c.m);
    EXPECT_EQ(d->day(), c.d);
    EXPECT_EQ(d->weekday(), c.wd) << c.text;
    EXPECT_EQ(d->ToString(), c.text);
  }
}

TEST(DateTest, RejectsMalformedAndImpossibleDates) {
  for (const char* bad :
       {"", "2023-1-19", "2023/01/19", "2023-02-29", "2023-13-01", "2023-00-10", "2023-04-31",
        "abcd-ef-gh", "2023-01-19x", " 2023-01-19", "1899-12-31", "9999-01-01", "2023-01-+1"}) {
    auto d = Date::Parse(bad);
    EXPECT_FALSE(d.ok()) << bad;
    if (!d.ok()) {
      EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
      EXPECT_FALSE(d.status().ui_message().empty());
    }
  }
}

TEST(DateTest, ArithmeticAndChinese) {
  Date a = Date::Parse("2023-12-31").value();
  EXPECT_EQ(a.AddDays(1).ToString(), "2024-01-01");
  EXPECT_EQ(a.DaysUntil(Date::Parse("2024-03-01").value()), 61);
  EXPECT_EQ(a.ToChinese(), "2023年12月31日");
  EXPECT_LT(a, a.AddDays(1));
  EXPECT_TRUE(Date::Parse("2023-01-21").value().IsWeekend());
}

}  // namespace
}  // namespace gongkai

TEST(DateTest, BeijingDateOfUtcRollsOverAtSixteenHundredUtc) {
  EXPECT_EQ(gongkai::Date::BeijingDateOfUtc("2024-01-31T15:59:59.999Z")->ToString(), "2024-01-31");
  EXPECT_EQ(gongkai::Date::BeijingDateOfUtc("2024-01-31T16:00:00.000Z")->ToString(), "2024-02-01");
  EXPECT_EQ(gongkai::Date::BeijingDateOfUtc("2023-12-31T16:00:00Z")->ToString(), "2024-01-01");
  EXPECT_EQ(gongkai::Date::BeijingDateOfUtc("2024-02-28T23:30:00Z")->ToString(), "2024-02-29");
  EXPECT_FALSE(gongkai::Date::BeijingDateOfUtc("").has_value());
  EXPECT_FALSE(gongkai::Date::BeijingDateOfUtc("2024-01-31").has_value());
  EXPECT_FALSE(gongkai::Date::BeijingDateOfUtc("2024-01-31T25:00:00Z").has_value());
  EXPECT_FALSE(gongkai::Date::BeijingDateOfUtc("2024-13-01T01:00:00Z").has_value());
}
