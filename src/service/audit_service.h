// Writing and verifying the audit log. Every state change calls RecordChange inside the transaction
// that makes the change, so the change and its audit row commit or roll back together.
#pragma once

#include <string>
#include <vector>

#include "core/audit.h"
#include "service/actor.h"
#include "service/clock.h"
#include "storage/store.h"

namespace gongkai::service {

Status RecordChange(storage::Transaction& tx, const Clock& clock, const Actor& actor,
                    std::string action, std::string entity, std::string before_json,
                    std::string after_json);

// Records a refused attempt (bad input, permission denied, failed login) in its own transaction:
// the audit log shows who tried what even though nothing changed. Best effort: errors are logged.
void RecordRejected(storage::Store& store, const Clock& clock, const Actor& actor,
                    const std::string& action, const std::string& entity, const Status& why);

struct AuditVerification {
  int64_t entries = 0;
  std::vector<AuditProblem> problems;
  bool ok() const { return problems.empty(); }
};

class AuditService {
 public:
  explicit AuditService(storage::Store& store) : store_(store) {}
  // Walks the whole chain in pages; also checks that the stored head matches the last entry.
  Result<AuditVerification> Verify();
  Result<std::vector<AuditEntry>> Recent(const std::vector<std::string>& entities, int limit);

 private:
  storage::Store& store_;
};

}  // namespace gongkai::service
