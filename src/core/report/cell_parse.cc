#include "core/report/cell_parse.h"

#include <utility>

namespace gongkai::report {

std::string AsciiDigits(std::string_view in) {
  static const std::pair<std::string_view, std::string_view> kMap[] = {
      {"０", "0"}, {"１", "1"}, {"２", "2"}, {"３", "3"}, {"４", "4"}, {"５", "5"},
      {"６", "6"}, {"７", "7"}, {"８", "8"}, {"９", "9"}, {"．", "."}, {"－", "-"},
      {"−", "-"},  {"／", "/"}, {"—", "—"},  {"–", "-"},  {"　", ""},  {"\xc2\xa0", ""},
      {" ", ""},   {"\t", ""},  {"，", ","}};
  std::string out;
  for (size_t i = 0; i < in.size();) {
    auto b = static_cast<unsigned char>(in[i]);
    if (b < 0x80 && b != ' ' && b != '\t') {  // the common case, ASCII digits
      out += in[i++];
      continue;
    }
    bool mapped = false;
    for (const auto& [from, to] : kMap) {
      if (in.substr(i).starts_with(from)) {
        out += to;
        i += from.size();
        mapped = true;
        break;
      }
    }
    if (!mapped) out += in[i++];
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

CellValue ParseCellText(std::string_view text, bool money, bool allow_negative) {
  std::string s = AsciiDigits(text);
  if (s.empty()) return CellValue::Blank();
  if (IsDashText(s)) return CellValue::Dash();
  std::string_view v = s;
  if (money && v.ends_with("万元")) v.remove_suffix(std::string_view("万元").size());
  bool negative = false;
  if (allow_negative && v.starts_with("-")) {
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
