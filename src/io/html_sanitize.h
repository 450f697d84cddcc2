// Rich-text bodies of proactive-disclosure items. Staff paste rich text (from Word or a web editor)
// into an item's body and the portal shows it to the public, so the body is parsed with a real
// HTML5 parser (gumbo) and only an allowlist of elements and attributes is written back out.
//
// Callers may rely on:
// - the output holds only p, br, strong, b, em, i, u, s, sub, sup, ul, ol, li, h2–h6 (h1 becomes
//   h2), blockquote, pre, code, hr, table, caption, thead, tbody, tfoot, tr, th, td, a and img;
//   other elements are unwrapped (their content kept), except script, style, iframe, object, embed,
//   template, noscript, svg, math, form and its controls, link, meta, base, head and title, whose
//   content is dropped too;
// - the only attributes are a href (http:, https:, mailto: or a relative URL without a scheme,
//   always with rel="noopener noreferrer nofollow"), img src (http:, https: or relative), alt,
//   width and height (digits), and td/th colspan and rowspan (1–100);
// - text is escaped; comments and doctypes are dropped; plain text without tags becomes
//   paragraphs (a blank line between paragraphs, a single newline a <br>);
// - the output is well formed, parses to the same tree in quirks and standards mode, and is a fixed
//   point: SanitizeHtml(SanitizeHtml(x)->html)->html == SanitizeHtml(x)->html, with nothing removed
//   the second time;
// - valid UTF-8 in gives valid UTF-8 out, Chinese text byte for byte.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace gongkai::io {

struct SanitizedHtml {
  std::string html;
  // Short English notes of what was dropped ("script element", "onclick attribute",
  // "javascript: link", "span tag"), each once, in order of first appearance: for the audit log
  // and a notice to the clerk.
  std::vector<std::string> removed;
};

inline constexpr size_t kMaxRichTextBytes = 2u << 20;  // 2 MB

// InvalidArgument when the body is over kMaxRichTextBytes or too complex to parse within the
// parser's memory and time budget.
Result<SanitizedHtml> SanitizeHtml(std::string_view untrusted);

}  // namespace gongkai::io
