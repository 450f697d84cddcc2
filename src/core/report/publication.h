// Rule P-01: the report is published by the deadline of 《政府信息公开条例》 Art. 49.
#pragma once

#include <optional>
#include <vector>

#include "core/date.h"
#include "core/report/violation.h"

namespace gongkai::report {

// Art. 49 sets two dates: county-level-and-above government departments publish their own report by
// 31 January; a local people's government's report (published by its 主管部门) by 31 March. It
// names no date for township governments; local rules commonly hold them to 31 January, so the
// caller chooses, and kDepartment (the earlier date) is the default.
enum class ReporterKind { kDepartment, kGovernment };

// The last day the report for `year` may be published: 31 January or 31 March of year + 1.
Date PublicationDeadline(int year, ReporterKind kind);

// P-01 (F): a violation when published_on is after the deadline; none when not (yet) published.
std::vector<Violation> CheckPublication(int year, ReporterKind kind,
                                        std::optional<Date> published_on);

}  // namespace gongkai::report
