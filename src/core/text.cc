#include "core/text.h"

#include <cstdint>
#include <cstring>

namespace gongkai {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      // A run of ASCII (markup, figures) is passed over eight bytes at a time.
      uint64_t word;
      while (i + 8 <= n && (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080u) == 0))
        i += 8;
      continue;
    }
    // Three-byte characters led by E1..EC or EE..EF (most of Chinese) can be neither overlong nor
    // surrogates: only their continuation bytes need checking.
    if (((c >= 0xE1 && c <= 0xEC) || c >= 0xEE) && c <= 0xEF && i + 3 <= n) {
      auto c1 = static_cast<unsigned char>(s[i + 1]), c2 = static_cast<unsigned char>(s[i + 2]);
      if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return false;
      i += 3;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

std::optional<size_t> CountControlBytes(std::string_view s) {
  size_t control = 0;
  for (size_t i = 0; i < s.size();) {
    // Eight bytes at a time while none is below 0x20, the usual case in text: the bit trick finds
    // a byte below 0x20 in a word without looking at each.
    if (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      constexpr uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;
      if (((word - kOnes * 0x20) & ~word & kHigh) == 0) {
        i += 8;
        continue;
      }
    }
    auto c = static_cast<unsigned char>(s[i++]);
    if (c == 0) return std::nullopt;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control;
}

bool EqualsAsciiCaseless(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t k = 0; k < s.size(); ++k) {
    char c = s[k] >= 'A' && s[k] <= 'Z' ? static_cast<char>(s[k] - 'A' + 'a') : s[k];
    if (c != lower[k]) return false;
  }
  return true;
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

Status CheckText(std::string_view s, size_t min_chars, size_t max_chars, std::string_view field_en,
                 std::string_view field_zh) {
  std::string en(field_en), zh(field_zh);
  if (!IsValidUtf8(s)) {
    return InvalidArgument(en + " is not valid UTF-8 text", zh + "包含无效字符编码");
  }
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\n' && c != '\t') {
      return InvalidArgument(en + " contains control characters", zh + "包含控制字符");
    }
  }
  size_t len = Utf8Length(s);
  if (len < min_chars) {
    return InvalidArgument(en + " is required", zh + "不能为空");
  }
  if (len > max_chars) {
    return InvalidArgument(en + " is longer than " + std::to_string(max_chars) + " characters",
                           zh + "不能超过" + std::to_string(max_chars) + "个字");
  }
  return OkStatus();
}

}  // namespace gongkai
