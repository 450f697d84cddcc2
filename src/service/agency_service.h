// Agency use cases: create, edit, read the tree. Writes are authorised, validated by core, guarded
// by version, and audited in the same transaction.
#pragma once

#include <cstdint>
#include <vector>

#include "core/agency.h"
#include "service/actor.h"
#include "service/clock.h"
#include "storage/store.h"

namespace gongkai::service {

struct AgencyNode {
  Agency agency;
  int depth = 0;  // 0 for the subtree's root
};

class AgencyService {
 public:
  AgencyService(storage::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  Result<int64_t> Create(const Actor& actor, Agency agency);
  // agency.version must be the version the editor started from (stale → Aborted).
  Status Update(const Actor& actor, const Agency& agency);
  Result<Agency> Get(int64_t id);
  Result<std::vector<Agency>> List();
  // The subtree under root_id in depth-first order (children by id), or the whole forest when
  // root_id is 0.
  Result<std::vector<AgencyNode>> Tree(int64_t root_id = 0);
  // The path from the root down to id (inclusive).
  Result<std::vector<Agency>> Path(int64_t id);

 private:
  storage::Store& store_;
  const Clock& clock_;
};

}  // namespace gongkai::service
