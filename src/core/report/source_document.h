// A published report as a reader found it, before any figure is known: its paragraphs and table
// rows in reading order. Each reader (plain text, HTML, DOCX, PDF) turns its file into this shape;
// ExtractReport (extract.h) reads the sections and Tables 二/三/四 from it, whatever the source was.
#pragma once

#include <string>
#include <vector>

namespace gongkai::report {

struct SourceCell {
  std::string text;  // UTF-8, as read (normalisation happens in the extractor)
  // Where the cell starts: the grid column after colspans (HTML, DOCX, tab-separated text), or
  // the display column of its first character (space-aligned text, pdftotext -layout). -1 when
  // unknown. Lets the extractor place a value under its column when blank cells leave gaps.
  int column = -1;
};

enum class BlockKind {
  kParagraph,  // one cell: a heading or running text
  kRow,        // a table row (HTML/DOCX <tr>, a tab-separated or space-aligned line)
  kPageBreak,  // a page boundary (PDF form feed); running headers and footers sit next to it
};

struct SourceBlock {
  BlockKind kind = BlockKind::kParagraph;
  std::vector<SourceCell> cells;
  int line = 0;   // 1-based line in the source text when there is one (text, PDF), else 0
  int table = 0;  // 1-based index of the source table for HTML/DOCX rows, else 0
};

struct SourceDocument {
  std::string reader;  // "text", "html", "docx", "pdf"
  std::vector<SourceBlock> blocks;
  // Problems the reader met that did not stop it (e.g. "第3页没有文字：可能是扫描图像"), in English
  // and Chinese, for the extraction report.
  std::vector<std::string> notes;
};

}  // namespace gongkai::report
