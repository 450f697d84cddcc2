// Sanitising rich text in three steps:
// 1. gumbo parses the body; the walk (without recursion: gumbo trees can be 100,000 levels deep)
//    keeps allowed elements with their cleaned attributes, unwraps the rest, drops dangerous
//    subtrees and flattens nesting below kMaxDepth;
// 2. the kept tree is normalised so that the HTML parser reads the output back as the same tree:
//    no block inside a paragraph, li only in a list, table parts only in their table, no link
//    inside a link; whitespace at block boundaries trimmed and runs of blank paragraphs collapsed;
// 3. the tree is written out, text escaped.
#include "io/html_sanitize.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <set>

#include "core/text.h"
#include "io/gumbo_arena.h"

namespace gongkai::io {
namespace {

// 2 MB of dense or malformed markup grows gumbo's tree far beyond its size; a web request must not.
constexpr size_t kMaxParseBytes = 256u << 20;
constexpr auto kMaxParseTime = std::chrono::seconds(5);
constexpr int kMaxDepth = 200;       // kept elements nested deeper are unwrapped
constexpr int kTableDepth = 4;       // table > tbody > tr > td
constexpr size_t kMaxNotes = 50;     // removed[] is for people; a hostile body could name thousands
constexpr size_t kMaxNoteName = 30;  // characters of an element or attribute name in a note
constexpr int kMaxSpan = 100;
constexpr int kMaxImageSize = 10000;
constexpr std::string_view kLinkRel = "noopener noreferrer nofollow";

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// The code point at s[i] and its length in bytes, or 0 for an invalid UTF-8 sequence.
size_t DecodeAt(std::string_view s, size_t i, uint32_t& cp) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80             ? 1
               : (c & 0xE0) == 0xC0 ? 2
               : (c & 0xF0) == 0xE0 ? 3
               : (c & 0xF8) == 0xF0 ? 4
                                    : 0;
  if (len == 0 || i + len > s.size()) return 0;
  cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
  for (size_t k = 1; k < len; ++k) {
    auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// Text as it can be written out and read back unchanged. Invalid UTF-8 becomes U+FFFD, as the
// parser makes it. Control characters other than whitespace, and noncharacters, are left out:
// references such as &#3; decode into them, but written raw the parser would read them as U+FFFD.
std::string Readable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    size_t len = DecodeAt(s, i, cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    bool junk = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\f' && cp != '\r') ||
                (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
                (cp & 0xFFFE) == 0xFFFE;
    if (!junk) out.append(s, i, len);
    i += len;
  }
  return out;
}

void AppendEscaped(std::string_view s, std::string& out) {
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\r':
        out += "&#13;";
        break;  // a raw CR would be read back as LF
      default:
        out += c;
    }
  }
}

// What was dropped, each note once, in order of first appearance, at most kMaxNotes.
class Notes {
 public:
  void Add(std::string note) {
    if (list_.size() < kMaxNotes && seen_.insert(note).second) list_.push_back(std::move(note));
  }
  std::vector<std::string> Take() { return std::move(list_); }

 private:
  std::set<std::string> seen_;
  std::vector<std::string> list_;
};

// An element or attribute name fit for a note: lower-case ASCII letters, digits and ":_.-".
std::string NoteName(std::string_view name) {
  std::string out;
  for (char c : name) {
    c = Lower(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '_' || c == '.' ||
        c == '-')
      out += c;
    if (out.size() == kMaxNoteName) break;
  }
  return out.empty() ? "unnamed" : out;
}

std::string ElementName(const GumboElement& e) {
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  if (piece.data == nullptr || piece.length == 0) return "unnamed";
  gumbo_tag_from_original_text(&piece);
  return NoteName(std::string_view(piece.data, piece.length));
}

// ---- Step 1: the kept tree ----------------------------------------------------------------------

// A kept element or a text. `text` holds a text node's text, or an element's attributes already
// written out (` href="…" rel="…"`).
struct Node {
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // GUMBO_TAG_UNKNOWN: a text node
  std::string text;
  std::vector<Node> children;
  bool IsText() const { return tag == GUMBO_TAG_UNKNOWN; }
};

void AppendText(std::vector<Node>& out, std::string_view text) {
  if (text.empty()) return;
  if (!out.empty() && out.back().IsText()) {
    out.back().text += text;
  } else {
    out.push_back({GUMBO_TAG_UNKNOWN, std::string(text), {}});
  }
}

enum class Action { kKeep, kUnwrap, kDrop };

Action ActionFor(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_B:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_I:
    case GUMBO_TAG_U:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_A:
    case GUMBO_TAG_IMG:
      return Action::kKeep;
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    // Fallback content for plug-ins and frames, never meant to be read on a page like ours.
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_APPLET:
      return Action::kDrop;
    default:
      return Action::kUnwrap;
  }
}

// A URL as the browser will read it: tabs and newlines removed anywhere, C0 controls and spaces
// trimmed at both ends (gumbo has already decoded the entities). `scheme` is set when the URL
// names one.
struct CleanUrl {
  std::string url;
  std::string scheme;  // lower case; empty for a relative URL
  bool has_scheme = false;
};

CleanUrl Clean(std::string_view raw) {
  CleanUrl r;
  for (char c : raw)
    if (c != '\t' && c != '\n' && c != '\r') r.url += c;
  size_t begin = 0, end = r.url.size();
  while (begin < end && static_cast<unsigned char>(r.url[begin]) <= 0x20) ++begin;
  while (end > begin && static_cast<unsigned char>(r.url[end - 1]) <= 0x20) --end;
  r.url = r.url.substr(begin, end - begin);
  // Anything before a colon that comes ahead of the path, query or fragment is taken for a scheme,
  // so that nothing a browser might read as one slips through as "relative".
  size_t colon = r.url.find_first_of(":/?#\\");
  if (colon != std::string::npos && r.url[colon] == ':') {
    r.has_scheme = true;
    r.scheme = LowerAscii(r.url.substr(0, colon));
  }
  return r;
}

// "javascript: link", or "unsafe link" when the scheme is not even well formed.
std::string UrlNote(const CleanUrl& u, std::string_view what) {
  bool plain =
      !u.scheme.empty() && u.scheme.size() <= 20 && u.scheme[0] >= 'a' && u.scheme[0] <= 'z' &&
      std::all_of(u.scheme.begin(), u.scheme.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
      });
  return (plain ? u.scheme + ": " : std::string("unsafe ")) + std::string(what);
}

// Digits only (ASCII whitespace around them allowed), within [1, max]; 0 otherwise.
int PositiveNumber(std::string_view raw, int max) {
  std::string_view s = TrimAscii(raw);
  if (s.empty() || s.size() > 6) return 0;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n >= 1 && n <= max ? n : 0;
}

void AppendAttribute(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  AppendEscaped(value, out);
  out += '"';
}

// The kept attributes of an allowed element, written out in a fixed order; notes for the rest.
// False when the element itself cannot stay: a link without a usable href is unwrapped, an image
// without a usable src dropped.
bool KeptAttributes(GumboTag tag, const GumboVector& attrs, Notes& notes, std::string& out) {
  std::string href, src, alt, width, height, colspan, rowspan;
  bool has_href = false, has_src = false, has_alt = false;
  for (unsigned i = 0; i < attrs.length; ++i) {
    auto* attr = static_cast<const GumboAttribute*>(attrs.data[i]);
    std::string_view name = attr->name;
    std::string clean_value = Readable(attr->value);
    std::string_view value = clean_value;
    auto number = [&](std::string& into, int max) {
      int n = PositiveNumber(value, max);
      if (n > 0) {
        into = std::to_string(n);
      } else {
        notes.Add(std::string(name) + " attribute");
      }
    };
    if (tag == GUMBO_TAG_A && name == "href") {
      CleanUrl u = Clean(value);
      if (!u.has_scheme || u.scheme == "http" || u.scheme == "https" || u.scheme == "mailto") {
        href = u.url;
        has_href = !href.empty();
      } else {
        notes.Add(UrlNote(u, "link"));
      }
    } else if (tag == GUMBO_TAG_A && name == "rel") {
      // replaced by kLinkRel
    } else if (tag == GUMBO_TAG_IMG && name == "src") {
      CleanUrl u = Clean(value);
      if (!u.has_scheme || u.scheme == "http" || u.scheme == "https") {
        src = u.url;
        has_src = !src.empty();
      } else {
        notes.Add(UrlNote(u, "image"));
        return false;
      }
    } else if (tag == GUMBO_TAG_IMG && name == "alt") {
      alt = value;
      has_alt = true;
    } else if (tag == GUMBO_TAG_IMG && name == "width") {
      number(width, kMaxImageSize);
    } else if (tag == GUMBO_TAG_IMG && name == "height") {
      number(height, kMaxImageSize);
    } else if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && name == "colspan") {
      number(colspan, kMaxSpan);
    } else if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && name == "rowspan") {
      number(rowspan, kMaxSpan);
    } else {
      notes.Add(NoteName(name) + " attribute");
    }
  }
  if (tag == GUMBO_TAG_A) {
    if (!has_href) return false;
    AppendAttribute(out, "href", href);
    AppendAttribute(out, "rel", kLinkRel);
  }
  if (tag == GUMBO_TAG_IMG) {
    if (!has_src) {
      notes.Add("image without a source");
      return false;
    }
    AppendAttribute(out, "src", src);
    if (has_alt) AppendAttribute(out, "alt", alt);
    if (!width.empty()) AppendAttribute(out, "width", width);
    if (!height.empty()) AppendAttribute(out, "height", height);
  }
  if (!colspan.empty()) AppendAttribute(out, "colspan", colspan);
  if (!rowspan.empty()) AppendAttribute(out, "rowspan", rowspan);
  return true;
}

const GumboVector* Children(const GumboNode* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (node->type == GUMBO_NODE_ELEMENT) return &node->v.element.children;
  return nullptr;
}

// The kept tree of a parsed document, under a root tagged GUMBO_TAG_BODY.
Node KeptTree(const GumboNode* document, Notes& notes) {
  Node root{GUMBO_TAG_BODY, {}, {}};
  std::vector<Node*> open{&root};  // the kept elements being filled, innermost last
  struct Frame {
    const GumboNode* node;
    unsigned next;
    bool kept;
  };
  std::vector<Frame> stack;
  // Visits a node: text is appended, a kept element opened, and the children of what is kept or
  // unwrapped are walked next.
  auto enter = [&](const GumboNode* n) {
    switch (n->type) {
      case GUMBO_NODE_DOCUMENT:
        stack.push_back({n, 0, false});
        return;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        AppendText(open.back()->children, Readable(n->v.text.text));
        return;
      case GUMBO_NODE_COMMENT:
        notes.Add("comment");
        return;
      case GUMBO_NODE_TEMPLATE:
        notes.Add("template element");
        return;
      case GUMBO_NODE_ELEMENT:
        break;
    }
    const GumboElement& e = n->v.element;
    GumboTag tag = e.tag;
    if (e.tag_namespace != GUMBO_NAMESPACE_HTML) {
      notes.Add(ElementName(e) + " element");
      return;
    }
    Action action = ActionFor(tag);
    if (tag == GUMBO_TAG_HEAD) {  // only what belongs there (style, meta, title…): dropped
      for (unsigned i = 0; i < e.children.length; ++i) {
        auto* child = static_cast<const GumboNode*>(e.children.data[i]);
        if (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE)
          notes.Add(ElementName(child->v.element) + " element");
        if (child->type == GUMBO_NODE_COMMENT) notes.Add("comment");
      }
      return;
    }
    if (action == Action::kDrop) {
      notes.Add(ElementName(e) + " element");
      return;
    }
    std::string attrs;
    if (action == Action::kKeep) {
      int depth = static_cast<int>(open.size()) - 1;
      int room = tag == GUMBO_TAG_TABLE ? kTableDepth : 1;
      if (depth + room > kMaxDepth) {
        notes.Add("markup nested deeper than " + std::to_string(kMaxDepth) + " levels");
        action = Action::kUnwrap;
      } else if (!KeptAttributes(tag, e.attributes, notes, attrs)) {
        if (tag == GUMBO_TAG_IMG) return;
        action = Action::kUnwrap;  // a link without a usable href
      }
    }
    if (action == Action::kUnwrap) {
      if (tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_A)
        notes.Add(ElementName(e) + " tag");
      if (tag != GUMBO_TAG_A)
        for (unsigned i = 0; i < e.attributes.length; ++i)
          notes.Add(NoteName(static_cast<const GumboAttribute*>(e.attributes.data[i])->name) +
                    " attribute");
      stack.push_back({n, 0, false});
      return;
    }
    if (tag == GUMBO_TAG_H1) tag = GUMBO_TAG_H2;
    std::vector<Node>& siblings = open.back()->children;
    siblings.push_back({tag, std::move(attrs), {}});
    open.push_back(&siblings.back());
    stack.push_back({n, 0, true});
  };
  enter(document);
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* kids = Children(top.node);
    if (kids != nullptr && top.next < kids->length) {
      enter(static_cast<const GumboNode*>(kids->data[top.next++]));  // may grow the stack
    } else {
      if (top.kept) open.pop_back();
      stack.pop_back();
    }
  }
  return root;
}

// ---- Step 2: normalise so the output reads back as the same tree --------------------------------

// Where children are being placed.
enum class Ctx {
  kFlow,      // blocks and inline content: the body, blockquote, li, td, th, caption
  kList,      // directly in ul or ol: flow content and li
  kPhrasing,  // p and h2–h6: inline content only
  kPre,       // pre: inline content only, whitespace kept
  kTable,     // directly in table: caption, thead, tbody, tfoot
  kSection,   // directly in thead, tbody, tfoot: tr
  kRow,       // directly in tr: th, td
};

bool IsTableCtx(Ctx c) { return c == Ctx::kTable || c == Ctx::kSection || c == Ctx::kRow; }

// Elements that start a new block; the parser closes an open p before each.
bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_TABLE:
      return true;
    default:
      return false;
  }
}

// Elements laid out on lines of their own: whitespace next to them is not shown, and the output
// has a newline after each.
bool IsBlockish(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_LI:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
      return true;
    default:
      return IsBlock(tag);
  }
}

bool IsVoid(GumboTag tag) {
  return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR || tag == GUMBO_TAG_IMG;
}

bool IsTablePart(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

// Whether a paragraph-like element holds a block as the normaliser would keep it inside: looking
// through everything that is not itself a block (inline elements, and li and table parts, which
// are unwrapped where they would land).
bool ContainsBlock(const Node& n) {
  for (const Node& k : n.children) {
    if (k.IsText()) continue;
    if (IsBlock(k.tag) || ContainsBlock(k)) return true;
  }
  return false;
}

// Bytes of a blank character at s[i] (ASCII whitespace, no-break space, ideographic space), or 0.
size_t BlankAt(std::string_view s, size_t i) {
  if (IsAsciiSpace(s[i])) return 1;
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  if (s.substr(i, 3) == "\xE3\x80\x80") return 3;
  return 0;
}

// A paragraph showing nothing: blank text, line breaks and inline elements holding no more.
bool IsBlank(const Node& n) {
  if (n.IsText()) {
    for (size_t i = 0; i < n.text.size();) {
      size_t b = BlankAt(n.text, i);
      if (b == 0) return false;
      i += b;
    }
    return true;
  }
  if (n.tag == GUMBO_TAG_IMG || n.tag == GUMBO_TAG_HR) return false;
  return std::all_of(n.children.begin(), n.children.end(), IsBlank);
}

// Whitespace next to blocks (and at the edges of a block container) is trimmed; at the top level,
// inline content between blocks becomes a paragraph (so that any output has markup and is never
// mistaken for plain text); blank paragraphs become one <p><br></p> per run, none at the edges of
// a container.
void Tidy(std::vector<Node>& kids, bool container, bool top_level = false) {
  std::vector<Node> trimmed;
  bool run_open = false;
  for (size_t i = 0; i < kids.size(); ++i) {
    if (kids[i].IsText()) {
      std::string_view t = kids[i].text;
      bool at_start = i == 0 ? container : IsBlockish(kids[i - 1].tag);
      bool at_end = i + 1 == kids.size() ? container : IsBlockish(kids[i + 1].tag);
      while (at_start && !t.empty() && IsAsciiSpace(t.front())) t.remove_prefix(1);
      while (at_end && !t.empty() && IsAsciiSpace(t.back())) t.remove_suffix(1);
      if (t.empty()) continue;
      kids[i].text = std::string(t);
    }
    if (top_level && !IsBlockish(kids[i].tag) && !ContainsBlock(kids[i])) {
      if (!run_open) trimmed.push_back({GUMBO_TAG_P, {}, {}});
      run_open = true;
      trimmed.back().children.push_back(std::move(kids[i]));
    } else {
      run_open = false;
      trimmed.push_back(std::move(kids[i]));
    }
  }
  std::vector<Node> out;
  bool last_blank = false;
  for (Node& k : trimmed) {
    bool blank = k.tag == GUMBO_TAG_P && IsBlank(k);
    if (blank && (out.empty() ? container : last_blank)) continue;
    if (blank) {
      k.children.clear();
      k.children.push_back({GUMBO_TAG_BR, {}, {}});
    }
    last_blank = blank;
    out.push_back(std::move(k));
  }
  if (container && last_blank) out.pop_back();
  kids = std::move(out);
}

void Normalize(const std::vector<Node>& in, Ctx ctx, bool in_link, std::vector<Node>& out);

// An element kept where it is, its children normalised in `inner`.
void Keep(const Node& e, Ctx inner, bool in_link, bool container, std::vector<Node>& out) {
  Node k{e.tag, e.text, {}};
  Normalize(e.children, inner, in_link, k.children);
  if (inner == Ctx::kFlow || inner == Ctx::kList) Tidy(k.children, container);
  bool inline_element = !IsBlockish(e.tag) && !IsVoid(e.tag) && e.tag != GUMBO_TAG_TD &&
                        e.tag != GUMBO_TAG_TH && e.tag != GUMBO_TAG_LI;
  if (inline_element && k.children.empty()) return;  // <b></b> shows nothing
  out.push_back(std::move(k));
}

void Normalize(const std::vector<Node>& in, Ctx ctx, bool in_link, std::vector<Node>& out) {
  Ctx inherit = ctx == Ctx::kList ? Ctx::kFlow : ctx;
  for (const Node& e : in) {
    if (e.IsText()) {
      if (!IsTableCtx(ctx)) AppendText(out, e.text);
      continue;
    }
    GumboTag t = e.tag;
    bool phrasing = ctx == Ctx::kPhrasing || ctx == Ctx::kPre;
    if (ctx == Ctx::kTable) {
      if (t == GUMBO_TAG_CAPTION) {
        Keep(e, Ctx::kFlow, in_link, true, out);
      } else if (t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TBODY || t == GUMBO_TAG_TFOOT) {
        Keep(e, Ctx::kSection, in_link, false, out);
      } else if (t == GUMBO_TAG_TR) {  // the parser would add the tbody
        if (out.empty() || out.back().tag != GUMBO_TAG_TBODY)
          out.push_back({GUMBO_TAG_TBODY, {}, {}});
        Keep(e, Ctx::kRow, in_link, false, out.back().children);
      } else {
        Normalize(e.children, ctx, in_link, out);
      }
    } else if (ctx == Ctx::kSection) {
      if (t == GUMBO_TAG_TR) {
        Keep(e, Ctx::kRow, in_link, false, out);
      } else {
        Normalize(e.children, ctx, in_link, out);
      }
    } else if (ctx == Ctx::kRow) {
      if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) {
        Keep(e, Ctx::kFlow, in_link, true, out);
      } else {
        Normalize(e.children, ctx, in_link, out);
      }
    } else if (IsTablePart(t) || (t == GUMBO_TAG_LI && ctx != Ctx::kList) ||
               (t == GUMBO_TAG_A && in_link) || (IsBlock(t) && phrasing)) {
      Normalize(e.children, ctx, in_link, out);  // would not stay where it is
    } else if (t == GUMBO_TAG_P || (t >= GUMBO_TAG_H2 && t <= GUMBO_TAG_H6) || t == GUMBO_TAG_PRE) {
      if (ContainsBlock(e)) {
        Normalize(e.children, ctx, in_link, out);
      } else {
        Keep(e, t == GUMBO_TAG_PRE ? Ctx::kPre : Ctx::kPhrasing, in_link, false, out);
      }
    } else if (t == GUMBO_TAG_UL || t == GUMBO_TAG_OL) {
      Keep(e, Ctx::kList, in_link, true, out);
    } else if (t == GUMBO_TAG_BLOCKQUOTE || t == GUMBO_TAG_LI) {
      Keep(e, Ctx::kFlow, in_link, true, out);
    } else if (t == GUMBO_TAG_TABLE) {
      Keep(e, Ctx::kTable, in_link, false, out);
    } else {  // inline elements, br, hr, img
      Keep(e, inherit, in_link || t == GUMBO_TAG_A, false, out);
    }
  }
}

// ---- Step 3: writing out ------------------------------------------------------------------------

void Write(const std::vector<Node>& nodes, std::string& out) {
  for (const Node& n : nodes) {
    if (n.IsText()) {
      AppendEscaped(n.text, out);
      continue;
    }
    std::string_view name = gumbo_normalized_tagname(n.tag);
    out += '<';
    out += name;
    out += n.text;
    out += '>';
    if (IsVoid(n.tag)) {
      if (n.tag == GUMBO_TAG_HR) out += '\n';
      continue;
    }
    switch (n.tag) {
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_TABLE:
      case GUMBO_TAG_THEAD:
      case GUMBO_TAG_TBODY:
      case GUMBO_TAG_TFOOT:
      case GUMBO_TAG_TR:
        out += '\n';
        break;
      case GUMBO_TAG_PRE:  // the parser drops a newline right after <pre>
        if (!n.children.empty() && n.children[0].IsText() && n.children[0].text[0] == '\n')
          out += '\n';
        break;
      default:
        break;
    }
    Write(n.children, out);
    out += "</";
    out += name;
    out += '>';
    if (IsBlockish(n.tag)) out += '\n';
  }
}

// ---- Plain text ---------------------------------------------------------------------------------

bool HasMarkup(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '<') continue;
    char c = Lower(s[i + 1]);
    if ((c >= 'a' && c <= 'z') || c == '/' || c == '!' || c == '?') return true;
  }
  return false;
}

// Paragraphs at blank lines, a <br> at every other line break.
std::string PlainTextToHtml(std::string_view text) {
  std::string out;
  bool open = false;
  size_t i = 0;
  while (i <= text.size()) {
    size_t end = text.find_first_of("\r\n", i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(i, end - i);
    while (!line.empty() && IsAsciiSpace(line.back())) line.remove_suffix(1);
    if (line.empty()) {
      if (open) out += "</p>\n";
      open = false;
    } else {
      out += open ? "<br>" : "<p>";
      open = true;
      AppendEscaped(line, out);
    }
    if (end == text.size()) break;
    i = end + (text.substr(end, 2) == "\r\n" ? 2 : 1);
  }
  if (open) out += "</p>\n";
  return out;
}

}  // namespace

Result<SanitizedHtml> SanitizeHtml(std::string_view untrusted) {
  if (untrusted.size() > kMaxRichTextBytes) {
    return InvalidArgument(
        "the body is too long: " + std::to_string(untrusted.size()) + " bytes, the limit is 2 MB",
        "正文超过2MB，请删减后再保存");
  }
  std::string html = HasMarkup(untrusted) ? std::string(untrusted) : PlainTextToHtml(untrusted);
  Notes notes;
  Node root;
  {  // gumbo's tree is freed before the kept tree is normalised
    GumboArena arena(kMaxParseBytes, kMaxParseTime);
    GumboOutput* output = arena.Parse(html);
    if (output == nullptr) {
      return InvalidArgument(
          std::string("the body's markup is too complex (the parser ran out of ") +
              arena.failure() + ")",
          "正文的格式过于复杂，无法处理，请粘贴为纯文本后再排版");
    }
    root = KeptTree(output->document, notes);
  }
  std::vector<Node> body;
  Normalize(root.children, Ctx::kFlow, false, body);
  Tidy(body, true, true);
  SanitizedHtml result;
  Write(body, result.html);
  result.removed = notes.Take();
  return result;
}

}  // namespace gongkai::io
