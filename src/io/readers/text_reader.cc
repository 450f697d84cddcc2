// Plain-text reports: decoded, then split into paragraphs and rows (text_layout).
#include "io/readers/readers.h"
#include "io/readers/text_layout.h"

namespace gongkai::io {

Result<report::SourceDocument> ReadTextReport(std::string_view bytes) {
  GK_ASSIGN_OR_RETURN(std::string text, DecodeToUtf8(bytes));
  report::SourceDocument doc = SplitTextLines(text, "text");
  bool any_text = false;
  for (const auto& b : doc.blocks)
    for (const auto& c : b.cells) any_text |= !c.text.empty();
  if (!any_text) return InvalidArgument("the file has no text", "文件中没有文字");
  return doc;
}

}  // namespace gongkai::io
