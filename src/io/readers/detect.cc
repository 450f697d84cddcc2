// Which reader a file needs, decided by its content (names lie), and the dispatcher.
#include <algorithm>
#include <optional>

#include "core/text.h"
#include "io/readers/readers.h"

namespace gongkai::io {
namespace {

// ASCII letters only: what the callers look for is ASCII (tags, extensions), and std::tolower's
// locale look-up per byte was a measurable part of auditing an HTML report.
std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool EndsWith(std::string_view name, std::string_view ext) {
  return LowerAscii(name).ends_with(ext);
}

Status Refuse(std::string en, std::string zh) {
  return InvalidArgument(std::move(en), std::move(zh));
}

// Control bytes other than whitespace are rare in text in any of our encodings (UTF-16 excepted,
// which has a BOM); many of them mean binary data.
bool LooksBinary(std::string_view head) {
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) return false;
  std::optional<size_t> control = CountControlBytes(head);
  return !control || *control * 100 > head.size();
}

// Whether the text has one of the tags that only HTML starts with, in any case.
bool HasHtmlTag(std::string_view text) {
  for (size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    for (std::string_view tag : {"<html", "<!doctype html", "<body", "<table", "<meta "})
      if (EqualsAsciiCaseless(text.substr(at, tag.size()), tag)) return true;
  }
  return false;
}

}  // namespace

std::string_view SourceKindName(SourceKind kind) {
  switch (kind) {
    case SourceKind::kText:
      return "text";
    case SourceKind::kHtml:
      return "html";
    case SourceKind::kDocx:
      return "docx";
    case SourceKind::kPdf:
      return "pdf";
  }
  return "text";
}

Result<SourceKind> DetectSourceKind(std::string_view bytes, std::string_view file_name) {
  if (bytes.empty()) return Refuse("the file is empty", "文件为空");
  std::string_view head = bytes.substr(0, 1024);
  if (head.find("%PDF-") != std::string_view::npos) return SourceKind::kPdf;
  if (bytes.starts_with("PK\x03\x04")) {
    if (bytes.find("word/document.xml") != std::string_view::npos) return SourceKind::kDocx;
    if (EndsWith(file_name, ".docx")) return SourceKind::kDocx;  // the reader says what is wrong
    return Refuse("a ZIP archive that is not a Word (.docx) document",
                  "这是压缩包，不是Word（.docx）文档");
  }
  if (bytes.starts_with("\xD0\xCF\x11\xE0"))
    return Refuse("an old Word/Excel (.doc/.xls) file: save it as .docx and try again",
                  "这是旧版Word/Excel（.doc/.xls）文件，请另存为.docx后再导入");
  if (bytes.starts_with("\x89PNG") || bytes.starts_with("\xFF\xD8\xFF") ||
      bytes.starts_with("GIF8") || bytes.starts_with("II*\0") || bytes.starts_with("MM\0*"))
    return Refuse("an image, not a report with text (a scan cannot be audited)",
                  "这是图片，不是含文字的报告（扫描件无法审核）");
  if (LooksBinary(bytes.substr(0, 8192)))
    return Refuse("binary data, not a report in text, HTML, DOCX or PDF",
                  "文件是二进制数据，不是文本、HTML、DOCX或PDF格式的报告");
  // Markup starts with "<" (in UTF-16 too); text reports rarely contain one near the start.
  if (bytes.substr(0, 4096).find('<') != std::string_view::npos) {
    auto decoded = DecodeToUtf8(bytes.substr(0, 4096));
    if (decoded.ok() && HasHtmlTag(*decoded)) return SourceKind::kHtml;
  }
  if (EndsWith(file_name, ".html") || EndsWith(file_name, ".htm")) return SourceKind::kHtml;
  return SourceKind::kText;
}

Result<report::SourceDocument> ReadReport(std::string_view bytes, std::string_view file_name,
                                          const PdfOptions& pdf) {
  GK_ASSIGN_OR_RETURN(SourceKind kind, DetectSourceKind(bytes, file_name));
  Result<report::SourceDocument> doc = [&]() -> Result<report::SourceDocument> {
    switch (kind) {
      case SourceKind::kPdf:
        return ReadPdfReport(bytes, pdf);
      case SourceKind::kDocx:
        return ReadDocxReport(bytes);
      case SourceKind::kHtml:
        return ReadHtmlReport(bytes);
      case SourceKind::kText:
        break;
    }
    return ReadTextReport(bytes);
  }();
  if (!doc.ok()) return doc.status();
  SimplifyChinese(*doc);
  return doc;
}

}  // namespace gongkai::io
