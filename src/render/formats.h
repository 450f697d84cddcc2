// One function per output format that the render library makes itself (text, Markdown and JSON come from io).
#pragma once

#include <string>

#include "core/status.h"
#include "render/render.h"

namespace gongkai::render {

std::string RenderHtmlDocument(const ReportDocument& doc);  // a whole page, with a print stylesheet
Result<std::string> RenderDocx(const ReportDocument& doc);
Result<std::string> RenderPdf(const ReportDocument& doc);
Result<std::string> RenderXlsx(const ReportDocument& doc);

}  // namespace gongkai::render
