#include "core/publication/plain_text.h"

#include <cstdint>
#include <cstdlib>

namespace gongkai::publication {
namespace {

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool IsBlockEnd(std::string_view tag) {
  for (std::string_view b : {"/p", "br", "br/", "/li", "/h1", "/h2", "/h3", "/h4", "/tr", "/table",
                             "/div", "/blockquote"}) {
    if (tag == b) return true;
  }
  return false;
}

}  // namespace

std::string PlainTextOfHtml(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      std::string_view tag = html.substr(i + 1, end - i - 1);
      size_t space = tag.find_first_of(" \t\n");
      if (space != std::string_view::npos) tag = tag.substr(0, space);
      if (IsBlockEnd(tag)) {
        out += '\n';
      } else if (tag == "/td" || tag == "/th") {
        out += ' ';
      }
      i = end + 1;
    } else if (c == '&') {
      size_t end = html.find(';', i);
      if (end == std::string_view::npos || end - i > 10) {
        out += c;
        ++i;
        continue;
      }
      std::string_view name = html.substr(i + 1, end - i - 1);
      if (name == "amp") {
        out += '&';
      } else if (name == "lt") {
        out += '<';
      } else if (name == "gt") {
        out += '>';
      } else if (name == "quot") {
        out += '"';
      } else if (name == "apos" || name == "#39") {
        out += '\'';
      } else if (name == "nbsp") {
        out += ' ';
      } else if (!name.empty() && name[0] == '#') {
        std::string digits(name.substr(1));
        int base = 10;
        if (!digits.empty() && (digits[0] == 'x' || digits[0] == 'X')) {
          base = 16;
          digits.erase(0, 1);
        }
        char* stop = nullptr;
        unsigned long cp = std::strtoul(digits.c_str(), &stop, base);
        if (!digits.empty() && stop && *stop == '\0') AppendUtf8(out, static_cast<uint32_t>(cp));
      } else {
        out.append(html.substr(i, end - i + 1));
      }
      i = end + 1;
    } else {
      out += c;
      ++i;
    }
  }
  // Trim trailing line breaks.
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace gongkai::publication
