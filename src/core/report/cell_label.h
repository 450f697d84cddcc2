// How rules name a cell to people: "表三「一、本年新收政府信息公开申请数量」/「自然人」".
#pragma once

#include <string>

#include "core/report/format.h"

namespace gongkai::report {

// The cell's table name and official row and column labels in format f; the id itself when unknown.
std::string CellLabel(const FormatDef& f, const std::string& cell);

}  // namespace gongkai::report
