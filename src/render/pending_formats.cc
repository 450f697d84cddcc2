// Placeholders until the HTML, DOCX, PDF and XLSX renderers land (issue 4); each says so plainly.
#include "render/formats.h"

namespace gongkai::render {

namespace {
Status NotYet(const char* what) {
  return FailedPrecondition(std::string(what) + " rendering is not built yet", std::string(what) + " 格式尚未实现");
}
}  // namespace

std::string RenderHtmlArticle(const ReportDocument& doc) { return "<article><h1>" + doc.title + "</h1></article>"; }
std::string RenderHtmlDocument(const ReportDocument& doc) { return RenderHtmlArticle(doc); }
Result<std::string> RenderDocx(const ReportDocument&) { return NotYet("DOCX"); }
Result<std::string> RenderPdf(const ReportDocument&) { return NotYet("PDF"); }
Result<std::string> RenderXlsx(const ReportDocument&) { return NotYet("XLSX"); }

}  // namespace gongkai::render
