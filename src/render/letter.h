// An official letter (公文-style notice) such as a receipt, a correction notice or an answer to a
// disclosure application, and its DOCX and PDF renderings laid out like GB/T 9704 documents: A4,
// the title in 小标宋 二号 centred, the file number right-aligned under it, the addressee flush
// left, body paragraphs in 仿宋 三号 indented two characters at a fixed 28 pt pitch, an optional
// two-column table, closing lines, then the issuing agency centred over the date, the date four
// characters from the right margin, and a place for the seal above them.
//
// A letter is plain text: callers fill it from a template (ParseLetter reads the line format the
// letter templates produce) and the renderers never add wording of their own.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace gongkai::render {

struct LetterRow {
  std::string label;  // 申请日期
  std::string value;  // may hold newlines: one line each in the cell
};

struct Letter {
  std::string title;                 // 政府信息公开申请受理回执
  std::string number;                // file number line, 〔2025〕第3号; "" for none
  std::string addressee;             // 张三：; "" for none
  std::vector<std::string> body;     // paragraphs
  std::vector<LetterRow> table;      // printed after the body; empty for none
  std::vector<std::string> closing;  // paragraphs after the table: 特此告知。, contact lines
  std::string issuer;                // the issuing agency, bottom right
  std::string date;                  // 2025年3月4日, under the issuer
  std::string seal;  // placeholder text where the seal goes, （印章）; "" for none
};

// The letter from its line format, one paragraph per line (blank lines ignored, spaces trimmed):
//   @title T    @number N    @to A    @row LABEL|VALUE    @close C    @issuer I    @date D
//   @seal S     any other line: a body paragraph.
// Text that came from data rather than from the template is marked by the template engine's escape
// (kDataStart before a value, kDataLine after each newline inside it, see EscapeLetterData): a line
// that starts with data is never read as a directive, and a data line continues the line above (a
// new paragraph of the body or closing, a new line in a table value). InvalidArgument for an
// unknown directive, a row without "|", or a letter without a title.
Result<Letter> ParseLetter(const std::string& text);

inline constexpr char kDataStart = '\x1E';
inline constexpr char kDataLine = '\x1F';
// Marks a value inserted into a letter template (the template engine's escape function): kDataStart
// first, kDataLine after each newline; carriage returns and other control characters dropped.
std::string EscapeLetterData(const std::string& value);

Result<std::string> RenderLetterDocx(const Letter& letter);
Result<std::string> RenderLetterPdf(const Letter& letter);

}  // namespace gongkai::render
