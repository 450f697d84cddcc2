#include "core/report/narrative_text.h"

namespace gongkai::report {

std::u32string DecodeUtf8(std::string_view s) {
  // Written through a pointer into room for the worst case (one character per byte), then cut:
  // push_back's capacity check per character was most of the cost.
  std::u32string out(s.size(), U'\0');
  char32_t* o = out.data();
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    char32_t c = len == 1 ? b : len == 2 ? b & 0x1F : len == 3 ? b & 0x0F : b & 0x07;
    bool ok = len > 0 && i + len <= s.size();
    for (int k = 1; ok && k < len; ++k) {
      unsigned char cont = static_cast<unsigned char>(s[i + k]);
      ok = (cont >> 6) == 2;
      c = (c << 6) | (cont & 0x3F);
    }
    if (!ok) {
      *o++ = U'\uFFFD';
      ++i;
      continue;
    }
    *o++ = c;
    i += len;
  }
  out.resize(static_cast<size_t>(o - out.data()));
  return out;
}

std::string EncodeUtf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

bool IsSpaceOrPunct(char32_t c) {
  if (c < 0x80)
    return !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
  if (c >= 0x2000 && c <= 0x206F) return true;  // general punctuation: “”‘’—…
  if (c >= 0x3000 && c <= 0x303F) return true;  // CJK punctuation: 、。「」《》【】
  if (c >= 0xFF00 && c <= 0xFF0F) return true;  // full-width ！＂＃…／
  if (c >= 0xFF1A && c <= 0xFF20) return true;  // ：；＜＝＞？＠
  if (c >= 0xFF3B && c <= 0xFF40) return true;
  if (c >= 0xFF5B && c <= 0xFF65) return true;
  return c == 0x00A0 || c == 0x00B7 || c == 0xFEFF || c == 0xFFFD;
}

bool IsDigit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }

int DigitValue(char32_t c) {
  return c <= U'9' ? static_cast<int>(c - U'0') : static_cast<int>(c - U'０');
}

namespace {

int ChineseDigit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

int64_t ChineseUnit(char32_t c) {
  switch (c) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    case U'万':
      return 10000;
    default:
      return 0;
  }
}

}  // namespace

bool IsChineseNumeral(char32_t c) { return ChineseDigit(c) >= 0 || ChineseUnit(c) > 0; }

std::optional<int64_t> ParseNumber(std::u32string_view s) {
  if (s.empty() || s.size() > 15) return std::nullopt;
  if (IsDigit(s[0])) {
    int64_t v = 0;
    for (char32_t c : s) {
      if (!IsDigit(c)) return std::nullopt;
      v = v * 10 + DigitValue(c);
    }
    return v;
  }
  bool has_unit = false;
  for (char32_t c : s) has_unit |= ChineseUnit(c) > 0;
  if (!has_unit) {  // "二〇二三", read digit by digit
    int64_t v = 0;
    for (char32_t c : s) {
      int d = ChineseDigit(c);
      if (d < 0) return std::nullopt;
      v = v * 10 + d;
    }
    return v;
  }
  // Chinese: digits times units, 万 multiplying what came before ("一万二千" = 12000).
  int64_t total = 0, section = 0, digit = -1;
  for (char32_t c : s) {
    int d = ChineseDigit(c);
    if (d >= 0) {
      digit = d;
      continue;
    }
    int64_t unit = ChineseUnit(c);
    if (unit == 0) return std::nullopt;
    if (unit == 10000) {
      section += digit > 0 ? digit : 0;
      total += (section == 0 ? 1 : section) * unit;
      section = 0;
    } else {
      section += (digit < 0 ? 1 : digit) * unit;  // "十五": a bare 十 is 1×10
    }
    digit = -1;
  }
  if (digit > 0) section += digit;
  return total + section;
}

}  // namespace gongkai::report
