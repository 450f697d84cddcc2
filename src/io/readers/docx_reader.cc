// DOCX reports: the main part (word/document.xml) read from the ZIP package with libzip, parsed
// with pugixml, and its body walked in order into paragraphs and table rows.
#include <zip.h>

#include <algorithm>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "io/readers/readers.h"

namespace gongkai::io {
namespace {

constexpr size_t kMaxDocumentXmlBytes = 64u << 20;
constexpr size_t kMaxRelsBytes = 1u << 20;
constexpr int kMaxDepth = 100;  // element nesting the walk follows (real documents need ~20)
constexpr int kMaxGridSpan = 1000;
constexpr int kMaxColumn = 1 << 20;

Status Damaged(std::string detail) {
  return InvalidArgument("the DOCX file is damaged or incomplete (" + detail + ")",
                         "DOCX文件已损坏或不完整");
}

Status NotWord(std::string detail, std::string detail_zh) {
  return InvalidArgument("not a Word document: " + detail, "不是Word（.docx）文档：" + detail_zh);
}

// The ZIP package, opened read-only over the caller's bytes.
class Package {
 public:
  static Result<Package> Open(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* zip = source == nullptr ? nullptr : zip_open_from_source(source, ZIP_RDONLY, &error);
    std::string reason = zip_error_strerror(&error);
    int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    if (zip != nullptr) return Package(zip);
    if (source != nullptr) zip_source_free(source);
    // A ZIP cut short loses its central directory at the end and looks like no ZIP at all.
    if (code == ZIP_ER_NOZIP && !bytes.starts_with("PK\x03\x04"))
      return NotWord("the file is not a ZIP package", "文件不是ZIP压缩包");
    if (code == ZIP_ER_NOZIP) return Damaged("the end of the ZIP archive is missing");
    return Damaged(reason);
  }
  Package(Package&& other) noexcept : zip_(std::exchange(other.zip_, nullptr)) {}
  Package& operator=(Package&&) = delete;
  ~Package() {
    if (zip_ != nullptr) zip_discard(zip_);
  }

  // The part's bytes; NotFound when the package has no such part.
  Result<std::string> Read(const std::string& name, size_t max_bytes) const {
    zip_int64_t index = zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return NotFound(name + " is missing", name + "不存在");
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_, index, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > max_bytes)
      return TooLarge(name, max_bytes);
    zip_file_t* file = zip_fopen_index(zip_, index, 0);
    if (file == nullptr) return Damaged(name + ": " + zip_error_strerror(zip_get_error(zip_)));
    std::string out;
    char buffer[64 * 1024];
    zip_int64_t n;
    // The stored size may lie; stop reading past the limit whatever it says.
    while ((n = zip_fread(file, buffer, sizeof buffer)) > 0) {
      if (out.size() + static_cast<size_t>(n) > max_bytes) {
        zip_fclose(file);
        return TooLarge(name, max_bytes);
      }
      out.append(buffer, static_cast<size_t>(n));
    }
    std::string reason = n < 0 ? zip_error_strerror(zip_file_get_error(file)) : "";
    zip_fclose(file);
    if (n < 0) return Damaged(name + ": " + reason);
    return out;
  }

 private:
  explicit Package(zip_t* zip) : zip_(zip) {}
  static Status TooLarge(const std::string& name, size_t max_bytes) {
    return InvalidArgument(
        name + " expands to more than " + std::to_string(max_bytes >> 20) + " MB",
        "DOCX文件内容过大（解压后超过" + std::to_string(max_bytes >> 20) + "MB）");
  }

  zip_t* zip_;
};

// The main part's name from the package relationships (Word names it word/document.xml, some
// producers otherwise), defaulting to word/document.xml.
std::string MainPartName(const Package& package) {
  const std::string fallback = "word/document.xml";
  auto rels = package.Read("_rels/.rels", kMaxRelsBytes);
  if (!rels.ok()) return fallback;
  pugi::xml_document xml;
  if (!xml.load_buffer(rels->data(), rels->size())) return fallback;
  for (pugi::xml_node rel : xml.document_element().children()) {
    std::string_view type = rel.attribute("Type").value();
    std::string_view target = rel.attribute("Target").value();
    if (!type.ends_with("/officeDocument") || target.empty()) continue;
    if (target.starts_with("/")) target.remove_prefix(1);
    return std::string(target);
  }
  return fallback;
}

// Bytes that are not UTF-8 (pugixml does not check) become U+FFFD, so every cell is UTF-8.
std::string ValidUtf8(std::string s) {
  if (IsValidUtf8(s)) return s;
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0xF0)
      len = 4;
    else if (b >= 0xE0)
      len = 3;
    else if (b >= 0xC0)
      len = 2;
    if (b < 0x80 || (i + len <= s.size() && IsValidUtf8(std::string_view(s).substr(i, len)))) {
      out.append(s, i, b < 0x80 ? 1 : len);
      i += b < 0x80 ? 1 : len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

std::string Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return ValidUtf8(std::string(s));
}

void AppendJoined(std::string& out, const std::string& part) {
  if (part.empty()) return;
  if (!out.empty()) out += ' ';
  out += part;
}

// Walks a WordprocessingML body. Element names are matched with the prefix the document binds to
// the WordprocessingML namespace (the root's own prefix, "w:" in practice).
class DocxWalker {
 public:
  explicit DocxWalker(std::string prefix) : prefix_(std::move(prefix)) {}

  void Body(pugi::xml_node body) { Blocks(body, 0, nullptr); }

  report::SourceDocument Take() {
    if (tracked_changes_)
      doc_.notes.push_back(
          "the document has tracked changes: read as if all were accepted / "
          "文档含修订痕迹，已按接受全部修订读取");
    if (too_deep_)
      doc_.notes.push_back("content nested more than " + std::to_string(kMaxDepth) +
                           " levels deep was skipped / 嵌套过深的内容已跳过");
    return std::move(doc_);
  }

 private:
  // Local name of n when it is a WordprocessingML element, else "".
  std::string_view Local(pugi::xml_node n) const {
    std::string_view name = n.name();
    if (n.type() != pugi::node_element || !name.starts_with(prefix_)) return {};
    name.remove_prefix(prefix_.size());
    return name.find(':') == std::string_view::npos ? name : std::string_view();
  }
  pugi::xml_node Child(pugi::xml_node n, const char* local) const {
    return n.child((prefix_ + local).c_str());
  }
  std::string_view Val(pugi::xml_node n) const {
    return n.attribute((prefix_ + "val").c_str()).value();
  }
  bool Deeper(int depth) {
    too_deep_ |= depth > kMaxDepth;
    return depth > kMaxDepth;
  }
  // Tracked changes: insertions are read, deletions and moved-away text are not.
  bool Deleted(std::string_view local) {
    bool tracked = local == "ins" || local == "del" || local == "moveTo" || local == "moveFrom";
    tracked_changes_ |= tracked;
    return local == "del" || local == "moveFrom";
  }

  // Block-level content: paragraphs and tables in order. With a cell, their text is appended to
  // it (nested tables flattened); without, they become blocks of the document.
  void Blocks(pugi::xml_node parent, int depth, std::string* cell) {
    if (Deeper(depth)) return;
    for (pugi::xml_node n : parent.children()) {
      std::string_view local = Local(n);
      if (Deleted(local)) continue;
      if (local == "p") {
        Paragraph(n, depth + 1, cell);
      } else if (local == "tbl") {
        Table(n, depth + 1, cell);
      } else if (local == "sdt") {
        Blocks(Child(n, "sdtContent"), depth + 1, cell);
      } else if (local == "customXml" || local == "ins" || local == "moveTo") {
        Blocks(n, depth + 1, cell);
      }
    }
  }

  void Paragraph(pugi::xml_node p, int depth, std::string* cell) {
    std::string text;
    Inline(p, depth, text);
    if (cell != nullptr) {
      std::replace(text.begin(), text.end(), '\n', ' ');
      AppendJoined(*cell, Trim(text));
      return;
    }
    // Headings and paragraphs typed as one paragraph with line breaks are separate lines.
    for (size_t start = 0; start <= text.size();) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string trimmed = Trim(text.substr(start, end - start));
      if (!trimmed.empty()) {
        report::SourceBlock block;
        block.cells.push_back({std::move(trimmed), -1});
        doc_.blocks.push_back(std::move(block));
      }
      start = end + 1;
    }
  }

  // Runs and the inline wrappers around them (hyperlinks, fields, smart tags, content controls,
  // tracked insertions).
  void Inline(pugi::xml_node parent, int depth, std::string& out) {
    if (Deeper(depth)) return;
    for (pugi::xml_node n : parent.children()) {
      std::string_view local = Local(n);
      if (Deleted(local)) continue;
      if (local == "r") {
        Run(n, out);
      } else if (local == "sdt") {
        Inline(Child(n, "sdtContent"), depth + 1, out);
      } else if (local == "hyperlink" || local == "smartTag" || local == "fldSimple" ||
                 local == "customXml" || local == "ins" || local == "moveTo" || local == "bdo" ||
                 local == "dir") {
        Inline(n, depth + 1, out);
      }
    }
  }

  void Run(pugi::xml_node r, std::string& out) {
    for (pugi::xml_node n : r.children()) {
      std::string_view local = Local(n);
      if (local == "t") {
        out += n.child_value();
      } else if (local == "tab" || local == "ptab") {
        out += ' ';  // a space keeps a label split over tab stops in one piece
      } else if (local == "br" || local == "cr") {
        out += '\n';  // a line break: a space in a cell, a new paragraph in the body
      } else if (local == "noBreakHyphen") {
        out += '-';
      }
      // delText and instrText (a field's code, not its result) are not text of the document.
    }
  }

  // The rows of a table (also inside content controls and custom XML around rows).
  void CollectRows(pugi::xml_node parent, int depth, std::vector<pugi::xml_node>& rows) {
    if (Deeper(depth)) return;
    for (pugi::xml_node n : parent.children()) {
      std::string_view local = Local(n);
      if (local == "tr") {
        pugi::xml_node props = Child(n, "trPr");
        if (Child(props, "del")) {  // a row deleted with tracked changes
          tracked_changes_ = true;
          continue;
        }
        rows.push_back(n);
      } else if (local == "sdt") {
        CollectRows(Child(n, "sdtContent"), depth + 1, rows);
      } else if (local == "customXml") {
        CollectRows(n, depth + 1, rows);
      }
    }
  }

  // The cells of a row, likewise.
  void CollectCells(pugi::xml_node parent, int depth, std::vector<pugi::xml_node>& cells) {
    if (Deeper(depth)) return;
    for (pugi::xml_node n : parent.children()) {
      std::string_view local = Local(n);
      if (local == "tc") {
        cells.push_back(n);
      } else if (local == "sdt") {
        CollectCells(Child(n, "sdtContent"), depth + 1, cells);
      } else if (local == "customXml") {
        CollectCells(n, depth + 1, cells);
      }
    }
  }

  int IntVal(pugi::xml_node n, int fallback, int max) const {
    if (!n) return fallback;
    std::string_view v = Val(n);
    if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string_view::npos)
      return fallback;
    return std::clamp(std::stoi(std::string(v)), 0, max);
  }

  // A cell that continues a vertical merge from the row above (like an HTML cell covered by a
  // rowspan), or a legacy horizontal merge continuation.
  bool IsMergeContinuation(pugi::xml_node props) const {
    pugi::xml_node v = Child(props, "vMerge");
    if (v && Val(v) != "restart") return true;
    pugi::xml_node h = Child(props, "hMerge");
    return h && Val(h) != "restart";
  }

  void Table(pugi::xml_node tbl, int depth, std::string* cell) {
    std::vector<pugi::xml_node> rows;
    CollectRows(tbl, depth + 1, rows);
    int index = cell == nullptr ? ++tables_ : 0;
    for (pugi::xml_node tr : rows) {
      report::SourceBlock block;
      block.kind = report::BlockKind::kRow;
      block.table = index;
      // Grid columns the row skips before its first cell.
      int column = IntVal(Child(Child(tr, "trPr"), "gridBefore"), 0, kMaxGridSpan);
      std::vector<pugi::xml_node> cells;
      CollectCells(tr, depth + 1, cells);
      for (pugi::xml_node tc : cells) {
        pugi::xml_node props = Child(tc, "tcPr");
        int span = std::max(1, IntVal(Child(props, "gridSpan"), 1, kMaxGridSpan));
        if (!IsMergeContinuation(props)) {
          std::string text;
          Blocks(tc, depth + 1, &text);
          if (cell != nullptr)
            AppendJoined(*cell, text);
          else
            block.cells.push_back({std::move(text), column});
        }
        column = std::min(column + span, kMaxColumn);
      }
      if (cell == nullptr && !block.cells.empty()) doc_.blocks.push_back(std::move(block));
    }
  }

  std::string prefix_;
  report::SourceDocument doc_;
  int tables_ = 0;
  bool tracked_changes_ = false;
  bool too_deep_ = false;
};

}  // namespace

Result<report::SourceDocument> ReadDocxReport(std::string_view bytes) {
  if (bytes.empty()) return InvalidArgument("the DOCX file is empty", "DOCX文件为空");
  GK_ASSIGN_OR_RETURN(Package package, Package::Open(bytes));
  std::string part = MainPartName(package);
  Result<std::string> xml = package.Read(part, kMaxDocumentXmlBytes);
  if (!xml.ok() && xml.status().code() == StatusCode::kNotFound)
    return NotWord("the package has no " + part, "缺少" + part);
  if (!xml.ok()) return xml.status();

  pugi::xml_document dom;
  pugi::xml_parse_result parsed = dom.load_buffer_inplace(
      xml->data(), xml->size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!parsed) {
    return InvalidArgument(part + " is not well-formed XML (" + parsed.description() + " at byte " +
                               std::to_string(parsed.offset) + ")",
                           "DOCX文件已损坏：正文XML无法解析");
  }
  pugi::xml_node root = dom.document_element();
  std::string_view root_name = root.name();
  size_t colon = root_name.find(':');
  std::string prefix(colon == std::string_view::npos ? "" : root_name.substr(0, colon + 1));
  pugi::xml_node body = root.child((prefix + "body").c_str());
  if (root_name.substr(prefix.size()) != "document" || !body)
    return NotWord(part + " holds no document body", part + "中没有正文");

  DocxWalker walker(prefix);
  walker.Body(body);
  report::SourceDocument doc = walker.Take();
  doc.reader = "docx";
  if (doc.blocks.empty())
    return InvalidArgument("the Word document has no text", "Word文档中没有文字");
  return doc;
}

}  // namespace gongkai::io
