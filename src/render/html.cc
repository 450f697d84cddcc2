// HTML: the report as a semantic <article> (tables with <caption>, <thead> and scoped <th>, merged
// cells by rowspan/colspan as in the official form), and as a standalone page with a print
// stylesheet.
#include <cstdio>

#include "render/document.h"
#include "render/formats.h"
#include "render/markup.h"

namespace gongkai::render {

namespace {

std::string Escape(const std::string& s) { return EscapeMarkup(s); }

std::string Spans(const LayoutCell& c) {
  std::string s;
  if (c.row_span > 1) s += " rowspan=\"" + std::to_string(c.row_span) + "\"";
  if (c.col_span > 1) s += " colspan=\"" + std::to_string(c.col_span) + "\"";
  return s;
}

std::string CellHtml(const LayoutCell& c, bool block_title) {
  std::string text = Escape(c.text);
  switch (c.kind) {
    case CellKind::kNote:
      return "<td class=\"note\"" + Spans(c) + ">" + text + "</td>";
    case CellKind::kHeader:
      return "<th scope=\"" + std::string(c.col_span > 1 ? "colgroup" : "col") + "\"" +
             (block_title ? " class=\"block-title\"" : "") + Spans(c) + ">" + text + "</th>";
    case CellKind::kLabel: {
      bool group = c.row_span > 1;
      return "<th scope=\"" + std::string(group ? "rowgroup" : "row") + "\" class=\"" +
             (group ? "group" : "label") + "\"" + Spans(c) + ">" + text + "</th>";
    }
    case CellKind::kFigure: {
      std::string cls = "num";
      if (c.value && c.value->state == report::CellState::kUnreadable) cls += " unreadable";
      if (c.money) cls += " money";
      return "<td class=\"" + cls + "\"" + Spans(c) + ">" + text + "</td>";
    }
  }
  return "";
}

void AppendTable(const TableLayout& t, std::string& out) {
  out += "<table class=\"report-table report-" + t.id + "\">\n<caption>" + Escape(t.caption) +
         "</caption>\n";
  out += "<colgroup>";
  for (int i = 0; i < t.cols; ++i) out += "<col>";
  out += "</colgroup>\n";
  size_t next = 0;
  bool in_body = false;
  for (int r = 0; r < t.rows; ++r) {
    bool header = r < t.header_rows;
    if (header && r == 0) out += "<thead>\n";
    // A full-width title row starts a block of Table 二: its own <tbody>.
    bool block_title = !header && next < t.cells.size() && t.cells[next].row == r &&
                       t.cells[next].kind == CellKind::kHeader && t.cells[next].col_span == t.cols;
    if (!header && (!in_body || block_title)) {
      if (in_body) out += "</tbody>\n";
      if (r == t.header_rows && t.header_rows > 0) out += "</thead>\n";
      out += block_title ? "<tbody class=\"block\">\n" : "<tbody>\n";
      in_body = true;
    }
    out += "<tr>";
    for (; next < t.cells.size() && t.cells[next].row == r; ++next)
      out += CellHtml(t.cells[next], block_title && t.cells[next].col == 0);
    out += "</tr>\n";
  }
  out += in_body ? "</tbody>\n" : "</thead>\n";
  out += "</table>\n";
}

std::string ArticleHtml(const DocumentModel& m) {
  std::string out = "<article class=\"annual-report\" lang=\"zh-CN\">\n<header>\n";
  if (m.draft) out += "<p class=\"draft-mark\" role=\"note\">" + std::string(kDraftMark) + "</p>\n";
  out += "<h1>" + Escape(m.title) + "</h1>\n";
  if (!m.version_line.empty())
    out += "<p class=\"report-version\">" + Escape(m.version_line) + "</p>\n";
  if (!m.summary_line.empty())
    out += "<p class=\"report-summary\">" + Escape(m.summary_line) + "</p>\n";
  if (!m.corrections.empty()) {
    out += "<aside class=\"report-corrections\">\n<h2>" + std::string(kCorrectionsHeading) +
           "</h2>\n<ul>\n";
    for (const auto& c : m.corrections) out += "<li>" + Escape(c) + "</li>\n";
    out += "</ul>\n</aside>\n";
  }
  out += "</header>\n";
  for (const auto& s : m.sections) {
    out += "<section>\n<h2>" + Escape(s.heading) + "</h2>\n";
    if (s.table) AppendTable(*s.table, out);
    for (const auto& p : s.paragraphs) {
      out += p.subheading ? "<h3>" + Escape(p.text) + "</h3>\n" : "<p>" + Escape(p.text) + "</p>\n";
    }
    out += "</section>\n";
  }
  out += "</article>\n";
  return out;
}

std::string ErrorArticle(const Status& s) {
  return "<article class=\"annual-report\" lang=\"zh-CN\"><p class=\"report-error\" "
         "role=\"alert\">" +
         Escape(s.ui_message()) + "</p></article>\n";
}

constexpr char kBaseCss[] = R"css(
.annual-report{font-family:"FangSong","STFangsong","Noto Serif CJK SC","Source Han Serif SC",serif;
  font-size:16px;line-height:1.8;color:#000;max-width:60em;margin:0 auto}
.annual-report h1{font-family:"FZXiaoBiaoSong-B05S","STZhongsong","Noto Serif CJK SC",serif;font-weight:bold;
  font-size:1.6em;line-height:1.5;text-align:center;margin:1em 0 .5em}
.annual-report h2{font-family:"SimHei","Heiti SC","Noto Sans CJK SC",sans-serif;font-size:1.1em;font-weight:bold;
  margin:1.2em 0 .5em}
.annual-report h3{font-family:"KaiTi","STKaiti","Noto Serif CJK SC",serif;font-size:1em;font-weight:bold;
  margin:.6em 0 .3em;text-indent:2em}
.annual-report p{margin:.3em 0;text-indent:2em;text-align:justify}
.annual-report header p{text-indent:0;text-align:center;font-size:.9em}
.annual-report .draft-mark{display:inline-block;border:2px solid #b00;color:#b00;font-weight:bold;
  padding:0 .6em;letter-spacing:.3em}
.annual-report .report-corrections{border:1px solid #999;padding:.3em 1em;margin:1em 0}
.annual-report .report-corrections h2{font-size:1em;margin:.2em 0}
.annual-report .report-corrections ul{margin:.2em 0;padding-left:1.2em}
.report-table{border-collapse:collapse;width:100%;table-layout:fixed;font-size:13px;line-height:1.4;
  margin:.5em 0 1em}
.report-table caption{caption-side:top;text-align:left;font-size:13px;color:#444;padding-bottom:.2em}
.report-table th,.report-table td{border:1px solid #000;padding:.25em .3em;vertical-align:middle;
  font-weight:normal;word-break:break-all}
.report-table thead th,.report-table .note{text-align:center}
.report-table .note{font-size:12px}
.report-table tbody th[scope=col],.report-table tbody th[scope=colgroup]{text-align:center}
.report-table tbody th.block-title{text-align:left;font-weight:bold;background:#f4f4f4}
.report-table th.label{text-align:left}
.report-table th.group{text-align:center}
.report-table td.num{text-align:center;font-variant-numeric:tabular-nums;word-break:normal;
  white-space:nowrap;padding:.25em .1em}
.report-table td.unreadable{color:#b00}
@media print{
  @page{size:A4;margin:37mm 26mm 35mm 28mm}
  .annual-report{max-width:none;font-size:12pt}
  .report-table{font-size:9pt}
  .report-table thead{display:table-header-group}
  .report-table tr,.report-table th,.report-table td{break-inside:avoid}
  .report-t2,.report-t4{break-inside:avoid}
  .annual-report h2,.annual-report h3{break-after:avoid}
  .annual-report p{orphans:2;widows:2}
  .draft-watermark{position:fixed;top:40%;left:0;right:0;text-align:center;font-size:90pt;color:rgba(180,0,0,.12);
    transform:rotate(-30deg);z-index:-1}
}
@media screen{.draft-watermark{display:none}}
)css";

}  // namespace

std::string HtmlStylesheet(const ReportDocument& doc) {
  std::string css = kBaseCss;
  // Column widths from the layout, as rules rather than style attributes (CSP: style-src 'self').
  auto layout = BuildLayout(doc.data);
  if (!layout.ok()) return css;
  for (const TableLayout* t : {&layout->t2, &layout->t3, &layout->t4}) {
    for (int i = 0; i < t->cols; ++i) {
      char rule[96];
      std::snprintf(rule, sizeof rule, ".report-%s col:nth-child(%d){width:%.2f%%}\n",
                    t->id.c_str(), i + 1, t->col_weights[i] * 100);
      css += rule;
    }
  }
  return css;
}

std::string RenderHtmlArticle(const ReportDocument& doc) {
  auto m = BuildDocument(doc);
  return m.ok() ? ArticleHtml(*m) : ErrorArticle(m.status());
}

Result<std::string> RenderHtmlDocument(const ReportDocument& doc) {
  GK_ASSIGN_OR_RETURN(DocumentModel m, BuildDocument(doc));
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      Escape(m.title) + (m.draft ? "（" + std::string(kDraftMark) + "）" : "") +
      "</title>\n<style>" + HtmlStylesheet(doc) + "body{margin:1.5em}\n</style>\n</head>\n<body>\n";
  if (m.draft)
    out += "<div class=\"draft-watermark\" aria-hidden=\"true\">" + std::string(kDraftMark) +
           "</div>\n";
  out += ArticleHtml(m);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace gongkai::render
