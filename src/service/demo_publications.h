// Demo proactive-disclosure items for a township and one of its villages: a year and a half of
// published items (built through core's workflow with their own past dates, so the column, the
// feeds and search have history), their channel records, and items in every back-office list
// (draft past its Art. 26 date, in review, awaiting the leader, stale). The wording is ours.
#pragma once

#include "core/user.h"
#include "service/platform.h"

namespace gongkai::service {

Status SeedDemoPublications(Platform& p, int64_t township_id, int64_t village_id, const User& clerk,
                            const User& leader);

}  // namespace gongkai::service
