#include "core/date.h"

#include <chrono>
#include <cstdio>

namespace gongkai {

namespace chr = std::chrono;

namespace {
chr::year_month_day Ymd(int32_t days) {
  return chr::year_month_day(chr::sys_days(chr::days(days)));
}

bool ParseDigits(std::string_view s, int* out) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return !s.empty();
}
}  // namespace

bool IsLeapYear(int year) { return chr::year(year).is_leap(); }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

Result<Date> Date::FromYmd(int year, int month, int day) {
  if (year < 1900 || year > 2200) {
    return InvalidArgument("year " + std::to_string(year) + " is out of range 1900-2200",
                           "年份" + std::to_string(year) + "超出范围（1900—2200）");
  }
  if (month < 1 || month > 12) {
    return InvalidArgument("month " + std::to_string(month) + " is not 1-12",
                           "月份" + std::to_string(month) + "无效（应为1—12）");
  }
  if (day < 1 || day > DaysInMonth(year, month)) {
    return InvalidArgument("day " + std::to_string(day) + " does not exist in " +
                               std::to_string(year) + "-" + std::to_string(month),
                           std::to_string(year) + "年" + std::to_string(month) + "月没有" +
                               std::to_string(day) + "日");
  }
  chr::year_month_day ymd{chr::year(year), chr::month(month), chr::day(day)};
  return Date(static_cast<int32_t>(chr::sys_days(ymd).time_since_epoch().count()));
}

Result<Date> Date::Parse(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      !ParseDigits(text.substr(0, 4), &y) || !ParseDigits(text.substr(5, 2), &m) ||
      !ParseDigits(text.substr(8, 2), &d)) {
    return InvalidArgument(
        "'" + std::string(text.substr(0, 40)) + "' is not a date in the form YYYY-MM-DD",
        "“" + std::string(text.substr(0, 40)) + "”不是有效日期，格式应为YYYY-MM-DD");
  }
  return FromYmd(y, m, d);
}

int Date::year() const { return static_cast<int>(Ymd(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(Ymd(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(Ymd(days_).day())); }

Weekday Date::weekday() const {
  unsigned iso = chr::weekday(chr::sys_days(chr::days(days_))).iso_encoding();
  return static_cast<Weekday>(iso);
}

bool Date::IsWeekend() const {
  Weekday w = weekday();
  return w == Weekday::kSaturday || w == Weekday::kSunday;
}

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
  return buf;
}

std::string Date::ToChinese() const {
  return std::to_string(year()) + "年" + std::to_string(month()) + "月" + std::to_string(day()) +
         "日";
}

std::optional<Date> Date::BeijingDateOfUtc(std::string_view utc) {
  if (utc.size() < 13 || utc[10] != 'T') return std::nullopt;
  auto day = Parse(utc.substr(0, 10));
  if (!day.ok() || utc[11] < '0' || utc[11] > '2' || utc[12] < '0' || utc[12] > '9')
    return std::nullopt;
  int hour = (utc[11] - '0') * 10 + (utc[12] - '0');
  if (hour > 23) return std::nullopt;
  return hour + 8 >= 24 ? day->AddDays(1) : *day;
}

}  // namespace gongkai
