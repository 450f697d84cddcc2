#include "io/csv.h"

namespace gongkai::io {

std::string CsvField(const std::string& s, bool neutralise_formulas) {
  std::string v = s;
  if (neutralise_formulas && !v.empty() &&
      std::string("=+-@\t\r").find(v[0]) != std::string::npos) {
    v.insert(v.begin(), '\'');
  }
  if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
  std::string q = "\"";
  for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string CsvRow(const std::vector<std::string>& fields, bool neutralise_formulas) {
  std::string row;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) row += ',';
    row += CsvField(fields[i], neutralise_formulas);
  }
  return row + "\r\n";
}

}  // namespace gongkai::io
