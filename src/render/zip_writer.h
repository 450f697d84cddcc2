// An in-memory ZIP package writer over libzip, for the DOCX renderer (OOXML packages are ZIP
// files).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace gongkai::render {

// Parts are stored in the order given ([Content_Types].xml first, as Office writes it).
Result<std::string> WriteZip(const std::vector<std::pair<std::string, std::string>>& parts);

}  // namespace gongkai::render
