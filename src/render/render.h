// Renderers of an annual report for people: every output format behind one call, so the CLI, the
// portal downloads and the back office ask for a format by name and never know how it is made.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/report/report_data.h"
#include "core/status.h"

namespace gongkai::render {

enum class OutputFormat { kText, kMarkdown, kHtml, kJson, kDocx, kPdf, kXlsx };

// A published report is corrected by a new version; each correction is shown with its note (rule
// P-02).
struct Correction {
  int version = 0;
  std::string date;  // "2024-02-03"
  std::string note;  // why the report was corrected
};

// What a rendered report shows besides its figures.
struct ReportDocument {
  report::ReportData data;
  std::string agency_name;  // "三门峡市湖滨区磁钟乡人民政府"
  std::string title;  // "三门峡市湖滨区磁钟乡人民政府2023年政府信息公开工作年度报告"
  int version = 1;
  bool draft = false;                      // not yet published: marked as a draft on every page
  std::string published_on;                // "2024-01-20", or "" when not published
  std::vector<Correction> corrections;     // earlier corrections, oldest first
  bool summary = false;                    // a region summary: the cell-by-cell sum of units
  std::vector<std::string> summary_units;  // the units summed, when summary
};

Result<OutputFormat> ParseOutputFormat(std::string_view name);  // "text", "md", "html", ...
std::string_view FormatName(OutputFormat f);                    // "text", "md", ...
std::string_view MimeType(OutputFormat f);
std::string_view FileExtension(OutputFormat f);  // ".txt", ".md", ".html", ...
bool IsBinary(OutputFormat f);

// The document in the format, as bytes.
Result<std::string> Render(const ReportDocument& doc, OutputFormat format);

// The report as an HTML fragment (an <article>, no <html>): the portal page embeds it.
std::string RenderHtmlArticle(const ReportDocument& doc);

}  // namespace gongkai::render
