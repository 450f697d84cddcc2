#include "core/report/report_data.h"

namespace gongkai::report {

int64_t ReportData::Get(const std::string& cell) const {
  auto it = cells.find(cell);
  if (it == cells.end() || it->second.state != CellState::kNumber) return 0;
  return it->second.value;
}

}  // namespace gongkai::report
