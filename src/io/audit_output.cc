#include "io/audit_output.h"

#include <nlohmann/json.hpp>

#include <map>

#include "io/csv.h"
#include "io/report_json.h"

namespace gongkai::io {
namespace {

using nlohmann::json;
using report::AuditedReport;
using report::Severity;

constexpr int kPerKind = 8;  // findings of one rule shown per report on a terminal

std::string Summary(const AuditedReport& r) {
  if (!r.read()) return r.source + ": 未能读取 — " + r.refused.ui_message();
  const auto& e = r.extracted;
  std::string s = r.source + ": ";
  s += e.agency_name.empty() ? "（未识别机关）" : e.agency_name;
  s += " " + (e.year ? std::to_string(e.year) + "年度" : std::string("（未识别年度）"));
  s += " [" + e.data.format_id + "版格式, " + r.reader + "] ";
  s += "读出" + std::to_string(e.cells_read) + "/" + std::to_string(e.data.cells.size()) + "格";
  s += " · 错误" + std::to_string(r.Count(Severity::kError));
  s += " · 警告" + std::to_string(r.Count(Severity::kWarning));
  s += " · 格式" + std::to_string(r.Count(Severity::kForm));
  if (!e.problems.empty()) s += " · 读取问题" + std::to_string(e.problems.size());
  s += r.HasErrors() ? " — 有错误" : " — 无错误";
  return s;
}

std::string CellsText(const std::vector<std::string>& cells) {
  std::string s;
  for (const auto& c : cells) s += (s.empty() ? "" : ",") + c;
  return s;
}

}  // namespace

std::string AuditToText(const std::vector<AuditedReport>& reports, bool details) {
  std::string out;
  for (const auto& r : reports) {
    out += Summary(r) + "\n";
    if (!details || !r.read()) continue;
    if (!r.previous_source.empty()) out += "  上年度报告：" + r.previous_source + "\n";
    for (const auto& n : r.notes) out += "  [说明] " + n + "\n";
    int not_found = 0;
    for (const auto& p : r.extracted.problems) {
      if (p.message_en.ends_with("row not found") && ++not_found > kPerKind) continue;
      out += "  [读取] " + (p.line ? "第" + std::to_string(p.line) + "行 " : std::string()) +
             p.message_zh + (p.cell.empty() ? "" : " (" + p.cell + ")") + "\n";
    }
    if (not_found > kPerKind)
      out += "  …另有" + std::to_string(not_found - kPerKind) + "格未找到所在行\n";
    // A missing table makes one finding per cell; a terminal shows the first few of each kind.
    std::map<std::string, int> shown;
    for (const auto& v : r.violations) {
      std::string kind =
          v.rule + (v.message_en.find("not an integer: ''") != std::string::npos ? "-" : "");
      if (++shown[kind] > kPerKind) continue;
      out += "  [" + std::string(report::SeverityCode(v.severity)) + " " + v.rule + "] " +
             v.message_zh;
      if (!v.cells.empty()) out += " (" + v.cells.front() + ")";
      out += "\n";
    }
    for (const auto& [kind, n] : shown)
      if (n > kPerKind)
        out += "  …另有" + std::to_string(n - kPerKind) + "条" + kind.substr(0, kind.find('-', 3)) +
               "（--format json 或 csv 列出全部）\n";
  }
  auto t = report::Totals(reports);
  out += "合计：" + std::to_string(t.files) + "个文件，读出" + std::to_string(t.read) + "份报告，" +
         "未能读取" + std::to_string(t.refused) + "个；有错误的报告" +
         std::to_string(t.with_errors) + "份；错误" + std::to_string(t.errors) + "、警告" +
         std::to_string(t.warnings) + "、格式" + std::to_string(t.form) + "、读取问题" +
         std::to_string(t.extraction_problems) + "\n";
  return out;
}

std::string AuditToJson(const std::vector<AuditedReport>& reports) {
  json list = json::array();
  for (const auto& r : reports) {
    json item = {{"file", r.source}};
    if (!r.read()) {
      item["status"] = "refused";
      item["reason_en"] = r.refused.message();
      item["reason_zh"] = r.refused.ui_message();
      list.push_back(item);
      continue;
    }
    const auto& e = r.extracted;
    item["status"] = r.HasErrors() ? "errors" : "ok";
    item["reader"] = r.reader;
    item["title"] = e.title;
    item["agency"] = e.agency_name;
    item["year"] = e.year;
    item["format"] = e.data.format_id;
    item["format_reason"] = e.format_reason;
    item["format_reason_zh"] = e.format_reason_zh;
    item["cells_read"] = e.cells_read;
    item["cells_total"] = e.data.cells.size();
    if (!r.previous_source.empty()) item["previous_file"] = r.previous_source;
    item["notes"] = r.notes;
    json problems = json::array();
    for (const auto& p : e.problems) {
      problems.push_back({{"cell", p.cell},
                          {"line", p.line},
                          {"message_en", p.message_en},
                          {"message_zh", p.message_zh}});
    }
    item["extraction_problems"] = problems;
    // The report in its own JSON form, with the checks.
    item["report"] = json::parse(ReportToJson(e.data, &r.violations), nullptr, false);
    list.push_back(item);
  }
  auto t = report::Totals(reports);
  json totals = {{"files", t.files},     {"read", t.read},
                 {"refused", t.refused}, {"with_errors", t.with_errors},
                 {"errors", t.errors},   {"warnings", t.warnings},
                 {"form", t.form},       {"extraction_problems", t.extraction_problems}};
  json j = {{"schema", "gongkai.report-audit/1"}, {"reports", list}, {"totals", totals}};
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string AuditToCsv(const std::vector<AuditedReport>& reports) {
  std::string out = kUtf8Bom;
  out += CsvRow({"file", "agency", "year", "format", "kind", "severity", "rule", "cells", "line",
                 "expected", "found", "message_zh", "message_en"});
  for (const auto& r : reports) {
    if (!r.read()) {
      out += CsvRow({r.source, "", "", "", "refused", "E", "", "", "", "", "",
                     r.refused.ui_message(), r.refused.message()});
      continue;
    }
    const auto& e = r.extracted;
    std::string year = e.year ? std::to_string(e.year) : "";
    std::vector<std::string> head = {r.source, e.agency_name, year, e.data.format_id};
    auto row = [&](std::vector<std::string> rest) {
      std::vector<std::string> f = head;
      f.insert(f.end(), rest.begin(), rest.end());
      out += CsvRow(f);
    };
    for (const auto& p : e.problems)
      row({"extraction", "", "", p.cell, p.line ? std::to_string(p.line) : "", "", "", p.message_zh,
           p.message_en});
    for (const auto& v : r.violations) {
      row({"violation", std::string(report::SeverityCode(v.severity)), v.rule, CellsText(v.cells),
           "", v.has_numbers ? std::to_string(v.expected) : "",
           v.has_numbers ? std::to_string(v.found) : "", v.message_zh, v.message_en});
    }
    if (e.problems.empty() && r.violations.empty()) row({"ok", "", "", "", "", "", "", "", ""});
  }
  return out;
}

}  // namespace gongkai::io
