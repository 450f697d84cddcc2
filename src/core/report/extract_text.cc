#include "core/report/extract_text.h"

namespace gongkai::report {
namespace {

char32_t Decode(std::string_view s, size_t i, size_t* len) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80 || i + 1 >= s.size()) {
    *len = 1;
    return b;
  }
  if (b >= 0xE0 && b < 0xF0 && i + 2 < s.size()) {
    *len = 3;
    return ((b & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3F);
  }
  if (b >= 0xC0 && b < 0xE0) {
    *len = 2;
    return ((b & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
  }
  *len = b >= 0xF0 ? std::min<size_t>(4, s.size() - i) : 1;
  return 0xFFFD;
}

bool IsPunctuation(char32_t c) {
  if (c < 0x80)
    return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  // General punctuation, CJK symbols and punctuation, full-width forms' punctuation.
  return (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) || c == 0xA0 || c == 0x00B7 ||
         c == 0xFFFD;
}

bool IsListNumeral(std::string_view key, size_t i, size_t* len) {
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五",
                                                   "六", "七", "八", "九", "十"};
  for (std::string_view n : kNumerals) {
    if (key.substr(i).starts_with(n)) {
      *len = n.size();
      return true;
    }
  }
  return false;
}

}  // namespace

std::string NormaliseWidth(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t copied = 0;  // text before this is in out
  for (size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    size_t len = 1;
    // Only full-width forms (EF BC 81..EF BD 9E), U+3000 (E3 80 80) and U+00A0 (C2 A0) change;
    // everything else is copied in runs. Decode still steps over each character, so that invalid
    // UTF-8 is split where it always was.
    if (b >= 0x80) {
      char32_t c = Decode(text, i, &len);
      char replacement = c >= 0xFF01 && c <= 0xFF5E ? static_cast<char>(c - 0xFF01 + 0x21)
                         : c == 0x3000 || c == 0xA0 ? ' '
                                                    : '\0';
      if (replacement != '\0') {
        out.append(text.substr(copied, i - copied));
        out += replacement;
        copied = i + len;
      }
    }
    i += len;
  }
  out.append(text.substr(copied));
  return out;
}

std::string TextKey(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t kept = 0;  // where the run of characters kept as they are started
  for (size_t i = 0; i < text.size();) {
    size_t len;
    char32_t c = Decode(text, i, &len);
    bool full_width = c >= 0xFF01 && c <= 0xFF5E;
    if (full_width || IsPunctuation(c) || c == '\t') {
      out.append(text.substr(kept, i - kept));  // the kept run ends here
      kept = i + len;
      if (full_width && !IsPunctuation(c - 0xFF01 + 0x21))
        out += static_cast<char>(c - 0xFF01 + 0x21);
    }
    i += len;
  }
  out.append(text.substr(kept));
  return out;
}

std::string_view StripListNumber(std::string_view key) {
  size_t i = 0;
  while (i < key.size() && i < 2 && key[i] >= '0' && key[i] <= '9') ++i;
  if (i == 0) {
    size_t len;
    // At most two numerals ("十一"), and never the whole key.
    while (i < key.size() && i < 6 && IsListNumeral(key, i, &len)) i += len;
  }
  if (i >= key.size()) return key;
  return key.substr(i);
}

size_t KeyLength(std::string_view key) {
  size_t n = 0;
  for (char c : key) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace gongkai::report
