// CSV as spreadsheet programs read it: RFC 4180 quoting, CRLF rows, and (for exports) a UTF-8 BOM
// so Excel opens Chinese text correctly.
#pragma once

#include <string>
#include <vector>

namespace gongkai::io {

inline constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

// Quotes a field when it holds a comma, quote or line break. With `neutralise_formulas`, a field
// that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is prefixed with a
// single quote: for text typed by the public.
std::string CsvField(const std::string& s, bool neutralise_formulas = false);
std::string CsvRow(const std::vector<std::string>& fields, bool neutralise_formulas = false);

}  // namespace gongkai::io
