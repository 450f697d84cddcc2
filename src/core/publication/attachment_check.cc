#include "core/publication/attachment_check.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace gongkai::publication {
namespace {

struct Kind {
  std::string_view extension;
  std::string_view content_type;
  std::string_view magic;
};

constexpr std::string_view kZip("PK\x03\x04", 4);
constexpr std::string_view kOle("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
constexpr Kind kKinds[] = {
    {"pdf", "application/pdf", "%PDF-"},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", kZip},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", kZip},
    {"ofd", "application/ofd", kZip},
    {"doc", "application/msword", kOle},
    {"xls", "application/vnd.ms-excel", kOle},
    {"jpg", "image/jpeg", "\xFF\xD8\xFF"},
    {"jpeg", "image/jpeg", "\xFF\xD8\xFF"},
    {"png", "image/png", "\x89PNG\r\n\x1A\n"},
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Result<std::string> CheckAttachment(std::string_view name, std::string_view bytes) {
  const std::string shown = IsValidUtf8(name) ? std::string(name.substr(0, 200)) : "(invalid name)";
  auto bad = [&](const std::string& en, const std::string& zh) {
    return InvalidArgument("attachment '" + shown + "': " + en, "附件“" + shown + "”" + zh);
  };
  if (name.empty() || !IsValidUtf8(name) || Utf8Length(name) > 100) {
    return bad("the name must be 1-100 characters of valid text", "的文件名应为1至100个字符");
  }
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7F ||
        std::string_view("<>\"'`/\\:*?|&;").find(static_cast<char>(c)) != std::string_view::npos) {
      return bad("the name contains a character that is not allowed (< > \" ' ` / \\ : * ? | & ;)",
                 "的文件名含有不允许的字符（< > \" ' ` / \\ : * ? | & ;）");
    }
  }
  if (bytes.empty()) return bad("the file is empty", "是空文件");
  if (static_cast<int64_t>(bytes.size()) > kMaxAttachmentBytes) {
    return bad("the file is larger than 20 MB", "超过20MB");
  }
  size_t dot = name.rfind('.');
  std::string ext = dot == std::string_view::npos ? "" : Lower(name.substr(dot + 1));
  for (const Kind& k : kKinds) {
    if (k.extension != ext) continue;
    if (bytes.substr(0, k.magic.size()) != k.magic) {
      return bad("the content is not a ." + ext + " file (disguised or damaged)",
                 "的内容与扩展名 ." + ext + " 不符（可能是伪装或损坏的文件）");
    }
    return std::string(k.content_type);
  }
  return bad("only PDF, OFD, Word, Excel, JPEG and PNG files may be attached",
             "的类型不允许上传：只能上传 PDF、OFD、Word、Excel、JPEG、PNG 文件");
}

}  // namespace gongkai::publication
