// Demo records for Table 二: a few normative documents and the yearly decision and fee figures of
// the demo agencies. 磁钟乡's 2022 and 2023 figures are those of its published reports (all zero,
// as in the real 2023 report); later years have some. Titles and numbers are invented.
#pragma once

#include <cstdint>

#include "service/platform.h"

namespace gongkai::service {

Status SeedDemoDisclosureFigures(Platform& p, int64_t cizhong_id, int64_t district_id,
                                 int64_t hrss_id);

}  // namespace gongkai::service
