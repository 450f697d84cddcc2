// What every report-reader fuzzer checks on arbitrary bytes: the reader never crashes, refuses with
// both messages set, and what it accepts goes through the extractor and every rule; the extractor
// always yields every cell of the format it chose, each read or marked, never silently missing.
#pragma once

#include <cstdlib>

#include "core/report/extract.h"
#include "core/report/rules.h"
#include "core/status.h"

namespace gongkai::fuzz {

inline void CheckReaderResult(const Result<report::SourceDocument>& doc) {
  if (!doc.ok()) {
    if (doc.status().message().empty() || doc.status().ui_message().empty()) std::abort();
    return;
  }
  report::ExtractedReport r = report::ExtractReport(*doc, {2023});
  const report::FormatDef* f = report::FormatById(r.data.format_id);
  if (!f) std::abort();
  for (const auto& cell : f->all_cells)
    if (!r.data.cells.count(cell)) std::abort();
  if (r.data.cells.size() != f->all_cells.size()) std::abort();
  r.data.year = r.year;
  (void)report::CheckReport(r.data, &r.data);
}

}  // namespace gongkai::fuzz
