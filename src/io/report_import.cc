#include "io/report_import.h"

#include <cctype>
#include <filesystem>

namespace gongkai::io {

int YearFromFileName(std::string_view name) {
  std::string base = std::filesystem::path(std::string(name)).filename().string();
  for (size_t i = 0; i + 4 <= base.size(); ++i) {
    if (base[i] != '2' || base[i + 1] != '0') continue;
    if (i > 0 && std::isdigit(static_cast<unsigned char>(base[i - 1]))) continue;
    if (!std::isdigit(static_cast<unsigned char>(base[i + 2])) ||
        !std::isdigit(static_cast<unsigned char>(base[i + 3])))
      continue;
    if (i + 4 < base.size() && std::isdigit(static_cast<unsigned char>(base[i + 4]))) continue;
    return std::stoi(base.substr(i, 4));
  }
  return 0;
}

report::AuditedReport ReadPublishedReport(std::string_view bytes, const std::string& source,
                                          const PdfOptions& pdf) {
  report::AuditedReport r;
  r.source = source;
  auto doc = ReadReport(bytes, source, pdf);
  if (!doc.ok()) {
    r.refused = doc.status();
    return r;
  }
  r.reader = doc->reader;
  r.notes = doc->notes;
  r.extracted = report::ExtractReport(*doc, {YearFromFileName(source)});
  // Nothing of the national format at all: another kind of document, said in one line rather
  // than as two hundred unreadable cells.
  if (r.extracted.title.empty() && r.extracted.data.sections.empty() &&
      r.extracted.cells_read == 0) {
    r.refused = InvalidArgument(
        "not an annual report: no report title, section heading or table of the national format",
        "不是政府信息公开工作年度报告：没有报告标题、规定的章节或表格");
    r.reader.clear();
    r.extracted = {};
  }
  return r;
}

}  // namespace gongkai::io
