// The demo's annual reports: 磁钟乡 2022 and 2023, published through the same workflow a clerk and
// a leader follow (enter, explain warnings, submit, approve). The 2023 figures and labels are those
// of the real published report (shared/fixtures); the narrative is in our own words, with its
// figures.
#pragma once

#include <cstdint>

#include "core/report/report_data.h"
#include "storage/store.h"

namespace gongkai::service {

Status SeedDemoReports(storage::Store& store, int64_t cizhong_id);

// The figures and narrative of the demo reports (also used by tests).
report::ReportData DemoCizhong2022();
report::ReportData DemoCizhong2023();

}  // namespace gongkai::service
