// Splitting plain text into paragraphs and table rows, shared by the text and PDF readers.
#pragma once

#include <string>
#include <string_view>

#include "core/report/source_document.h"

namespace gongkai::io {

// utf8: decoded text. A line with tabs is a row split on tabs (column = tab index); a Markdown
// table line "| a | b |" is a row split on bars (its "|---|" rule is dropped); a line with a run of
// two or more spaces (ASCII or U+3000) between non-space text is a row split on such runs (column =
// display column: CJK and full-width characters count two, except for reader "pdf", whose
// pdftotext layout gives every character one column); other non-empty lines are paragraphs. A form feed becomes a kPageBreak block. Blank lines are dropped. Lines keep their
// 1-based line numbers.
report::SourceDocument SplitTextLines(std::string_view utf8, std::string reader);

}  // namespace gongkai::io
