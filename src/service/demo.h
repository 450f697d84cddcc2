// Demo data: the agency tree of the seed report (河南省 → 三门峡市 → 湖滨区 → 磁钟乡 and its
// villages) plus a busier district department, one account per role, and the 2023–2026 calendars.
// Names of people are invented; official names of places and offices are real.
#pragma once

#include <string>
#include <vector>

#include "core/calendar.h"
#include "service/platform.h"

namespace gongkai::service {

struct DemoAccount {
  std::string username;
  std::string password;
  std::string role_label;
  std::string agency_name;
};

inline constexpr const char* kDemoPassword = "gongkai-demo";

// Seeds an empty database. FailedPrecondition if it already has agencies.
Result<std::vector<DemoAccount>> SeedDemo(Platform& platform,
                                          const std::vector<CalendarYear>& calendars);
// The accounts SeedDemo creates (for printing when the database was seeded earlier).
std::vector<DemoAccount> DemoAccounts();

}  // namespace gongkai::service
