// What any output of SanitizeHtml must satisfy, checked independently of how it was made (for the
// unit tests and the fuzzer): no raw <script or other dangerous tag, and read back by an HTML
// parser only allowed elements, only allowed attributes (never on…), no link or image with a scheme
// other than http, https (and mailto for links).
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace gongkai::io::testing {

// "" when `html` is safe, else what is wrong with it.
inline std::string UnsafeHtml(std::string_view html) {
  std::string lower(html);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const char* tag : {"<script", "<style", "<iframe", "<svg", "<math", "<object", "<embed"})
    if (lower.find(tag) != std::string::npos) return std::string("raw ") + tag;

  // Every tag as SanitizeHtml writes it: <name( attr="value")*> or </name>, values escaped.
  for (size_t i = lower.find('<'); i != std::string::npos; i = lower.find('<', i + 1)) {
    size_t end = lower.find('>', i);
    if (end == std::string::npos) return "unterminated tag";
    std::string_view tag = std::string_view(lower).substr(i + 1, end - i - 1);
    if (tag.starts_with('/')) tag.remove_prefix(1);
    size_t name_end = tag.find(' ');
    if (name_end == std::string_view::npos) name_end = tag.size();
    for (size_t a = name_end; a < tag.size();) {
      size_t eq = tag.find("=\"", a);
      size_t close = eq == std::string_view::npos ? eq : tag.find('"', eq + 2);
      if (tag[a] != ' ' || close == std::string_view::npos) return "malformed tag";
      if (tag.substr(a + 1).starts_with("on")) return "on… attribute";
      a = close + 1;
    }
  }

  const std::string_view allowed[] = {
      "html",  "head",  "body",  "p",          "br",  "strong", "b",  "em",    "i",
      "u",     "s",     "sub",   "sup",        "ul",  "ol",     "li", "h2",    "h3",
      "h4",    "h5",    "h6",    "blockquote", "pre", "code",   "hr", "table", "caption",
      "thead", "tbody", "tfoot", "tr",         "th",  "td",     "a",  "img"};
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::string problem;
  std::vector<const GumboNode*> stack{out->document};
  while (!stack.empty() && problem.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_COMMENT) problem = "a comment";
    if (n->type == GUMBO_NODE_TEMPLATE) problem = "a template";
    const GumboVector* kids = n->type == GUMBO_NODE_DOCUMENT  ? &n->v.document.children
                              : n->type == GUMBO_NODE_ELEMENT ? &n->v.element.children
                                                              : nullptr;
    for (unsigned i = 0; kids != nullptr && i < kids->length; ++i)
      stack.push_back(static_cast<const GumboNode*>(kids->data[i]));
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& e = n->v.element;
    std::string_view name = gumbo_normalized_tagname(e.tag);
    bool ok = e.tag_namespace == GUMBO_NAMESPACE_HTML && e.tag != GUMBO_TAG_UNKNOWN;
    bool found = false;
    for (std::string_view a : allowed) found = found || a == name;
    if (!ok || !found) {
      problem = "element " + std::string(name);
      break;
    }
    if (e.tag == GUMBO_TAG_HEAD && e.children.length > 0) problem = "content in head";
    for (unsigned i = 0; i < e.attributes.length; ++i) {
      auto* attr = static_cast<const GumboAttribute*>(e.attributes.data[i]);
      std::string_view a = attr->name;
      bool fine =
          (e.tag == GUMBO_TAG_A && (a == "href" || a == "rel")) ||
          (e.tag == GUMBO_TAG_IMG && (a == "src" || a == "alt" || a == "width" || a == "height")) ||
          ((e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) && (a == "colspan" || a == "rowspan"));
      if (!fine || a.starts_with("on")) {
        problem = "attribute " + std::string(a) + " on " + std::string(name);
        break;
      }
      if (a != "href" && a != "src") continue;
      std::string url;
      for (char c : std::string_view(attr->value))
        if (c != '\t' && c != '\n' && c != '\r') url += c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
      size_t b = 0;
      while (b < url.size() && static_cast<unsigned char>(url[b]) <= 0x20) ++b;
      url.erase(0, b);
      for (const char* bad : {"javascript:", "vbscript:", "data:", "file:"})
        if (url.starts_with(bad)) problem = std::string(bad) + " in " + std::string(a);
      size_t colon = url.find_first_of(":/?#\\");
      if (colon != std::string::npos && url[colon] == ':') {
        std::string scheme = url.substr(0, colon);
        if (scheme != "http" && scheme != "https" && !(scheme == "mailto" && a == "href"))
          problem = "scheme " + scheme + " in " + std::string(a);
      }
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return problem;
}

}  // namespace gongkai::io::testing
