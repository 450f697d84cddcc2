// Administrative review and litigation records (Art. 51 → Table 四): the clerk records each case
// about a disclosure decision and its result when it comes; every change is audited.
#pragma once

#include <cstdint>
#include <vector>

#include "core/litigation/review_case.h"
#include "service/actor.h"
#include "service/clock.h"
#include "storage/store.h"

namespace gongkai::service {

class ReviewCaseService {
 public:
  ReviewCaseService(storage::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The case's application (when given) must belong to the same agency.
  Result<int64_t> Create(const Actor& actor, litigation::ReviewCase c);
  // c.version is the one the form was read at (stale → Aborted).
  Status Update(const Actor& actor, const litigation::ReviewCase& c);
  Result<litigation::ReviewCase> Get(const Actor& actor, int64_t id);
  Result<std::vector<litigation::ReviewCase>> List(const Actor& actor, int64_t agency_id);

 private:
  Status CheckApplication(storage::Transaction& tx, const litigation::ReviewCase& c);
  storage::Store& store_;
  const Clock& clock_;
};

}  // namespace gongkai::service
