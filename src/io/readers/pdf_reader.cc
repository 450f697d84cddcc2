// PDF reports through poppler's `pdftotext -layout` in a subprocess: poppler's GPL stays out of
// our binary, and a hostile PDF can only crash or stall the child, which the limits end. The text
// then goes through the line splitter shared with the text reader, one kPageBreak per page end.
#include <signal.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <regex>
#include <string>
#include <vector>

#include "io/readers/readers.h"
#include "io/readers/subprocess.h"
#include "io/readers/text_layout.h"

namespace gongkai::io {
namespace {

// PDF readers accept junk before the header within the first KB; so does DetectSourceKind, which
// sends such files here.
constexpr size_t kHeaderWindow = 1024;
constexpr size_t kMaxEmptyPageNotes = 20;

std::string SecondsText(int ms) {
  if (ms % 1000 == 0) return std::to_string(ms / 1000);
  std::string s = std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 / 100);
  return s == "0.0" ? "0.1" : s;
}

std::string SizeText(size_t bytes, bool chinese) {
  if (bytes >= (1u << 20)) return std::to_string(bytes >> 20) + " MB";
  return std::to_string(bytes) + (chinese ? "字节" : " bytes");
}

// The first non-empty line of pdftotext's stderr, e.g. "Syntax Error: Couldn't read xref table".
std::string FirstLine(std::string_view text) {
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty()) return std::string(line.substr(0, 200));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return "";
}

Status CannotRun(const SubprocessResult& r, const PdfOptions& options) {
  if (r.exec_errno == ENOENT) {
    return FailedPrecondition(
        options.pdftotext + " not found: install poppler-utils to import PDF reports",
        "服务器未安装pdftotext，无法导入PDF报告（请安装poppler-utils）");
  }
  return FailedPrecondition("cannot run " + options.pdftotext + ": " + std::strerror(r.exec_errno),
                            "服务器无法运行pdftotext，无法导入PDF报告");
}

Status Exited(const SubprocessResult& r) {
  std::string why = FirstLine(r.err);
  if (why.find("Incorrect password") != std::string::npos) {
    return InvalidArgument("the PDF is protected by a password", "PDF已加密，需要密码才能打开");
  }
  if (r.exit_code == 3) {
    return InvalidArgument("the PDF does not allow copying its text", "PDF禁止复制其中的文字");
  }
  std::string en = "cannot read the PDF, it may be damaged (pdftotext exit status " +
                   std::to_string(r.exit_code) + (why.empty() ? ")" : ": " + why + ")");
  return InvalidArgument(en, "无法读取PDF，文件可能已损坏");
}

Status Signaled(const SubprocessResult& r, const PdfOptions& options) {
  if (r.signal == SIGXCPU) {
    return ResourceExhausted("the PDF took more CPU time to read than allowed",
                             "读取PDF耗时过长，已中止");
  }
  const char* name = sigabbrev_np(r.signal);
  std::string sig = name ? std::string("SIG") + name : "signal " + std::to_string(r.signal);
  // Poppler aborts when an allocation fails, so SIGABRT/SIGKILL may be the memory limit.
  return InvalidArgument("cannot read the PDF: pdftotext stopped with " + sig +
                             "; the file may be damaged or need more than " +
                             SizeText(options.max_memory_bytes, false) + " of memory",
                         "无法读取PDF，文件可能已损坏或过大");
}

Status Explain(const SubprocessResult& r, const PdfOptions& options) {
  switch (r.outcome) {
    case SubprocessOutcome::kCannotRun:
      return CannotRun(r, options);
    case SubprocessOutcome::kTimedOut: {
      std::string s = SecondsText(options.timeout_ms);
      return ResourceExhausted("the PDF took longer than " + s + " s to read",
                               "读取PDF超过" + s + "秒，已中止");
    }
    case SubprocessOutcome::kOutputTooLarge:
      return ResourceExhausted(
          "the PDF holds more than " + SizeText(options.max_output_bytes, false) + " of text",
          "PDF中的文字超过" + SizeText(options.max_output_bytes, true) + "，文件过大");
    case SubprocessOutcome::kSignaled:
      return Signaled(r, options);
    case SubprocessOutcome::kExited:
      break;
  }
  return Exited(r);
}

Result<std::string> RunPdftotext(std::string_view bytes, const PdfOptions& options) {
  GK_ASSIGN_OR_RETURN(TempFile file, TempFile::Create("gongkai-pdf-", bytes));
  SubprocessLimits limits;
  limits.timeout_ms = options.timeout_ms;
  limits.max_output_bytes = options.max_output_bytes;
  limits.max_memory_bytes = options.max_memory_bytes;
  GK_ASSIGN_OR_RETURN(SubprocessResult r, RunSubprocess({options.pdftotext, "-layout", "-enc",
                                                         "UTF-8", "-eol", "unix", file.path(), "-"},
                                                        "", limits));
  if (r.outcome != SubprocessOutcome::kExited || r.exit_code != 0) return Explain(r, options);
  return std::move(r.out);
}

// Blank: ASCII spaces, U+3000 and U+00A0 only.
bool IsBlank(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || s[i] == '\r' || s[i] == '\n') {
      i += 1;
    } else if (s.substr(i, 3) == "\xE3\x80\x80") {
      i += 3;
    } else if (s.substr(i, 2) == "\xC2\xA0") {
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

// Tabs and other control characters in the text layer would mislead the splitter (a tab makes a
// tab-separated row); pdftotext -layout aligns with spaces only.
void BlankControls(std::string& text) {
  for (char& c : text) {
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\f') || u == 0x7F) c = ' ';
  }
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  while (true) {
    size_t at = s.find(sep);
    parts.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + 1);
  }
}

// Folds one character of a page-number line into `out`; returns the bytes it took, 0 for a
// character no page number has. Spaces vanish, full-width digits and dashes become ASCII, ASCII
// letters lower case, and 第/页/共 upper-case D/Y/G (so typed letters cannot pass for them).
size_t FoldPageChar(std::string_view rest, std::string& out) {
  static constexpr std::string_view kSpaces[] = {" ", "\u3000", "\u00A0"};
  static constexpr std::string_view kDashes[] = {"‐", "‑", "‒", "–", "—", "―", "−", "－", "─"};
  static constexpr std::pair<std::string_view, char> kOthers[] = {
      {"第", 'D'}, {"页", 'Y'}, {"共", 'G'}, {"，", ','}, {"／", '/'}};
  auto c = static_cast<unsigned char>(rest[0]);
  if (c < 0x80 && (std::isalnum(c) || c == '-' || c == '/' || c == ',')) {
    out += static_cast<char>(std::tolower(c));
    return 1;
  }
  for (std::string_view s : kSpaces) {
    if (rest.starts_with(s)) return s.size();
  }
  for (std::string_view d : kDashes) {
    if (rest.starts_with(d)) {
      out += '-';
      return d.size();
    }
  }
  for (const auto& [from, to] : kOthers) {
    if (rest.starts_with(from)) {
      out += to;
      return from.size();
    }
  }
  // Full-width digits U+FF10..U+FF19 are EF BC 90..99.
  if (rest.size() >= 3 && rest.starts_with("\xEF\xBC") &&
      static_cast<unsigned char>(rest[2]) >= 0x90 && static_cast<unsigned char>(rest[2]) <= 0x99) {
    out += static_cast<char>('0' + (static_cast<unsigned char>(rest[2]) - 0x90));
    return 3;
  }
  return 0;
}

// A page-number line in that compact ASCII spelling; empty when it holds anything else.
std::string CompactPageLine(std::string_view line) {
  if (line.size() > 80) return "";
  std::string out;
  while (!line.empty()) {
    size_t n = FoldPageChar(line, out);
    if (n == 0) return "";
    line.remove_prefix(n);
  }
  return out;
}

enum class PageNumber { kNo, kBare, kMarked };

// "3" (kBare); "- 3 -", "第 3 页", "第3页 共5页", "3 / 5", "Page 3 of 5" (kMarked).
PageNumber ClassifyPageLine(std::string_view line) {
  static const std::regex kBare(R"(\d{1,4})");
  static const std::regex kMarked(
      R"(-+\d{1,4}-+|D\d{1,4}Y([,/]?G\d{1,4}Y)?|G\d{1,4}Y[,/]?D\d{1,4}Y|\d{1,4}/\d{1,4})"
      R"(|page\d{1,4}(of\d{1,4})?)");
  std::string compact = CompactPageLine(line);
  if (compact.empty()) return PageNumber::kNo;
  if (std::regex_match(compact, kBare)) return PageNumber::kBare;
  return std::regex_match(compact, kMarked) ? PageNumber::kMarked : PageNumber::kNo;
}

// Running page numbers: the first and last non-blank lines of a page when they hold only a page
// number. A bare number must also stand apart (a blank line towards the body, or alone on the
// page): a number wrapped in a narrow table cell can end a page too, and losing it would change a
// figure, while a kept stray "3" is only noise next to a page break.
void BlankPageNumbers(std::vector<std::string_view>& lines) {
  auto is_blank = [&](size_t i) { return i >= lines.size() || IsBlank(lines[i]); };
  auto drop_if_number = [&](size_t at, size_t toward_body) {
    PageNumber kind = ClassifyPageLine(lines[at]);
    bool apart = toward_body >= lines.size() || is_blank(toward_body);
    if (kind == PageNumber::kMarked || (kind == PageNumber::kBare && apart)) lines[at] = {};
  };
  size_t first = 0;
  while (first < lines.size() && is_blank(first)) ++first;
  if (first == lines.size()) return;
  size_t last = lines.size() - 1;
  while (is_blank(last)) --last;
  drop_if_number(first, first == last ? lines.size() : first + 1);
  if (last != first) drop_if_number(last, last - 1);
}

struct PageText {
  std::string text;  // form feeds only between pages
  int pages = 0;
  std::vector<int> empty_pages;  // 1-based
};

// Keeps every line (blanked, not removed) so line numbers still match pdftotext's output.
PageText CleanPages(std::string_view raw) {
  std::vector<std::string_view> pages = Split(raw, '\f');
  // pdftotext ends every page, the last one too, with a form feed.
  if (pages.size() > 1 && IsBlank(pages.back())) pages.pop_back();
  PageText out;
  out.pages = static_cast<int>(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) {
    if (p > 0) out.text += '\f';
    std::vector<std::string_view> lines = Split(pages[p], '\n');
    BlankPageNumbers(lines);
    bool any_text = false;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) out.text += '\n';
      out.text += lines[i];
      any_text = any_text || !IsBlank(lines[i]);
    }
    if (!any_text) out.empty_pages.push_back(static_cast<int>(p) + 1);
  }
  return out;
}

std::vector<std::string> EmptyPageNotes(const std::vector<int>& pages) {
  std::vector<std::string> notes;
  for (size_t i = 0; i < pages.size() && i < kMaxEmptyPageNotes; ++i) {
    std::string n = std::to_string(pages[i]);
    notes.push_back("page " + n + " has no text (an image?) / 第" + n + "页没有文字（可能是图像）");
  }
  if (pages.size() > kMaxEmptyPageNotes) {
    std::string more = std::to_string(pages.size() - kMaxEmptyPageNotes);
    notes.push_back(more + " more pages have no text / 另有" + more + "页没有文字");
  }
  return notes;
}

}  // namespace

Result<report::SourceDocument> ReadPdfReport(std::string_view bytes, const PdfOptions& options) {
  if (bytes.empty()) return InvalidArgument("the file is empty", "文件为空");
  if (bytes.substr(0, kHeaderWindow).find("%PDF-") == std::string_view::npos) {
    return InvalidArgument("not a PDF file (no %PDF- header)", "不是PDF文件（缺少%PDF-文件头）");
  }
  GK_ASSIGN_OR_RETURN(std::string raw, RunPdftotext(bytes, options));
  BlankControls(raw);
  PageText pages = CleanPages(raw);
  if (pages.empty_pages.size() == static_cast<size_t>(pages.pages)) {
    return InvalidArgument("the PDF has no text layer (an image scan?)",
                           "PDF中没有文字（可能是扫描图像）");
  }
  report::SourceDocument doc = SplitTextLines(pages.text, "pdf");
  doc.notes = EmptyPageNotes(pages.empty_pages);
  return doc;
}

}  // namespace gongkai::io
