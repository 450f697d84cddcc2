// Decoding report files to UTF-8 (ICU) and traditional → simplified (OpenCC).
#include <opencc/opencc.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <bitset>
#include <cctype>
#include <memory>
#include <mutex>

#include "core/text.h"
#include "io/readers/readers.h"

namespace gongkai::io {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// ICU converter name for a charset label a file may declare; "" when we do not accept it.
std::string IcuName(std::string_view declared) {
  std::string d = Lower(TrimAscii(declared));
  if (d == "utf-8" || d == "utf8") return "UTF-8";
  if (d == "gbk" || d == "gb2312" || d == "gb18030" || d == "cp936" || d == "x-gbk" ||
      d == "euc-cn" || d == "hz-gb-2312")
    return "GB18030";  // a superset of GBK and GB2312
  if (d == "big5" || d == "big5-hkscs" || d == "cp950") return "Big5";
  if (d == "utf-16le") return "UTF-16LE";
  if (d == "utf-16be") return "UTF-16BE";
  return "";
}

// Converts with ICU; substitution characters in the output mean bytes the charset cannot map.
Result<std::string> Convert(std::string_view bytes, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  // UTF-8 output is at most 3 bytes per input byte for these charsets, plus a terminator.
  std::string out(bytes.size() * 3 + 4, '\0');
  int32_t n = ucnv_convert("UTF-8", charset, out.data(), static_cast<int32_t>(out.size()),
                           bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) {
    return InvalidArgument(
        std::string("cannot decode the file as ") + charset + " (" + u_errorName(err) + ")",
        std::string("无法按") + charset + "编码读取文件");
  }
  out.resize(static_cast<size_t>(n));
  size_t bad = 0;
  for (size_t p = out.find("\xEF\xBF\xBD"); p != std::string::npos;
       p = out.find("\xEF\xBF\xBD", p + 3))
    ++bad;
  bad += static_cast<size_t>(std::count(out.begin(), out.end(), '\x1A'));
  // A few unmappable bytes are tolerated (they stay visible as U+FFFD); many mean a wrong guess.
  if (bad > 16 && bad * 50 > out.size()) {
    return InvalidArgument(std::string("the file is not text in ") + charset + ": " +
                               std::to_string(bad) + " undecodable characters",
                           std::string("文件不是") + charset + "编码的文本：有" +
                               std::to_string(bad) + "处无法识别的字符");
  }
  return out;
}

}  // namespace

Result<std::string> DecodeToUtf8(std::string_view bytes, std::string_view declared) {
  if (bytes.starts_with("\xEF\xBB\xBF"))
    bytes.remove_prefix(3);
  else if (bytes.starts_with("\xFF\xFE"))
    return Convert(bytes.substr(2), "UTF-16LE");
  else if (bytes.starts_with("\xFE\xFF"))
    return Convert(bytes.substr(2), "UTF-16BE");
  if (IsValidUtf8(bytes)) return std::string(bytes);
  std::string charset = IcuName(declared);
  if (charset.empty() || charset == "UTF-8") charset = "GB18030";  // the common case in China
  return Convert(bytes, charset.c_str());
}

namespace {

// The converter and the set of CJK code points it changes, built once: most reports are entirely
// simplified, and skipping OpenCC for them keeps auditing fast.
struct Simplifier {
  std::unique_ptr<opencc::SimpleConverter> converter;
  std::bitset<0x10000> traditional;  // BMP code points t2s maps to something else
  std::string error;

  Simplifier() {
    try {
      converter = std::make_unique<opencc::SimpleConverter>("t2s.json");
      std::string probe;
      for (char32_t c = 0x3400; c < 0xA000; ++c) {
        probe.clear();
        probe += static_cast<char>(0xE0 | (c >> 12));
        probe += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        probe += static_cast<char>(0x80 | (c & 0x3F));
        if (converter->Convert(probe) != probe) traditional.set(c);
      }
    } catch (const std::exception& e) {
      converter.reset();
      error = e.what();
    }
  }

  bool HasTraditional(std::string_view s) const {
    for (size_t i = 0; i + 2 < s.size(); ++i) {
      auto b = static_cast<unsigned char>(s[i]);
      if ((b & 0xF0) != 0xE0) continue;
      char32_t c = ((b & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                   (static_cast<unsigned char>(s[i + 2]) & 0x3F);
      if (traditional.test(c)) return true;
      i += 2;
    }
    return false;
  }
};

const Simplifier& GetSimplifier() {
  static const Simplifier* instance = new Simplifier();  // never destroyed: used until exit
  return *instance;
}

}  // namespace

void SimplifyChinese(report::SourceDocument& doc) {
  const Simplifier& s = GetSimplifier();
  if (!s.converter) {
    doc.notes.push_back("traditional characters were not converted (OpenCC: " + s.error +
                        ") / 未能转换繁体字");
    return;
  }
  bool converted = false;
  for (auto& block : doc.blocks) {
    for (auto& cell : block.cells) {
      if (!s.HasTraditional(cell.text)) continue;
      cell.text = s.converter->Convert(cell.text);
      converted = true;
    }
  }
  if (converted)
    doc.notes.push_back("traditional characters converted to simplified / 繁体字已转换为简体");
}

}  // namespace gongkai::io
