// Placeholders for DOCX, PDF and XLSX until their renderers land (issue 4).
#include "render/formats.h"
namespace gongkai::render {
Result<std::string> RenderDocx(const ReportDocument&) { return Internal("x"); }
Result<std::string> RenderPdf(const ReportDocument&) { return Internal("x"); }
Result<std::string> RenderXlsx(const ReportDocument&) { return Internal("x"); }
}  // namespace gongkai::render
