#include "render/document.h"

namespace gongkai::render {

namespace {

std::string Trim(std::string s) {
  static const std::string kSpaces[] = {" ", "\t", "\r",
                                        "\xE3\x80\x80"};  // U+3000 ideographic space
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    for (const auto& sp : kSpaces) {
      if (s.size() >= sp.size() && s.compare(0, sp.size(), sp) == 0)
        s.erase(0, sp.size()), changed = true;
      if (s.size() >= sp.size() && s.compare(s.size() - sp.size(), sp.size(), sp) == 0) {
        s.erase(s.size() - sp.size()), changed = true;
      }
    }
  }
  return s;
}

bool StartsWith(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

// "一、…" or "（一）…", short and not a sentence: the sub-headings real reports put inside section
// 一 and 五.
bool LooksLikeSubheading(const std::string& s) {
  static const std::string kNumerals[] = {"一", "二", "三", "四", "五",
                                          "六", "七", "八", "九", "十"};
  bool numbered = false;
  for (const auto& n : kNumerals) {
    if (StartsWith(s, n + "、") || StartsWith(s, "（" + n + "）")) numbered = true;
  }
  auto ends_with = [&](const std::string& e) {
    return s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0;
  };
  return numbered && s.size() <= 25 * 3 && !ends_with("。") && !ends_with("；");
}

}  // namespace

std::vector<Paragraph> SplitParagraphs(const std::string& text) {
  std::vector<Paragraph> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = Trim(text.substr(start, end - start));
    if (!line.empty()) out.push_back({line, LooksLikeSubheading(line)});
    start = end + 1;
  }
  return out;
}

Result<DocumentModel> BuildDocument(const ReportDocument& doc) {
  DocumentModel m;
  GK_ASSIGN_OR_RETURN(ReportLayout layout, BuildLayout(doc.data));
  m.format = layout.format;
  m.title = doc.title;
  m.draft = doc.draft;
  if (doc.version > 1 || !doc.published_on.empty()) {
    m.version_line = "第" + std::to_string(doc.version) + "版";
    if (!doc.published_on.empty()) m.version_line += "　发布日期：" + doc.published_on;
  }
  for (const auto& c : doc.corrections) {
    m.corrections.push_back("第" + std::to_string(c.version) + "版（" + c.date + "）：" + c.note);
  }
  if (doc.summary) {
    m.summary_line = "本报告为汇总报告";
    if (!doc.summary_units.empty()) {
      m.summary_line +=
          "，逐项汇总以下" + std::to_string(doc.summary_units.size()) + "个单位的报告：";
      for (size_t i = 0; i < doc.summary_units.size(); ++i) {
        m.summary_line += (i ? "、" : "") + doc.summary_units[i];
      }
    }
    m.summary_line += "。";
  }
  TableLayout* tables[] = {&layout.t2, &layout.t3, &layout.t4};
  const auto& defs = layout.format->sections;
  for (size_t i = 0; i < defs.size(); ++i) {
    Section s;
    s.heading = SectionHeading(defs[i]);
    // Sections 二, 三 and 四 are the tables (annual-report.md §1), the others narrative.
    if (i >= 1 && i <= 3) {
      s.table = std::move(*tables[i - 1]);
    } else {
      auto it = doc.data.narrative.find(defs[i].numeral);
      if (it != doc.data.narrative.end()) s.paragraphs = SplitParagraphs(it->second);
      if (s.paragraphs.empty()) s.paragraphs.push_back({"（未填写）", false});
    }
    m.sections.push_back(std::move(s));
  }
  return m;
}

}  // namespace gongkai::render
