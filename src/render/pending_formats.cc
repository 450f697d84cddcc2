// Placeholder for PDF until its renderer lands (issue 4).
#include "render/formats.h"

namespace gongkai::render {
Result<std::string> RenderPdf(const ReportDocument&) {
  return FailedPrecondition("PDF rendering is not built yet", "PDF 格式尚未实现");
}
}  // namespace gongkai::render
