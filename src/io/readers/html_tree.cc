// The strict parser of well-formed HTML and the conversion of gumbo's tree (html_tree.h).
//
// The strict parser follows the HTML standard's tokenizer for the markup it accepts and checks, at
// each tag, that the standard's tree construction would do nothing but open or close that element
// where it stands: no implied or misnested tags, no foster parenting, no text where the standard
// moves it. Whatever it is not sure of, it refuses, and gumbo reads the page instead.
#include "io/readers/html_tree.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "core/text.h"

namespace gongkai::io {
namespace {

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }
char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    *out += static_cast<char>(c);
  } else if (c < 0x800) {
    *out += static_cast<char>(0xC0 | (c >> 6));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out += static_cast<char>(0xE0 | (c >> 12));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (c >> 18));
    *out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Named references the strict parser decodes (with their semicolon); any other is left to gumbo,
// which knows all 2,231 and the legacy ones without a semicolon.
struct NamedReference {
  std::string_view name;
  char32_t code;
};
constexpr NamedReference kNamedReferences[] = {
    {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},     {"ensp", 0x2002},  {"emsp", 0x2003},  {"thinsp", 0x2009}, {"ndash", 0x2013},
    {"mdash", 0x2014},  {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"hellip", 0x2026}, {"middot", 0xB7},  {"times", 0xD7},   {"copy", 0xA9},
};

// A numeric reference the standard passes through unchanged (no replacement table, no U+FFFD).
bool IsPlainCodePoint(uint32_t c) {
  return c == '\t' || c == '\n' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD);
}

// Whether the UTF-8 text holds a character gumbo replaces with U+FFFD wherever it stands: a
// control character other than whitespace, or a noncharacter (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF).
bool HasReplacedCharacters(std::string_view s) {
  // The bytes such a character can start with; all others are passed over with one look-up.
  static constexpr auto kSuspect = [] {
    std::array<bool, 256> suspect{};
    for (int c = 0; c < 0x20; ++c) suspect[c] = c != '\t' && c != '\n' && c != '\f' && c != '\r';
    suspect[0x7F] = suspect[0xC2] = suspect[0xEF] = true;
    for (int c = 0xF0; c < 0x100; ++c) suspect[c] = true;
    return suspect;
  }();
  auto at = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0; };
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (!kSuspect[c]) continue;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') return true;
    if (c == 0x7F) return true;
    if (c == 0xC2 && at(i + 1) >= 0x80 && at(i + 1) <= 0x9F) return true;  // C1 controls
    if (c == 0xEF && at(i + 1) == 0xB7 && at(i + 2) >= 0x90 && at(i + 2) <= 0xAF) return true;
    if (c == 0xEF && at(i + 1) == 0xBF && at(i + 2) >= 0xBE) return true;
    if (c >= 0xF0 && (at(i + 1) & 0x0F) == 0x0F && at(i + 2) == 0xBF && at(i + 3) >= 0xBE)
      return true;
  }
  return false;
}

// Elements the strict parser accepts, by how the standard builds them.
enum class Kind {
  kRefused,    // anything with special tree building the parser does not follow
  kInline,     // "any other start tag" and formatting elements: opened where they stand
  kBlock,      // closes an open <p> first: refused when one is open
  kHeading,    // a block that also closes an open heading: refused inside one
  kListItem,   // li, dd, dt: close an open item of their kind: refused inside one
  kVoid,       // no end tag
  kRawText,    // title, style, script: their text is not markup
  kTablePart,  // caption, colgroup, col, thead, tbody, tfoot, tr, td, th: only in their places
};

Kind KindOf(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_UNKNOWN:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_B:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_I:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_U:
    case GUMBO_TAG_S:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_A:
      return Kind::kInline;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_TABLE:
      return Kind::kBlock;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return Kind::kHeading;
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
      return Kind::kListItem;
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE:
      return Kind::kVoid;
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_SCRIPT:
      return Kind::kRawText;
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return Kind::kTablePart;
    default:
      return Kind::kRefused;
  }
}

// gumbo's tag for a lower-case name; the tags of table cells and rows, most of a report's markup,
// without gumbo's hash.
GumboTag TagNamed(std::string_view name) {
  if (name == "td") return GUMBO_TAG_TD;
  if (name == "tr") return GUMBO_TAG_TR;
  if (name == "th") return GUMBO_TAG_TH;
  return gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size()));
}

bool IsTableContext(GumboTag tag) {
  return tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY ||
         tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_TR || tag == GUMBO_TAG_COLGROUP;
}

bool IsRowGroup(GumboTag tag) {
  return tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT;
}

struct Tag {
  std::string name;  // lower case
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool end = false;
  bool self_closing = false;
  std::optional<std::string_view> colspan, rowspan;
};

class StrictParser {
 public:
  explicit StrictParser(std::string_view html) : s_(html) {}

  std::optional<HtmlTree> Run() {
    if (HasReplacedCharacters(s_)) return std::nullopt;
    Open(GUMBO_TAG_UNKNOWN, "");  // the document
    while (i_ < s_.size()) {
      if (s_[i_] == '<') {
        if (!Markup()) return std::nullopt;
      } else if (!Text()) {
        return std::nullopt;
      }
    }
    if (mode_ != Mode::kAfterBody && mode_ != Mode::kAfterAfterBody) return std::nullopt;
    return std::move(tree_);
  }

 private:
  enum class Mode {
    kInitial,
    kBeforeHead,
    kInHead,
    kAfterHead,
    kInBody,
    kAfterBody,
    kAfterAfterBody
  };

  struct OpenElement {
    HtmlNode* node;
    std::string name;  // for unknown elements, which only their own end tag closes
    bool implied;      // a <tbody> the standard adds around rows placed right in a <table>
  };

  HtmlNode* Current() { return stack_.back().node; }

  void Open(GumboTag tag, std::string_view name, bool implied = false) {
    HtmlNode* node = tree_.Add(stack_.empty() ? nullptr : Current());
    node->tag = tag;
    // A known element is told by its tag alone.
    stack_.push_back({node, tag == GUMBO_TAG_UNKNOWN ? std::string(name) : std::string(), implied});
  }

  // ---- Tokenizer.

  // A run of text up to the next tag: character references decoded, CR LF and CR as LF. Plain
  // text (most of it) stays where it is in the page.
  bool Text() {
    // A reference right after <pre> would make the newline it skips a question for gumbo.
    if (skip_newline_ && s_[i_] == '&') return false;
    size_t start = i_;
    while (i_ < s_.size() && s_[i_] != '<' && s_[i_] != '&' && s_[i_] != '\r') ++i_;
    if (i_ >= s_.size() || s_[i_] == '<') return Characters(s_.substr(start, i_ - start));
    std::string text(s_.substr(start, i_ - start));
    while (i_ < s_.size() && s_[i_] != '<') {
      size_t end = i_;  // a run of plain characters, copied at once
      while (end < s_.size() && s_[end] != '<' && s_[end] != '&' && s_[end] != '\r') ++end;
      text.append(s_.substr(i_, end - i_));
      i_ = end;
      if (i_ < s_.size() && s_[i_] == '&') {
        if (!Reference(&text)) return false;
      } else if (i_ < s_.size() && s_[i_] == '\r') {
        text += '\n';
        i_ += i_ + 1 < s_.size() && s_[i_ + 1] == '\n' ? 2 : 1;
      }
    }
    return Characters(tree_.Keep(std::move(text)));
  }

  bool Reference(std::string* out) {
    size_t j = i_ + 1;
    if (j >= s_.size() || !(IsAsciiAlnum(s_[j]) || s_[j] == '#')) {
      *out += '&';  // a bare ampersand
      ++i_;
      return true;
    }
    if (s_[j] == '#') return NumericReference(out);
    size_t end = j;
    while (end < s_.size() && IsAsciiAlnum(s_[end])) ++end;
    if (end >= s_.size() || s_[end] != ';') return false;
    std::string_view name = s_.substr(j, end - j);
    for (const auto& r : kNamedReferences) {
      if (r.name == name) {
        AppendUtf8(r.code, out);
        i_ = end + 1;
        return true;
      }
    }
    return false;
  }

  bool NumericReference(std::string* out) {
    size_t j = i_ + 2;
    bool hex = j < s_.size() && (s_[j] == 'x' || s_[j] == 'X');
    if (hex) ++j;
    uint32_t value = 0;
    size_t digits = 0;
    for (; j < s_.size() && digits < 8; ++j, ++digits) {
      char c = LowerAscii(s_[j]);
      int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (d < 0) break;
      value = value * (hex ? 16 : 10) + static_cast<uint32_t>(d);
    }
    if (digits == 0 || j >= s_.size() || s_[j] != ';' || !IsPlainCodePoint(value)) return false;
    AppendUtf8(value, out);
    i_ = j + 1;
    return true;
  }

  bool Markup() {
    std::string_view rest = s_.substr(i_);
    if (rest.starts_with("<!--")) return Comment();
    if (rest.size() > 2 && rest[1] == '!' && mode_ == Mode::kInitial && !seen_doctype_ &&
        EqualsAsciiCaseless(rest.substr(2, 7), "doctype")) {
      size_t end = s_.find('>', i_);
      if (end == std::string_view::npos) return false;
      seen_doctype_ = true;
      i_ = end + 1;
      return true;
    }
    Tag tag;
    if (!ReadTag(&tag)) return false;
    return tag.end ? EndTag(tag) : StartTag(tag);
  }

  // "<!--" up to the first "-->" or "--!>"; the abrupt "<!-->" and "<!--->" are left to gumbo.
  bool Comment() {
    skip_newline_ = false;
    size_t from = i_ + 4;
    std::string_view after = s_.substr(from);
    if (after.starts_with(">") || after.starts_with("->")) return false;
    size_t a = s_.find("-->", from), b = s_.find("--!>", from);
    size_t end = std::min(a == std::string_view::npos ? s_.size() : a + 3,
                          b == std::string_view::npos ? s_.size() : b + 4);
    if (end >= s_.size() && a == std::string_view::npos && b == std::string_view::npos)
      return false;  // runs to the end of the file
    i_ = end;
    return true;
  }

  bool ReadTag(Tag* tag) {
    size_t j = i_ + 1;
    if (j < s_.size() && s_[j] == '/') {
      tag->end = true;
      ++j;
    }
    if (j >= s_.size() || !IsAsciiAlpha(s_[j])) return false;  // "<" as text, "</>", "<!x>"
    size_t start = j;
    while (j < s_.size() && !IsHtmlSpace(s_[j]) && s_[j] != '/' && s_[j] != '>') ++j;
    tag->name.assign(s_.substr(start, j - start));
    for (char& c : tag->name) c = LowerAscii(c);
    tag->tag = TagNamed(tag->name);
    i_ = j;
    return Attributes(tag);
  }

  // Attributes up to the tag's ">", keeping colspan and rowspan (the first of each, as gumbo does).
  bool Attributes(Tag* tag) {
    while (true) {
      while (i_ < s_.size() && IsHtmlSpace(s_[i_])) ++i_;
      if (i_ >= s_.size()) return false;
      if (s_[i_] == '>') {
        ++i_;
        return true;
      }
      if (s_[i_] == '/') {
        if (i_ + 1 >= s_.size() || s_[i_ + 1] != '>') return false;
        tag->self_closing = true;
        i_ += 2;
        return true;
      }
      size_t start = i_;
      while (i_ < s_.size() && !IsHtmlSpace(s_[i_]) && s_[i_] != '/' && s_[i_] != '>' &&
             (s_[i_] != '=' || i_ == start)) {
        char c = s_[i_++];
        if (c == '"' || c == '\'' || c == '<' || c == '=') return false;
      }
      std::string_view name = s_.substr(start, i_ - start);
      while (i_ < s_.size() && IsHtmlSpace(s_[i_])) ++i_;
      std::string_view value;
      if (i_ < s_.size() && s_[i_] == '=') {
        ++i_;
        while (i_ < s_.size() && IsHtmlSpace(s_[i_])) ++i_;
        if (!Value(&value)) return false;
      }
      bool colspan = EqualsAsciiCaseless(name, "colspan"),
           rowspan = EqualsAsciiCaseless(name, "rowspan");
      // References and CRs in the values the reader uses are left to gumbo.
      if ((colspan || rowspan) && value.find_first_of("&\r") != std::string_view::npos)
        return false;
      if (colspan && !tag->colspan) tag->colspan = value;
      if (rowspan && !tag->rowspan) tag->rowspan = value;
    }
  }

  bool Value(std::string_view* value) {
    if (i_ >= s_.size()) return false;
    char quote = s_[i_];
    size_t end;
    if (quote == '"' || quote == '\'') {
      end = s_.find(quote, i_ + 1);
      if (end == std::string_view::npos) return false;
      *value = s_.substr(i_ + 1, end - i_ - 1);
      i_ = end + 1;
      // The next attribute must be set off by a space (or the tag end there).
      if (i_ < s_.size() && !IsHtmlSpace(s_[i_]) && s_[i_] != '>' && s_[i_] != '/') return false;
    } else {
      end = i_;
      while (end < s_.size() && !IsHtmlSpace(s_[end]) && s_[end] != '>') {
        if (std::strchr("\"'<=`", s_[end]) != nullptr) return false;
        ++end;
      }
      if (end == i_) return false;  // "<td a=>": no value
      *value = s_.substr(i_, end - i_);
      i_ = end;
    }
    return true;
  }

  // The text of a title, style or script element, which ends at the first matching end tag.
  bool SkipRawText(const std::string& name) {
    for (size_t at = s_.find("</", i_); at != std::string_view::npos; at = s_.find("</", at + 2)) {
      size_t after = at + 2 + name.size();
      if (after >= s_.size() || !EqualsAsciiCaseless(s_.substr(at + 2, name.size()), name))
        continue;
      char c = s_[after];
      if (!IsHtmlSpace(c) && c != '/' && c != '>') continue;
      // A script's "<!--" switches the tokenizer to escaped states this parser does not follow.
      std::string_view content = s_.substr(i_, at - i_);
      if (name == "script" && content.find("<!--") != std::string_view::npos) return false;
      i_ = at;  // the end tag is read as any other
      return true;
    }
    return false;
  }

  // ---- Tree construction.

  bool Characters(std::string_view text) {
    bool space = std::all_of(text.begin(), text.end(), IsHtmlSpace);
    if (mode_ != Mode::kInBody) return space;  // whitespace outside the body is not read
    if (IsTableContext(Current()->tag) && !space) return false;  // foster-parented
    if (skip_newline_ && !text.empty() && text[0] == '\n') text.remove_prefix(1);
    skip_newline_ = false;
    if (text.empty()) return true;
    HtmlNode* node = tree_.Add(Current());
    node->element = false;
    node->text = text;
    return true;
  }

  bool StartTag(const Tag& t) {
    skip_newline_ = false;
    Kind kind = KindOf(t.tag);
    if (t.self_closing && kind != Kind::kVoid) return false;  // "<div/>" opens a div
    switch (mode_) {
      case Mode::kInitial:
        if (t.tag != GUMBO_TAG_HTML) return false;
        Open(t.tag, t.name);
        mode_ = Mode::kBeforeHead;
        return true;
      case Mode::kBeforeHead:
        if (t.tag != GUMBO_TAG_HEAD) return false;
        Open(t.tag, t.name);
        mode_ = Mode::kInHead;
        return true;
      case Mode::kInHead:
        if (t.tag == GUMBO_TAG_META || t.tag == GUMBO_TAG_LINK || t.tag == GUMBO_TAG_BASE) {
          return Void(t);
        }
        return kind == Kind::kRawText && RawText(t);
      case Mode::kAfterHead:
        if (t.tag != GUMBO_TAG_BODY) return false;
        Open(t.tag, t.name);
        mode_ = Mode::kInBody;
        return true;
      case Mode::kInBody:
        return BodyStartTag(t, kind);
      case Mode::kAfterBody:
      case Mode::kAfterAfterBody:
        return false;
    }
    return false;
  }

  bool Void(const Tag& t) {
    Open(t.tag, t.name);
    Current()->colspan = t.colspan;
    Current()->rowspan = t.rowspan;
    stack_.pop_back();
    return true;
  }

  bool RawText(const Tag& t) {
    if (!SkipRawText(t.name)) return false;
    Open(t.tag, t.name);  // its text is never read, so it is not kept
    return true;
  }

  bool BodyStartTag(const Tag& t, Kind kind) {
    GumboTag current = Current()->tag;
    if (kind == Kind::kTablePart) return TablePart(t);
    if (IsTableContext(current)) return false;  // foster parenting, implied cells
    switch (kind) {
      case Kind::kInline:
        if (t.tag == GUMBO_TAG_A && OnStack(GUMBO_TAG_A)) return false;  // the adoption agency
        Open(t.tag, t.name);
        return true;
      case Kind::kBlock:
      case Kind::kHeading:
        if (PInButtonScope()) return false;
        if (kind == Kind::kHeading && current >= GUMBO_TAG_H1 && current <= GUMBO_TAG_H6)
          return false;
        Open(t.tag, t.name);
        skip_newline_ = t.tag == GUMBO_TAG_PRE;  // a newline right after <pre> is not content
        return true;
      case Kind::kListItem:
        if (PInButtonScope() || OpenListItem(t.tag)) return false;
        Open(t.tag, t.name);
        return true;
      case Kind::kVoid:
        if (t.tag == GUMBO_TAG_HR && PInButtonScope()) return false;
        return Void(t);
      case Kind::kRawText:
        return RawText(t);
      default:
        return false;
    }
  }

  // caption, colgroup, col, row groups, rows and cells, each only where the markup puts it in the
  // tree as written; the one exception followed is the <tbody> implied around a table's rows.
  bool TablePart(const Tag& t) {
    const OpenElement& top = stack_.back();
    bool implied_tbody = top.implied && top.node->tag == GUMBO_TAG_TBODY;
    switch (t.tag) {
      case GUMBO_TAG_CAPTION:
      case GUMBO_TAG_COLGROUP:
      case GUMBO_TAG_THEAD:
      case GUMBO_TAG_TBODY:
      case GUMBO_TAG_TFOOT:
        if (implied_tbody) stack_.pop_back();  // the implied tbody ends here
        if (Current()->tag != GUMBO_TAG_TABLE) return false;
        Open(t.tag, t.name);
        return true;
      case GUMBO_TAG_COL:
        return Current()->tag == GUMBO_TAG_COLGROUP && Void(t);
      case GUMBO_TAG_TR:
        if (Current()->tag == GUMBO_TAG_TABLE) Open(GUMBO_TAG_TBODY, "tbody", true);
        if (!IsRowGroup(Current()->tag)) return false;
        Open(t.tag, t.name);
        return true;
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH:
        if (Current()->tag != GUMBO_TAG_TR) return false;
        Open(t.tag, t.name);
        Current()->colspan = t.colspan;
        Current()->rowspan = t.rowspan;
        return true;
      default:
        return false;
    }
  }

  bool EndTag(const Tag& t) {
    skip_newline_ = false;
    if (t.self_closing) return false;
    switch (mode_) {
      case Mode::kInHead:
        if (t.tag != GUMBO_TAG_HEAD) return Close(t);  // a title, style or script
        stack_.pop_back();
        mode_ = Mode::kAfterHead;
        return true;
      case Mode::kInBody:
        if (t.tag == GUMBO_TAG_BODY) {
          if (Current()->tag != GUMBO_TAG_BODY) return false;
          stack_.pop_back();
          mode_ = Mode::kAfterBody;
          return true;
        }
        if (t.tag == GUMBO_TAG_TABLE && stack_.back().implied) stack_.pop_back();
        return KindOf(t.tag) != Kind::kVoid && Close(t);
      case Mode::kAfterBody:
        if (t.tag != GUMBO_TAG_HTML) return false;
        stack_.pop_back();
        mode_ = Mode::kAfterAfterBody;
        return true;
      default:
        return false;
    }
  }

  // An end tag closes the current element and nothing else.
  bool Close(const Tag& t) {
    const OpenElement& top = stack_.back();
    if (top.implied || top.node->tag != t.tag) return false;
    if (t.tag == GUMBO_TAG_UNKNOWN && top.name != t.name) return false;
    stack_.pop_back();
    return true;
  }

  bool OnStack(GumboTag tag) const {
    return std::any_of(stack_.begin(), stack_.end(),
                       [&](const OpenElement& o) { return o.node->tag == tag; });
  }

  // A <p> the standard would close before a block: open, with no table cell or caption between.
  bool PInButtonScope() const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      GumboTag tag = it->node->tag;
      if (tag == GUMBO_TAG_P) return true;
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH || tag == GUMBO_TAG_CAPTION ||
          tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_HTML)
        return false;
    }
    return false;
  }

  // An open li (for li) or dd/dt (for dd, dt) that the new item would close: one reached from the
  // current element through inline elements, <address>, <div> and <p> only.
  bool OpenListItem(GumboTag item) const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      GumboTag tag = it->node->tag;
      if (item == GUMBO_TAG_LI ? tag == GUMBO_TAG_LI : tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT)
        return true;
      if (KindOf(tag) != Kind::kInline && tag != GUMBO_TAG_ADDRESS && tag != GUMBO_TAG_DIV &&
          tag != GUMBO_TAG_P)
        return false;
    }
    return false;
  }

  std::string_view s_;
  size_t i_ = 0;
  Mode mode_ = Mode::kInitial;
  bool seen_doctype_ = false;
  bool skip_newline_ = false;
  HtmlTree tree_;
  std::vector<OpenElement> stack_;
};

}  // namespace

std::optional<HtmlTree> ParseWellFormedHtml(std::string_view html) {
  return StrictParser(html).Run();
}

HtmlTree FromGumbo(const GumboNode* document) {
  HtmlTree tree;
  HtmlNode* root = tree.Add(nullptr);
  std::vector<std::pair<const GumboNode*, HtmlNode*>> todo{{document, root}};
  while (!todo.empty()) {
    auto [from, to] = todo.back();
    todo.pop_back();
    const GumboVector& kids =
        from->type == GUMBO_NODE_DOCUMENT ? from->v.document.children : from->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      auto* kid = static_cast<const GumboNode*>(kids.data[i]);
      if (kid->type == GUMBO_NODE_COMMENT || kid->type == GUMBO_NODE_TEMPLATE) continue;
      HtmlNode* node = tree.Add(to);
      if (kid->type != GUMBO_NODE_ELEMENT) {
        node->element = false;
        node->text = kid->v.text.text;
        continue;
      }
      node->tag = kid->v.element.tag;
      if (const GumboAttribute* a = gumbo_get_attribute(&kid->v.element.attributes, "colspan"))
        node->colspan = a->value;
      if (const GumboAttribute* a = gumbo_get_attribute(&kid->v.element.attributes, "rowspan"))
        node->rowspan = a->value;
      todo.push_back({kid, node});
    }
  }
  return tree;
}

}  // namespace gongkai::io
