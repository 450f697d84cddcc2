#include "render/notice.h"

#include "render/letter.h"

namespace gongkai::render {

namespace {

std::string_view Trim(std::string_view s) {
  constexpr std::string_view kIdeographicSpace = "\u3000";
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
      s.remove_prefix(1);
    } else if (s.starts_with(kIdeographicSpace)) {
      s.remove_prefix(kIdeographicSpace.size());
    } else if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
      s.remove_suffix(1);
    } else if (s.ends_with(kIdeographicSpace)) {
      s.remove_suffix(kIdeographicSpace.size());
    } else {
      return s;
    }
  }
}

}  // namespace

std::vector<std::string> NoticeParagraphs(const std::string& plain_text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= plain_text.size()) {
    size_t end = plain_text.find('\n', start);
    if (end == std::string::npos) end = plain_text.size();
    std::string_view line = Trim(std::string_view(plain_text).substr(start, end - start));
    if (!line.empty()) out.emplace_back(line);
    start = end + 1;
  }
  return out;
}

Result<std::string> RenderNoticePdf(const Notice& n) {
  if (n.title.empty()) return InvalidArgument("a notice needs a title", "公告缺少标题");
  Letter l;
  l.title = n.title;
  l.number = n.index_number.empty() ? "" : "索引号：" + n.index_number;
  for (const std::string& p : n.body) {
    std::string_view t = Trim(p);
    if (!t.empty()) l.body.emplace_back(t);
  }
  if (l.body.empty()) l.body.push_back("（正文见附件。）");
  if (!n.portal_url.empty()) {
    // The address on a line of its own: a justified line would space its letters apart.
    l.closing.push_back("本信息全文及附件可在政府网站查阅：");
    l.closing.push_back(n.portal_url);
  }
  l.issuer = n.agency;
  l.date = n.date;
  return RenderLetterPdf(l);
}

}  // namespace gongkai::render
