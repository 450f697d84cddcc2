// Readers of published annual reports: each turns one file's bytes into a SourceDocument
// (core/report/source_document.h). Readers never guess figures; they only recover the text, its
// paragraphs and table rows. Every reader refuses what it cannot read with a one-line reason
// (InvalidArgument), never crashes, and bounds its memory and time.
#pragma once

#include <string>
#include <string_view>

#include "core/report/source_document.h"
#include "core/status.h"

namespace gongkai::io {

enum class SourceKind { kText, kHtml, kDocx, kPdf };
std::string_view SourceKindName(SourceKind kind);  // "text", "html", "docx", "pdf"

// By content first (magic bytes: "%PDF-", a ZIP holding word/document.xml, an HTML tag near the
// start), then by file extension; plain text otherwise. Binary junk is refused here.
Result<SourceKind> DetectSourceKind(std::string_view bytes, std::string_view file_name);

// Plain text in any supported encoding: tab-separated pastes (cells split on tabs, column = tab
// index) and space-aligned text (cells split on runs of two or more spaces, column = display
// column). Lines without cell breaks are paragraphs.
Result<report::SourceDocument> ReadTextReport(std::string_view bytes);

// HTML in any supported encoding (BOM, <meta charset>, else detected): paragraphs and headings in
// order, tables as rows with grid columns after rowspan/colspan, nested markup flattened to text.
Result<report::SourceDocument> ReadHtmlReport(std::string_view bytes);

// DOCX (WordprocessingML): body paragraphs and table rows in order, gridSpan and vMerge resolved
// to grid columns. A truncated or non-Word ZIP is refused. Expanded size is bounded.
Result<report::SourceDocument> ReadDocxReport(std::string_view bytes);

struct PdfOptions {
  std::string pdftotext = "pdftotext";  // the poppler-utils program
  int timeout_ms = 20000;
  size_t max_output_bytes = 16u << 20;
  size_t max_memory_bytes = 512u << 20;  // RLIMIT_AS of the subprocess
};
// PDF through `pdftotext -layout` in a subprocess with a timeout and resource limits; the text is
// then read like space-aligned text, with a page break at each form feed. A PDF with no text (an
// image scan) is refused with a reason saying so.
Result<report::SourceDocument> ReadPdfReport(std::string_view bytes, const PdfOptions& options = {});

// Any of the above, by DetectSourceKind; the result's notes carry what the reader noticed.
Result<report::SourceDocument> ReadReport(std::string_view bytes, std::string_view file_name,
                                          const PdfOptions& pdf = {});

// Bytes in UTF-8, UTF-16 (with BOM), or GB18030/GBK (detected when not valid UTF-8) → UTF-8.
// declared: a charset named by the file itself (HTML meta), used when it is not contradicted.
Result<std::string> DecodeToUtf8(std::string_view bytes, std::string_view declared = "");

// Traditional characters → simplified (OpenCC t2s), applied to every cell of a document.
void SimplifyChinese(report::SourceDocument& doc);

}  // namespace gongkai::io
