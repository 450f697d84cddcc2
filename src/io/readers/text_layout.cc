#include "io/readers/text_layout.h"

#include <utility>

namespace gongkai::io {
namespace {

using report::BlockKind;
using report::SourceBlock;
using report::SourceCell;

// Length in bytes of the UTF-8 sequence starting with b (1 for stray bytes).
size_t SeqLen(unsigned char b) {
  if (b >= 0xF0) return 4;
  if (b >= 0xE0) return 3;
  if (b >= 0xC0) return 2;
  return 1;
}

// East Asian wide characters take two columns in a monospaced editor.
bool IsWide(std::string_view seq) {
  if (seq.size() < 3) return false;
  auto b0 = static_cast<unsigned char>(seq[0]);
  auto b1 = static_cast<unsigned char>(seq[1]);
  char32_t c =
      ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (static_cast<unsigned char>(seq[2]) & 0x3F);
  if (seq.size() == 4) return true;
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6);
}

std::string Trim(std::string_view s) {
  auto is_space = [](std::string_view t, size_t i) -> size_t {
    if (t[i] == ' ' || t[i] == '\r' || t[i] == '\v') return 1;
    if (t.substr(i, 3) == "\xE3\x80\x80") return 3;  // U+3000 ideographic space
    if (t.substr(i, 2) == "\xC2\xA0") return 2;      // no-break space
    return 0;
  };
  size_t a = 0;
  while (a < s.size()) {
    size_t n = is_space(s, a);
    if (!n) break;
    a += n;
  }
  size_t b = s.size();
  while (b > a) {
    if (s[b - 1] == ' ' || s[b - 1] == '\r' || s[b - 1] == '\v')
      --b;
    else if (b - a >= 3 && s.substr(b - 3, 3) == "\xE3\x80\x80")
      b -= 3;
    else if (b - a >= 2 && s.substr(b - 2, 2) == "\xC2\xA0")
      b -= 2;
    else
      break;
  }
  return std::string(s.substr(a, b - a));
}

SourceBlock TabRow(std::string_view line, int number) {
  SourceBlock row{BlockKind::kRow, {}, number, 0};
  int column = 0;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    row.cells.push_back(
        {Trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start)), column++});
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return row;
}

// A Markdown table row: "| 规章 | 0 | 0 | 0 |".
bool IsPipeRow(std::string_view line) {
  std::string t = Trim(line);
  return t.size() >= 3 && t.front() == '|' && t.back() == '|';
}

// The row under a Markdown table header: "|---|:---:|".
bool IsPipeRule(std::string_view line) {
  return Trim(line).find_first_not_of("|-: ") == std::string::npos;
}

SourceBlock PipeRow(std::string_view line, int number) {
  std::string t = Trim(line);
  std::string_view inner = std::string_view(t).substr(1, t.size() - 2);
  SourceBlock row{BlockKind::kRow, {}, number, 0};
  int column = 0;
  size_t start = 0;
  while (true) {
    size_t bar = inner.find('|', start);
    row.cells.push_back(
        {Trim(inner.substr(start, bar == std::string_view::npos ? bar : bar - start)), column++});
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return row;
}

// Cells separated by runs of two or more blank columns (an ideographic space counts as two).
// pdftotext -layout places one character per column whatever its width, so its columns are
// code points; a person aligning text in an editor sees CJK characters two columns wide.
SourceBlock AlignedLine(std::string_view line, int number, bool wide_cjk) {
  SourceBlock block{BlockKind::kParagraph, {}, number, 0};
  int col = 0, blank_run = 0, cell_col = -1;
  size_t cell_start = 0, cell_end = 0;  // bytes of the current cell, up to its last non-blank
  auto flush = [&] {
    if (cell_col >= 0)
      block.cells.push_back(
          {std::string(line.substr(cell_start, cell_end - cell_start)), cell_col});
    cell_col = -1;
  };
  for (size_t i = 0; i < line.size();) {
    size_t n = std::min(SeqLen(static_cast<unsigned char>(line[i])), line.size() - i);
    std::string_view seq = line.substr(i, n);
    int width = 1;
    bool blank = false;
    if (n == 1) {
      blank = seq[0] == ' ' || seq[0] == '\r';
    } else if (seq == "\xE3\x80\x80") {  // ideographic space: two columns
      blank = true;
      width = 2;
    } else if (seq == "\xC2\xA0") {
      blank = true;
    } else if (wide_cjk && IsWide(seq)) {
      width = 2;
    }
    if (blank) {
      blank_run += width;
    } else {
      if (blank_run >= 2) flush();
      if (cell_col < 0) {
        cell_col = col;
        cell_start = i;
      }
      cell_end = i + n;
      blank_run = 0;
    }
    col += width;
    i += n;
  }
  flush();
  // A single cell stays a paragraph but keeps its column: a figure alone on its line may be part
  // of a row above or below it (pdftotext's wrapped cells).
  if (block.cells.size() > 1) block.kind = BlockKind::kRow;
  return block;
}

}  // namespace

report::SourceDocument SplitTextLines(std::string_view text, std::string reader) {
  report::SourceDocument doc;
  bool wide_cjk = reader != "pdf";
  doc.reader = std::move(reader);
  int number = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    ++number;
    // Form feeds (pdftotext's page ends) may sit anywhere in the line.
    while (true) {
      size_t ff = line.find('\f');
      std::string_view part = line.substr(0, ff);
      if (part.find('\t') != std::string_view::npos) {
        doc.blocks.push_back(TabRow(part, number));
      } else if (IsPipeRow(part)) {
        if (!IsPipeRule(part)) doc.blocks.push_back(PipeRow(part, number));
      } else {
        SourceBlock b = AlignedLine(part, number, wide_cjk);
        if (!b.cells.empty()) doc.blocks.push_back(std::move(b));
      }
      if (ff == std::string_view::npos) break;
      doc.blocks.push_back({BlockKind::kPageBreak, {}, number, 0});
      line.remove_prefix(ff + 1);
    }
    if (end == text.size()) break;
    pos = end + 1;
  }
  return doc;
}

}  // namespace gongkai::io
