#include "io/report_json.h"

#include <nlohmann/json.hpp>

#include "core/report/format.h"

namespace gongkai::io {

namespace {

using nlohmann::json;

Status Bad(const std::string& where, const std::string& en, const std::string& zh) {
  return InvalidArgument(where + ": " + en, where + "：" + zh);
}

report::CellValue CellFrom(const json& v) {
  if (v.is_null()) return report::CellValue::Blank();
  if (v.is_number_integer()) return report::CellValue::Number(v.get<int64_t>());
  if (v.is_string()) {
    std::string s = v.get<std::string>();
    if (s.empty()) return report::CellValue::Blank();
    if (s == "/" || s == "-" || s == "—" || s == "／" || s == "－")
      return report::CellValue::Dash();
    return report::CellValue::Unreadable(s);
  }
  return report::CellValue::Unreadable(v.dump());
}

json CellTo(const report::CellValue& c) {
  switch (c.state) {
    case report::CellState::kNumber:
      return c.value;
    case report::CellState::kBlank:
      return nullptr;
    case report::CellState::kDash:
      return "/";
    case report::CellState::kUnreadable:
      return c.text;
  }
  return nullptr;
}

}  // namespace

Result<report::ReportData> ReportFromJson(std::string_view text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) {
    return InvalidArgument("not valid JSON", "不是有效的JSON");
  }
  if (!j.is_object()) return InvalidArgument("the top level must be an object", "顶层应为对象");
  if (!j.contains("schema") || j["schema"] != kReportJsonSchema) {
    return Bad("schema", "must be \"" + std::string(kReportJsonSchema) + "\"",
               "应为“" + std::string(kReportJsonSchema) + "”");
  }
  report::ReportData r;
  if (!j.contains("year") || !j["year"].is_number_integer() || j["year"] < 1990 ||
      j["year"] > 2200) {
    return Bad("year", "must be an integer year", "应为整数年份");
  }
  r.year = j["year"].get<int>();
  if (!j.contains("format") || !j["format"].is_string())
    return Bad("format", "must be a string such as \"2021\"", "应为格式版本，如“2021”");
  r.format_id = j["format"].get<std::string>();
  if (j.contains("sections")) {
    if (!j["sections"].is_array())
      return Bad("sections", "must be an array of numerals", "应为数组");
    for (const auto& s : j["sections"]) {
      if (!s.is_string()) return Bad("sections", "must contain strings", "应为字符串数组");
      r.sections.push_back(s.get<std::string>());
    }
  }
  if (j.contains("narrative")) {
    if (!j["narrative"].is_object())
      return Bad("narrative", "must be an object of section texts", "应为各部分正文");
    for (auto it = j["narrative"].begin(); it != j["narrative"].end(); ++it) {
      if (!it.value().is_string()) return Bad("narrative." + it.key(), "must be text", "应为文本");
      r.narrative[it.key()] = it.value().get<std::string>();
    }
  }
  if (!j.contains("tables") || !j["tables"].is_object())
    return Bad("tables", "must be an object", "缺少表格数据");
  // Cell ids are checked against the report's own format ("2021" or the 2019 trial format); an
  // unknown format is read as is and reported by rule N-03.
  const report::FormatDef* f = report::FormatById(r.format_id);
  for (const char* table_id : {"t2", "t3", "t4"}) {
    if (!j["tables"].contains(table_id))
      continue;  // a missing table: every cell blank, reported by the rules
    const json& table = j["tables"][table_id];
    if (!table.is_object())
      return Bad(std::string("tables.") + table_id, "must be an object of cells", "应为单元格对象");
    for (auto it = table.begin(); it != table.end(); ++it) {
      std::string id = std::string(table_id) + "." + it.key();
      if (f != nullptr && !f->HasCell(id)) {
        return Bad("tables." + id, "is not a cell of the " + f->id + " format",
                   "不是" + f->id + "版格式中的单元格");
      }
      r.cells[id] = CellFrom(it.value());
    }
  }
  return r;
}

std::string ReportToJson(const report::ReportData& r,
                         const std::vector<report::Violation>* checks) {
  json j = {{"schema", kReportJsonSchema},
            {"year", r.year},
            {"format", r.format_id},
            {"sections", r.sections},
            {"narrative", r.narrative}};
  json tables = json::object();
  for (const auto& [id, value] : r.cells) {
    size_t dot = id.find('.');
    tables[id.substr(0, dot)][id.substr(dot + 1)] = CellTo(value);
  }
  j["tables"] = tables;
  if (checks) {
    json list = json::array();
    for (const auto& v : *checks) {
      json item = {{"rule", v.rule},
                   {"severity", report::SeverityCode(v.severity)},
                   {"cells", v.cells},
                   {"message_zh", v.message_zh},
                   {"message_en", v.message_en}};
      if (v.has_numbers) {
        item["expected"] = v.expected;
        item["found"] = v.found;
      }
      list.push_back(item);
    }
    j["checks"] = list;
  }
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string ViolationsToText(const std::vector<report::Violation>& checks) {
  std::string out;
  for (const auto& v : checks) {
    out += "[" + std::string(report::SeverityCode(v.severity)) + " " + v.rule + "] " +
           v.message_zh + "\n";
  }
  return out;
}

}  // namespace gongkai::io
