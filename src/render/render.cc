#include "render/render.h"

#include <array>

#include "io/report_json.h"
#include "io/report_text.h"
#include "render/formats.h"

namespace gongkai::render {

namespace {

struct FormatInfo {
  OutputFormat format;
  std::string_view name, mime, extension;
  bool binary;
};

constexpr std::array<FormatInfo, 7> kFormats{{
    {OutputFormat::kText, "text", "text/plain; charset=utf-8", ".txt", false},
    {OutputFormat::kMarkdown, "md", "text/markdown; charset=utf-8", ".md", false},
    {OutputFormat::kHtml, "html", "text/html; charset=utf-8", ".html", false},
    {OutputFormat::kJson, "json", "application/json", ".json", false},
    {OutputFormat::kDocx, "docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", true},
    {OutputFormat::kPdf, "pdf", "application/pdf", ".pdf", true},
    {OutputFormat::kXlsx, "xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", true},
}};

const FormatInfo& Info(OutputFormat f) {
  for (const auto& i : kFormats)
    if (i.format == f) return i;
  return kFormats[0];
}

}  // namespace

Result<OutputFormat> ParseOutputFormat(std::string_view name) {
  for (const auto& i : kFormats)
    if (i.name == name) return i.format;
  return InvalidArgument(
      "unknown format '" + std::string(name) + "' (text, md, html, json, docx, pdf, xlsx)",
      "不支持的格式“" + std::string(name) + "”（可选 text、md、html、json、docx、pdf、xlsx）");
}

std::string_view FormatName(OutputFormat f) { return Info(f).name; }
std::string_view MimeType(OutputFormat f) { return Info(f).mime; }
std::string_view FileExtension(OutputFormat f) { return Info(f).extension; }
bool IsBinary(OutputFormat f) { return Info(f).binary; }

Result<std::string> Render(const ReportDocument& doc, OutputFormat format) {
  switch (format) {
    case OutputFormat::kText:
      return io::RenderReport(doc.data, doc.title, io::TextFlavor::kPlain);
    case OutputFormat::kMarkdown:
      return io::RenderReport(doc.data, doc.title, io::TextFlavor::kMarkdown);
    case OutputFormat::kJson:
      return io::ReportToJson(doc.data);
    case OutputFormat::kHtml:
      return RenderHtmlDocument(doc);
    case OutputFormat::kDocx:
      return RenderDocx(doc);
    case OutputFormat::kPdf:
      return RenderPdf(doc);
    case OutputFormat::kXlsx:
      return RenderXlsx(doc);
  }
  return InvalidArgument("unknown output format");
}

}  // namespace gongkai::render
