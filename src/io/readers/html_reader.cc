// HTML reports: decoded (BOM, <meta charset>, else detected), parsed (well-formed markup by our
// strict parser, anything else by gumbo: html_tree.h), walked in document order into paragraphs
// and table rows with grid columns after rowspan/colspan.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "io/gumbo_arena.h"
#include "io/readers/html_tree.h"
#include "io/readers/readers.h"
#include "io/readers/text_layout.h"

namespace gongkai::io {
namespace {

constexpr size_t kMaxHtmlBytes = 50u << 20;
// gumbo's tree of dense markup takes ~30 times the input, and some malformed markup far more
// (every paragraph re-opens every unclosed formatting element), so the parse has its own budget.
constexpr size_t kMaxParseBytes = 512u << 20;
constexpr auto kMaxParseTime = std::chrono::seconds(20);
constexpr int kMaxTableNesting = 16;     // deeper tables are read as plain paragraphs
constexpr int kMaxTrackedColumns = 256;  // rowspans are tracked this far across a row
constexpr int kMaxColumn = 1 << 20;
constexpr int kMaxColSpan = 1000;  // the limits the HTML standard sets
constexpr int kMaxRowSpan = 65534;
constexpr size_t kLayoutCellChars = 200;  // longer than any label or figure of the report tables

// ASCII letters only (std::tolower's locale look-up per byte cost more than the rest of the scan;
// the program runs in the C locale, where it changes nothing else).
std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The charset named by a <meta charset=...> or <meta http-equiv content="...; charset=...">
// near the start; a cheap scan, enough to pick the decoder before parsing.
// Where the next "<meta" (in any case) starts, from `from` on; npos when there is none.
size_t FindMeta(std::string_view s, size_t from) {
  for (size_t at = s.find('<', from); at != std::string_view::npos; at = s.find('<', at + 1))
    if (EqualsAsciiCaseless(s.substr(at + 1, 4), "meta")) return at;
  return std::string_view::npos;
}

std::string DeclaredCharset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  for (size_t at = FindMeta(head, 0); at != std::string_view::npos; at = FindMeta(head, at + 5)) {
    std::string lowered = LowerAscii(head.substr(at, head.find('>', at) - at));
    std::string_view tag = lowered;
    size_t i = tag.find("charset");
    if (i == std::string_view::npos) continue;
    i += 7;
    while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() &&
           (std::isspace(static_cast<unsigned char>(tag[i])) || tag[i] == '"' || tag[i] == '\''))
      ++i;
    size_t end = i;
    while (end < tag.size() &&
           (std::isalnum(static_cast<unsigned char>(tag[end])) || tag[end] == '-' ||
            tag[end] == '_' || tag[end] == '.' || tag[end] == ':'))
      ++end;
    std::string value(tag.substr(i, end - i));
    if (value.empty()) continue;
    // A page that reached us as ASCII-compatible bytes is not UTF-16 whatever it says (the HTML
    // standard reads such a declaration as UTF-8).
    if (value.starts_with("utf-16")) return "utf-8";
    return value;
  }
  return "";
}

// Control characters other than whitespace mean binary data, not a web page.
bool LooksBinary(std::string_view text) {
  std::string_view head = text.substr(0, 8192);
  std::optional<size_t> control = CountControlBytes(head);
  return !control || *control * 100 > head.size();
}

// Bytes of the whitespace character at s[i], or 0: ASCII whitespace, no-break space, the
// typographic spaces and the ideographic space U+3000.
size_t SpaceAt(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  unsigned char c = b(0);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  if (c == 0xC2 && b(1) == 0xA0) return 2;
  if (c == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return 3;
  if (c == 0xE2 && b(1) == 0x80 && ((b(2) >= 0x80 && b(2) <= 0x8A) || b(2) == 0xAF)) return 3;
  if (c == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) return 3;
  return 0;
}

// Bytes of an invisible character at s[i] that is dropped (zero-width space, BOM), or 0.
size_t InvisibleAt(std::string_view s, size_t i) {
  if (s[i] != '\xE2' && s[i] != '\xEF') return 0;
  if (s.substr(i, 3) == "\xE2\x80\x8B" || s.substr(i, 3) == "\xEF\xBB\xBF") return 3;
  return 0;
}

// Whether the byte can start what SpaceAt or InvisibleAt look for.
bool MayStartSpace(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF;
}

// Runs of whitespace → one space; trimmed.
std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (size_t i = 0; i < s.size();) {
    if (size_t n = InvisibleAt(s, i)) {
      i += n;
    } else if (size_t n = SpaceAt(s, i)) {
      pending = !out.empty();
      i += n;
    } else {
      if (pending) out += ' ';
      pending = false;
      size_t end = i + 1;  // the byte and those after it that start nothing to drop
      while (end < s.size() && !MayStartSpace(static_cast<unsigned char>(s[end]))) ++end;
      out.append(s.substr(i, end - i));
      i = end;
    }
  }
  return out;
}

GumboTag TagOf(const HtmlNode* node) { return node->element ? node->tag : GUMBO_TAG_UNKNOWN; }

bool IsText(const HtmlNode* node) { return !node->element; }

// Elements whose content is not part of the report's text.
bool IsIgnored(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

bool IsHeading(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

// Elements that end the paragraph before them and start a new one after them.
bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    // Table parts: blocks when a table is read as paragraphs (layout or too deeply nested).
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return true;
    default:
      return IsHeading(tag);
  }
}

bool IsCell(const HtmlNode* node) {
  GumboTag tag = TagOf(node);
  return tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
}

// Visits a subtree in document order without recursion (gumbo trees can be 100,000 levels deep).
// enter(node) says whether to visit the node's children; leave(node) follows them.
template <class Enter, class Leave>
void Traverse(const HtmlNode* root, Enter enter, Leave leave) {
  struct Frame {
    const HtmlNode* node;
    const HtmlNode* next;  // the next child to visit
  };
  if (!enter(root)) return;
  // Most table cells hold nothing but text: no stack to make for them.
  bool flat = true;
  for (const HtmlNode* child = root->first_child; child && flat; child = child->next_sibling)
    flat = !child->element;
  if (flat) {
    for (const HtmlNode* child = root->first_child; child; child = child->next_sibling)
      if (enter(child)) leave(child);
    leave(root);
    return;
  }
  std::vector<Frame> stack{{root, root->first_child}};
  while (!stack.empty()) {
    const HtmlNode* node = stack.back().node;
    if (const HtmlNode* child = stack.back().next) {
      stack.back().next = child->next_sibling;
      if (enter(child)) stack.push_back({child, child->first_child});
    } else {
      stack.pop_back();
      leave(node);
    }
  }
}

// A cell's text: nested markup flattened, block boundaries (and nested tables' cells) as spaces.
std::string CellText(const HtmlNode* cell) {
  // Most cells are one run of text: the spaces the cell's own boundaries add would be trimmed.
  if (const HtmlNode* only = cell->first_child; only && !only->element && !only->next_sibling)
    return CollapseSpaces(only->text);
  std::string raw;
  auto breaks = [](const HtmlNode* n) { return IsBlock(TagOf(n)) || TagOf(n) == GUMBO_TAG_BR; };
  Traverse(
      cell,
      [&](const HtmlNode* n) {
        if (IsText(n)) raw += n->text;
        if (!n->element || IsIgnored(TagOf(n))) return false;
        if (breaks(n)) raw += ' ';
        return true;
      },
      [&](const HtmlNode* n) {
        if (breaks(n)) raw += ' ';
      });
  return CollapseSpaces(raw);
}

// The text of a <pre>, lines kept.
std::string PreText(const HtmlNode* pre) {
  std::string raw;
  Traverse(
      pre,
      [&](const HtmlNode* n) {
        if (IsText(n)) raw += n->text;
        if (TagOf(n) == GUMBO_TAG_BR) raw += '\n';
        return n->element && !IsIgnored(TagOf(n));
      },
      [](const HtmlNode*) {});
  return raw;
}

// The <tr> elements of a table in order, each with the index of its row group (thead, tbody,
// tfoot; rowspans stop at the end of their group).
using Rows = std::vector<std::pair<const HtmlNode*, int>>;
Rows TableRows(const HtmlNode* table) {
  Rows rows;
  int group = 0;
  for (const HtmlNode* child = table->first_child; child; child = child->next_sibling) {
    GumboTag tag = TagOf(child);
    if (tag == GUMBO_TAG_TR) rows.emplace_back(child, group);
    if (tag != GUMBO_TAG_THEAD && tag != GUMBO_TAG_TBODY && tag != GUMBO_TAG_TFOOT) continue;
    ++group;
    for (const HtmlNode* row = child->first_child; row; row = row->next_sibling) {
      if (TagOf(row) == GUMBO_TAG_TR) rows.emplace_back(row, group);
    }
    ++group;
  }
  return rows;
}

// The first <td> or <th> from n on among its siblings (a row's cells: first from
// row->first_child, then from each cell's next_sibling), or null.
const HtmlNode* NextCell(const HtmlNode* n) {
  while (n != nullptr && !IsCell(n)) n = n->next_sibling;
  return n;
}

// Whether a table lays out the page rather than holding data: web pages of government sites often
// put the whole article in a table cell, and reading that as one cell would lose every paragraph.
// A data table of the report has short cells and no tables or headings inside them.
bool IsLayoutTable(const Rows& rows) {
  size_t cells = 0;
  for (const auto& [row, group] : rows) {
    for (const HtmlNode* cell = NextCell(row->first_child); cell;
         cell = NextCell(cell->next_sibling)) {
      ++cells;
      bool layout = false;
      size_t chars = 0;
      Traverse(
          cell,
          [&](const HtmlNode* n) {
            if (IsText(n)) {
              for (char c : n->text)
                chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != ' ' && c != '\n';
            }
            if (n != cell && (TagOf(n) == GUMBO_TAG_TABLE || IsHeading(TagOf(n)))) layout = true;
            return !layout && n->element && !IsIgnored(TagOf(n));
          },
          [](const HtmlNode*) {});
      if (layout || chars > kLayoutCellChars) return true;
    }
  }
  return cells == 1;
}

// A span attribute as the HTML standard reads it: leading digits, else the default.
int SpanAttribute(std::optional<std::string_view> attr, int fallback, int max) {
  if (!attr) return fallback;
  std::string_view v = *attr;
  size_t i = 0;
  while (i < v.size() && std::isspace(static_cast<unsigned char>(v[i]))) ++i;
  if (i < v.size() && v[i] == '+') ++i;
  if (i >= v.size() || !std::isdigit(static_cast<unsigned char>(v[i]))) return fallback;
  long n = 0;
  for (; i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])) && n <= max; ++i)
    n = n * 10 + (v[i] - '0');
  return static_cast<int>(std::min<long>(n, max));
}

// Grid columns of the cells of one row group: a cell takes the first column that no rowspan from
// an earlier row covers, and covers its colspan × rowspan.
class RowGrid {
 public:
  void StartGroup() {
    cover_end_.clear();
    row_ = 0;
    next_ = 0;
  }
  int Place(int colspan, int rowspan) {
    auto covered = [&](int c) {
      return c < static_cast<int>(cover_end_.size()) && cover_end_[c] > row_;
    };
    while (covered(next_)) ++next_;
    int column = next_;
    int end = std::min(column + colspan, kMaxTrackedColumns);
    if (end > static_cast<int>(cover_end_.size())) cover_end_.resize(end, 0);
    for (int c = column; c < end; ++c) cover_end_[c] = row_ + rowspan;
    next_ = std::min(column + colspan, kMaxColumn);
    return column;
  }
  void EndRow() {
    ++row_;
    next_ = 0;
  }

 private:
  std::vector<int> cover_end_;  // per column: the first row no longer covered
  int row_ = 0;
  int next_ = 0;
};

class HtmlWalker {
 public:
  // Paragraphs and tables of a subtree, in order.
  void Flow(const HtmlNode* root, int table_depth) {
    Traverse(
        root,
        [&](const HtmlNode* n) {
          if (IsText(n)) text_ += n->text;
          if (!n->element) return false;
          GumboTag tag = n->tag;
          if (IsIgnored(tag)) return false;
          if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR) {
            Flush();
            return false;
          }
          if (tag == GUMBO_TAG_TABLE && table_depth < kMaxTableNesting) {
            Flush();
            Table(n, table_depth + 1);
            return false;
          }
          if (tag == GUMBO_TAG_PRE) {
            Flush();
            Preformatted(n);
            return false;
          }
          if (IsBlock(tag)) Flush();
          return true;
        },
        [&](const HtmlNode* n) {
          if (IsBlock(TagOf(n))) Flush();
        });
  }

  report::SourceDocument Take() {
    Flush();
    return std::move(doc_);
  }

 private:
  void Flush() {
    std::string text = CollapseSpaces(text_);
    text_.clear();
    if (text.empty()) return;
    report::SourceBlock block;
    block.cells.push_back({std::move(text), -1});
    doc_.blocks.push_back(std::move(block));
  }

  // Preformatted text may hold a pasted text table: its lines are split like a text file's.
  void Preformatted(const HtmlNode* pre) {
    report::SourceDocument lines = SplitTextLines(PreText(pre), "html");
    for (auto& block : lines.blocks) {
      if (block.kind == report::BlockKind::kPageBreak) continue;
      block.line = 0;
      doc_.blocks.push_back(std::move(block));
    }
  }

  void Table(const HtmlNode* table, int table_depth) {
    const Rows rows = TableRows(table);
    if (IsLayoutTable(rows)) {
      for (const auto& [row, group] : rows)
        for (const HtmlNode* cell = NextCell(row->first_child); cell;
             cell = NextCell(cell->next_sibling))
          Flow(cell, table_depth);
      return;
    }
    int index = ++tables_;
    for (const HtmlNode* child = table->first_child; child; child = child->next_sibling) {
      if (TagOf(child) == GUMBO_TAG_CAPTION) Flow(child, table_depth);
    }
    RowGrid grid;
    int group = -1;
    for (const auto& [row, row_group] : rows) {
      if (row_group != group) grid.StartGroup();
      group = row_group;
      report::SourceBlock block;
      block.kind = report::BlockKind::kRow;
      block.table = index;
      for (const HtmlNode* cell = NextCell(row->first_child); cell;
           cell = NextCell(cell->next_sibling)) {
        int colspan = std::max(1, SpanAttribute(cell->colspan, 1, kMaxColSpan));
        int rowspan = SpanAttribute(cell->rowspan, 1, kMaxRowSpan);
        if (rowspan == 0) rowspan = kMaxRowSpan;  // "0": to the end of the row group
        block.cells.push_back({CellText(cell), grid.Place(colspan, rowspan)});
      }
      grid.EndRow();
      if (!block.cells.empty()) doc_.blocks.push_back(std::move(block));
    }
  }

  std::string text_;  // the paragraph being read
  report::SourceDocument doc_;
  int tables_ = 0;
};

}  // namespace

Result<report::SourceDocument> ReadHtmlReportWith(std::string_view bytes, HtmlParser parser) {
  if (bytes.size() > kMaxHtmlBytes) {
    return InvalidArgument(
        "HTML file too large: " + std::to_string(bytes.size() >> 20) + " MB, the limit is 50 MB",
        "HTML文件过大（超过50MB）");
  }
  if (bytes.empty()) return InvalidArgument("the HTML file is empty", "HTML文件为空");
  GK_ASSIGN_OR_RETURN(std::string html, DecodeToUtf8(bytes, DeclaredCharset(bytes)));
  if (LooksBinary(html)) {
    return InvalidArgument("not an HTML file: it holds binary data",
                           "不是HTML文件：文件含有二进制数据");
  }
  std::optional<GumboArena> arena;  // before the tree, whose texts may be views into it
  std::optional<HtmlTree> tree;
  if (parser == HtmlParser::kAuto) tree = ParseWellFormedHtml(html);
  if (!tree) {
    arena.emplace(kMaxParseBytes, kMaxParseTime);
    GumboOutput* output = arena->Parse(html);
    if (output == nullptr) {
      return InvalidArgument(
          std::string("the HTML is too complex to read (the parser ran out of ") +
              arena->failure() + ")",
          "HTML文件结构过于复杂，无法读取");
    }
    tree = FromGumbo(output->document);
  }
  HtmlWalker walker;
  walker.Flow(tree->root(), 0);
  report::SourceDocument doc = walker.Take();
  doc.reader = "html";
  if (doc.blocks.empty()) return InvalidArgument("the HTML file has no text", "HTML文件中没有文字");
  return doc;
}

Result<report::SourceDocument> ReadHtmlReport(std::string_view bytes) {
  return ReadHtmlReportWith(bytes, HtmlParser::kAuto);
}

}  // namespace gongkai::io
