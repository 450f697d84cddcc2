// One published report file, from bytes to extracted figures: detect the kind, read it, extract
// (core/report/extract.h). The file is refused with a one-line reason when it cannot be read; the
// rules are run by report::AuditBatch over the whole batch.
#pragma once

#include <string>
#include <string_view>

#include "core/report/report_audit.h"
#include "io/readers/readers.h"

namespace gongkai::io {

// The report year a file name suggests ("…2023年…", "report-2023.pdf"), or 0.
int YearFromFileName(std::string_view name);

report::AuditedReport ReadPublishedReport(std::string_view bytes, const std::string& source,
                                          const PdfOptions& pdf = {});

}  // namespace gongkai::io
