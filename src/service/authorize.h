// Authorization: may this actor do this to that agency? Staff act within their agency's subtree and
// their role's permissions (core/user.h); the local CLI administrator may do everything; the public
// may change nothing here.
#pragma once

#include <cstdint>

#include "core/user.h"
#include "service/actor.h"
#include "storage/store.h"

namespace gongkai::service {

Status Authorize(storage::Transaction& tx, const Actor& actor, Permission permission,
                 int64_t agency_id);

// Whether agency_id lies in the subtree rooted at root_id (inclusive).
Result<bool> InSubtree(storage::Transaction& tx, int64_t root_id, int64_t agency_id);

}  // namespace gongkai::service
