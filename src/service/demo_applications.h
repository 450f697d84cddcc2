// Demo disclosure applications for a township, dated relative to today so every list of the back
// office has something in it (due soon, overdue, paused, awaiting the leader, awaiting
// confirmation, answered), plus a review case. The wording is ours.
#pragma once

#include "core/user.h"
#include "service/platform.h"

namespace gongkai::service {

Status SeedDemoApplications(Platform& p, int64_t agency_id, const User& clerk, const User& leader);

}  // namespace gongkai::service
