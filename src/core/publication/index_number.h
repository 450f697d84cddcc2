// 索引号: the unique id of an item in the disclosure catalogue. gongkai generates
// "{prefix}/{year}-{serial:05}", the prefix being the agency's administrative division code (the
// common scheme on Chinese portals, e.g. 411202100/2025-00012); an index number typed by staff
// (carried over from an older system) is accepted when well-formed and unique.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gongkai::publication {

std::string FormatIndexNumber(std::string_view prefix, int year, int serial);
// The agency's prefix: its administrative division code, or "GK" + its id when it has none.
std::string IndexPrefix(std::string_view region_code, int64_t agency_id);
// 1–64 characters of ASCII letters, digits and / - _ . (what catalogues use; nothing that could
// break a URL, a CSV cell or HTML).
Status ValidateIndexNumber(std::string_view index_number);

}  // namespace gongkai::publication
