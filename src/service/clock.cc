#include "service/clock.h"

#include <cstdio>

namespace gongkai::service {

namespace chr = std::chrono;

int64_t Clock::NowSeconds() const {
  return chr::duration_cast<chr::seconds>(Now().time_since_epoch()).count();
}

Date Clock::Today() const {
  auto local = chr::floor<chr::days>(Now() + chr::hours(8));
  return Date::FromDaysSinceEpoch(static_cast<int32_t>(local.time_since_epoch().count()));
}

std::string Clock::NowRfc3339() const { return FormatRfc3339(Now()); }

std::string FormatRfc3339(std::chrono::system_clock::time_point now) {
  auto days = chr::floor<chr::days>(now);
  chr::year_month_day ymd(days);
  auto ms = chr::duration_cast<chr::milliseconds>(now - days).count();
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<long long>(ms / 3600000),
                static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60),
                static_cast<long long>(ms % 1000));
  return buf;
}

}  // namespace gongkai::service
