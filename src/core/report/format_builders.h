// Internal to the format definitions: one builder per official version, finished by FinishFormat.
#pragma once

#include "core/report/format.h"

namespace gongkai::report {

FormatDef Build2021();
FormatDef Build2019();
// Derives t3_result_rows and all_cells from the tables.
void FinishFormat(FormatDef* f);

}  // namespace gongkai::report
