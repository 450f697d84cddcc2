// What every rendering shows around the tables, decided once: the sections in order with what each
// holds, narrative split into paragraphs, and the notes under the title (draft, version,
// corrections, summary).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/layout.h"
#include "render/render.h"

namespace gongkai::render {

struct Paragraph {
  std::string text;
  // A line such as "一、主动公开情况" inside a section's narrative: printed as a sub-heading.
  bool subheading = false;
};

struct Section {
  std::string heading;                // "二、主动公开政府信息情况"
  std::optional<TableLayout> table;   // sections 二–四
  std::vector<Paragraph> paragraphs;  // the others; "（未填写）" when empty
};

struct DocumentModel {
  const report::FormatDef* format = nullptr;
  std::string title;
  bool draft = false;
  std::string
      version_line;  // "第2版　发布日期：2024-01-20", or "" for an unremarkable first version
  std::vector<std::string> corrections;  // "第2版（2024-02-03）：…"
  std::string summary_line;  // "本报告为汇总报告，汇总以下单位：…", or ""
  std::vector<Section> sections;
};

Result<DocumentModel> BuildDocument(const ReportDocument& doc);

// Splits narrative on newlines, trimming spaces (including U+3000) and dropping empty lines.
std::vector<Paragraph> SplitParagraphs(const std::string& text);

inline constexpr char kDraftMark[] = "草稿";
inline constexpr char kCorrectionsHeading[] = "更正说明";

}  // namespace gongkai::render
