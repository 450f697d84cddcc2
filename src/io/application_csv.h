// The back office's application list as CSV (UTF-8 with BOM, one row per case), for the clerk's
// spreadsheet and the supervisor's checks. Text typed by applicants is neutralised against
// spreadsheet formulas.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/application/application.h"
#include "core/application/deadline.h"

namespace gongkai::io {

struct ApplicationCsvRow {
  const application::Application* app = nullptr;
  const application::Deadline* deadline = nullptr;
  std::optional<int> days_left;
  std::string agency_name;
};

std::string ApplicationsToCsv(const std::vector<ApplicationCsvRow>& rows);

}  // namespace gongkai::io
