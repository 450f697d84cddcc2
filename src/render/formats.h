// One function per output format that the render library makes itself (text, Markdown and JSON come
// from io). Each fails with InvalidArgument for an unknown report format and Internal when a
// library fails.
#pragma once

#include <string>

#include "core/status.h"
#include "render/render.h"

namespace gongkai::render {

Result<std::string> RenderHtmlDocument(
    const ReportDocument& doc);  // a whole page, with a print stylesheet
Result<std::string> RenderDocx(const ReportDocument& doc);
Result<std::string> RenderPdf(const ReportDocument& doc);
Result<std::string> RenderXlsx(const ReportDocument& doc);

// The stylesheet of the report article (screen and print), for pages that embed RenderHtmlArticle;
// the article itself carries no style attributes (the portal's CSP allows only 'self' styles).
std::string HtmlStylesheet(const ReportDocument& doc);

}  // namespace gongkai::render
