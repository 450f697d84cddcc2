// Date: a civil calendar date (no time, no zone), the unit of every statutory clock.
//
// Stored as days since 1970-01-01 so comparisons and arithmetic are integer operations.
// Parse accepts exactly "YYYY-MM-DD" (ISO 8601) and rejects impossible dates such as 2023-02-29.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gongkai {

enum class Weekday { kMonday = 1, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

class Date {
 public:
  Date() = default;  // 1970-01-01
  static Result<Date> FromYmd(int year, int month, int day);
  static Result<Date> Parse(std::string_view text);
  static Date FromDaysSinceEpoch(int32_t days) { return Date(days); }

  int year() const;
  int month() const;
  int day() const;
  Weekday weekday() const;
  bool IsWeekend() const;
  int32_t days_since_epoch() const { return days_; }

  Date AddDays(int32_t n) const { return Date(days_ + n); }
  // Whole days from this to other (other - this).
  int32_t DaysUntil(Date other) const { return other.days_ - days_; }

  std::string ToString() const;   // 2023-01-19
  std::string ToChinese() const;  // 2023年1月19日

  auto operator<=>(const Date&) const = default;

  // The civil date in Beijing (UTC+8 all year) of an RFC 3339 UTC time such as
  // "2024-01-19T02:00:00.000Z"; nullopt when it is not one.
  static std::optional<Date> BeijingDateOfUtc(std::string_view rfc3339_utc);

 private:
  explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

}  // namespace gongkai
