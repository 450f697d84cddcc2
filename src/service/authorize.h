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

// The ids of the subtree rooted at root_id (root first, then breadth first).
Result<std::vector<int64_t>> SubtreeIds(storage::Transaction& tx, int64_t root_id);
// The same after checking the actor may see root (0: the actor's own agency).
Result<std::vector<int64_t>> VisibleScope(storage::Transaction& tx, const Actor& actor,
                                          int64_t root_id);

// Whether agency_id lies in the subtree rooted at root_id (inclusive).
Result<bool> InSubtree(storage::Transaction& tx, int64_t root_id, int64_t agency_id);

}  // namespace gongkai::service
