// Reading files from outside: bounded in size, errors naming the path. Readers of report formats
// (text, HTML, DOCX, PDF) will live beside this.
#pragma once

#include <string>

#include "core/calendar.h"
#include "core/status.h"

namespace gongkai::io {

// The whole file, refusing files larger than max_bytes (ResourceExhausted) or unreadable
// (NotFound).
Result<std::string> ReadFileLimited(const std::string& path, size_t max_bytes);
// A calendar data file (data/calendar/README.md); errors are prefixed with the path.
Result<CalendarYear> ReadCalendarFile(const std::string& path);

}  // namespace gongkai::io
