#include "io/csv.h"

#include "core/text.h"

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

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text) {
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(3);
  std::vector<CsvRecord> out;
  // Check the encoding line by line, so the message can say where (a GBK file fails on line 1).
  {
    int line = 1;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '\n') {
        if (!IsValidUtf8(text.substr(start, i - start))) {
          return InvalidArgument("line " + std::to_string(line) +
                                     ": not UTF-8 text (save the file as CSV UTF-8)",
                                 "第" + std::to_string(line) +
                                     "行不是UTF-8编码的文字（请将文件另存为“CSV UTF-8”格式）");
        }
        start = i + 1;
        ++line;
      }
    }
  }
  int line = 1;
  size_t i = 0;
  const size_t n = text.size();
  if (n == 0) return out;
  CsvRecord record{line, {}};
  std::string field;
  for (;;) {
    if (i < n && text[i] == '"' && field.empty()) {
      // A quoted field.
      const int opened_on = line;
      ++i;
      for (;;) {
        if (i >= n) {
          return InvalidArgument(
              "line " + std::to_string(opened_on) + ": a quoted field is never closed",
              "第" + std::to_string(opened_on) + "行：引号未闭合");
        }
        char c = text[i++];
        if (c == '"') {
          if (i < n && text[i] == '"') {
            field += '"';
            ++i;
            continue;
          }
          break;
        }
        if (c == '\n' || (c == '\r' && !(i < n && text[i] == '\n'))) ++line;
        field += c;
      }
    }
    if (i >= n) {
      record.fields.push_back(std::move(field));
      out.push_back(std::move(record));
      return out;
    }
    char c = text[i++];
    if (c == ',') {
      record.fields.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i < n && text[i] == '\n') ++i;
      record.fields.push_back(std::move(field));
      field.clear();
      out.push_back(std::move(record));
      ++line;
      if (i >= n) return out;  // a final line break ends the last record
      record = CsvRecord{line, {}};
    } else {
      field += c;
    }
  }
}

}  // namespace gongkai::io
