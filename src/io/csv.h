// CSV as spreadsheet programs read and write it: RFC 4180 quoting, CRLF rows, and (for exports) a
// UTF-8 BOM so Excel opens Chinese text correctly. ParseCsv reads such files back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace gongkai::io {

inline constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

// Quotes a field when it holds a comma, quote or line break. With `neutralise_formulas`, a field
// that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is prefixed with a
// single quote: for text typed by the public.
std::string CsvField(const std::string& s, bool neutralise_formulas = false);
std::string CsvRow(const std::vector<std::string>& fields, bool neutralise_formulas = false);

// One record of a parsed file and the line it starts on (1-based; a quoted field may span lines).
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

// Parses UTF-8 CSV, with or without a BOM: fields separated by commas, quoted with double quotes
// ("" inside quotes is one quote, and quoted fields may hold commas and line breaks), records
// ended by CRLF, LF or CR. Every line yields a record, empty lines included (one empty field).
// InvalidArgument naming the line for text that is not UTF-8 (e.g. a GBK file) and for a quote
// never closed.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text);

}  // namespace gongkai::io
