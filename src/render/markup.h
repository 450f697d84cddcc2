// Escaping of user text (agency names, narrative) for HTML and XML output.
#pragma once

#include <string>

namespace gongkai::render {

// Escapes & < > " ' and drops C0 control characters other than tab and newline, which XML 1.0
// forbids (a stray one makes Word refuse the whole document).
inline std::string EscapeMarkup(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 16);
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
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

}  // namespace gongkai::render
