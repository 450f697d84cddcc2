#include "core/publication/index_number.h"

#include <cstdio>

namespace gongkai::publication {

std::string FormatIndexNumber(std::string_view prefix, int year, int serial) {
  char tail[32];
  std::snprintf(tail, sizeof tail, "/%04d-%05d", year, serial);
  return std::string(prefix) + tail;
}

std::string IndexPrefix(std::string_view region_code, int64_t agency_id) {
  return region_code.empty() ? "GK" + std::to_string(agency_id) : std::string(region_code);
}

Status ValidateIndexNumber(std::string_view s) {
  if (s.empty() || s.size() > 64) {
    return InvalidArgument("index number must have 1-64 characters", "索引号应为1至64个字符");
  }
  for (char c : s) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              c == '/' || c == '-' || c == '_' || c == '.';
    if (!ok) {
      return InvalidArgument("index number may contain only letters, digits and / - _ .",
                             "索引号只能包含字母、数字和 / - _ . 字符");
    }
  }
  return OkStatus();
}

}  // namespace gongkai::publication
