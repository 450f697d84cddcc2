#include "core/report/cell_parse.h"

#include <algorithm>
#include <utility>

namespace gongkai::report {

std::string AsciiDigits(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    auto b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {  // ASCII: spaces and tabs dropped
      if (b != ' ' && b != '\t') out += in[i];
      ++i;
      continue;
    }
    size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    len = std::min(len, in.size() - i);
    char32_t c = 0;
    if (len == 2) c = ((b & 0x1F) << 6) | (static_cast<unsigned char>(in[i + 1]) & 0x3F);
    if (len == 3)
      c = ((b & 0x0F) << 12) | ((static_cast<unsigned char>(in[i + 1]) & 0x3F) << 6) |
          (static_cast<unsigned char>(in[i + 2]) & 0x3F);
    if (c >= 0xFF10 && c <= 0xFF19)
      out += static_cast<char>('0' + (c - 0xFF10));  // full-width
    else if (c == 0xFF0E)
      out += '.';
    else if (c == 0xFF0D || c == 0x2212 || c == 0x2013)
      out += '-';
    else if (c == 0xFF0F)
      out += '/';
    else if (c == 0xFF0C)
      out += ',';
    else if (c == 0x3000 || c == 0xA0) {
      // ideographic and no-break spaces, typed by input methods: dropped
    } else
      out.append(in.substr(i, len));
    i += len;
  }
  return out;
}

bool IsDashText(std::string_view s) {
  return s == "/" || s == "-" || s == "—" || s == "--" || s == "——" || s == "―";
}

bool ParseCount(std::string_view s, int64_t* out) {
  if (s.empty() || s.size() > 9) return false;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

bool ParseWanYuan(std::string_view s, int64_t* fen) {
  size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  if (whole.empty() || whole.size() > 7 || frac.size() > 4) return false;
  if (dot != std::string_view::npos && frac.empty()) return false;
  int64_t w = 0, f = 0;
  if (!ParseCount(whole, &w)) return false;
  if (!frac.empty()) {
    if (!ParseCount(frac, &f)) return false;
    for (size_t i = frac.size(); i < 4; ++i) f *= 10;
  }
  *fen = w * 1000000 + f * 100;
  return true;
}

bool ParseYuan(std::string_view s, int64_t* fen) {
  if (s.ends_with("元")) s.remove_suffix(std::string_view("元").size());
  size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  if (whole.empty() || frac.size() > 2 || (dot != std::string_view::npos && frac.empty()))
    return false;
  int64_t w = 0, f = 0;
  if (!ParseCount(whole, &w) || (!frac.empty() && !ParseCount(frac, &f))) return false;
  if (frac.size() == 1) f *= 10;
  *fen = w * 100 + f;
  return true;
}

CellValue ParseCellText(std::string_view text, bool money) {
  // Most cells are a count in ASCII digits: read it as ParseCount would, without the copies below.
  int64_t count = 0;
  if (!money && ParseCount(text, &count)) return CellValue::Number(count);
  std::string s = AsciiDigits(text);
  if (s.empty()) return CellValue::Blank();
  if (IsDashText(s)) return CellValue::Dash();
  std::string_view v = s;
  if (money && v.ends_with("万元")) v.remove_suffix(std::string_view("万元").size());
  bool negative = false;
  if (v.size() > 1 && v.starts_with("-")) {
    negative = true;
    v.remove_prefix(1);
  }
  int64_t n = 0;
  if (money) {
    if (ParseWanYuan(v, &n)) return CellValue::Number(negative ? -n : n);
    return CellValue::Unreadable(std::string(text));
  }
  // Thousands separators: "1,234".
  std::string digits;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == ',' && i > 0 && i + 3 < v.size() + 0 && (v.size() - i - 1) % 3 == 0) continue;
    digits += v[i];
  }
  if (ParseCount(digits, &n)) return CellValue::Number(negative ? -n : n);
  return CellValue::Unreadable(std::string(text));
}

}  // namespace gongkai::report
