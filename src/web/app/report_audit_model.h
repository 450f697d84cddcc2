// The audit of uploaded published reports as the back office shows it: per file a one-line
// summary or the reason it could not be read; per read report Tables 二/三/四 with every violated
// cell highlighted and linked to its violation (the report page's table model), the extraction
// problems, the unit the report names and whether its figures can be saved as that unit's report.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "core/user.h"
#include "service/agency_service.h"
#include "service/report_audit_service.h"

namespace gongkai::web {

// One file. n numbers the files of the page (anchors "f{n}-v-3"); units: where a report whose unit
// was not found may be saved (the user's tree), offered in a list; may_save: the user may save
// audited reports at all (else no save form is shown, only what is stored).
nlohmann::json AuditedUploadModel(const service::AuditedUpload& item, int n,
                                  const std::vector<service::AgencyNode>& units, bool may_save);

// The whole page: the files and the totals.
nlohmann::json AuditPageModel(const std::vector<service::AuditedUpload>& items,
                              const std::vector<service::AgencyNode>& units, bool may_save);

// "1.2 MB", "35 KB", "512 字节".
std::string SizeText(int64_t bytes);

}  // namespace gongkai::web
