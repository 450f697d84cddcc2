#include "web/app/report_form.h"

#include <algorithm>

#include "core/report/cell_label.h"
#include "core/report/cell_parse.h"
#include "core/text.h"
#include "io/report_text.h"
#include "web/app/models.h"

namespace gongkai::web {

namespace {

using report::AsciiDigits;
using report::ParseCount;
using report::ParseWanYuan;

bool IsDash(std::string_view s) { return report::IsDashText(s); }

nlohmann::json TableModel(const report::FormatDef& f, const report::TableDef& t,
                          const std::string& numeral, const report::ReportData& d,
                          const ParsedForm* input,
                          const std::map<std::string, std::vector<int>>& by_cell,
                          const std::vector<char>& is_error, const std::vector<char>& is_open,
                          const std::vector<std::string>& rules, const std::string& anchor_prefix) {
  const std::vector<std::string> ids = t.CellIds();
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : t.rows) {
    std::string prefix = t.id + "." + row.id + ".";
    nlohmann::json cells = nlohmann::json::array();
    for (const auto& col : t.columns) {
      std::string id = prefix + col.id;
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) continue;
      std::string value = CellInputText(f, d, id);
      std::string cls, described, problem, link, cell_rules;
      if (input) {
        if (auto it = input->raw.find(id); it != input->raw.end()) value = it->second;
        if (auto it = input->cell_errors.find(id); it != input->cell_errors.end()) {
          cls = "bad";
          problem = it->second;
        }
      }
      if (auto it = by_cell.find(id); it != by_cell.end()) {
        for (int entry : it->second) {
          bool checked = entry >= 0;
          int v = checked ? entry : -1 - entry;
          std::string anchor = anchor_prefix + "v-" + std::to_string(v);
          described += (described.empty() ? "" : " ") + anchor;
          if (link.empty()) link = anchor;
          if (cell_rules.find(rules[v]) == std::string::npos)
            cell_rules += (cell_rules.empty() ? "" : " ") + rules[v];
          if (!checked) {
            if (cls.empty() && (is_error[v] || is_open[v])) cls = "involved";
          } else if (is_error[v]) {
            cls = "bad";
          } else if (is_open[v] && cls != "bad") {
            cls = "warn";
          }
        }
      }
      cells.push_back({{"field", CellField(id)},
                       {"value", value},
                       {"cls", cls},
                       {"described", described},
                       {"link", link},
                       {"rules", cell_rules},
                       {"problem", problem},
                       {"money", f.IsMoney(id)},
                       {"col_label", col.label},
                       {"aria", row.label + "，" + col.label}});
    }
    rows.push_back({{"label", row.label}, {"group", row.group}, {"cells", cells}});
  }
  nlohmann::json columns = nlohmann::json::array();
  bool uniform = t.cells.empty();
  if (uniform)
    for (const auto& c : t.columns) columns.push_back(c.label);
  return {{"id", anchor_prefix + t.id}, {"grid", t.id}, {"numeral", numeral},
          {"title", t.title},           {"rows", rows}, {"columns", columns},
          {"uniform", uniform}};
}

}  // namespace

std::string CellField(const std::string& cell) { return "c." + cell; }
std::string NarrativeField(const std::string& numeral) { return "n." + numeral; }

std::string CellInputText(const report::FormatDef& f, const report::ReportData& d,
                          const std::string& cell) {
  return io::CellText(d, cell, f.IsMoney(cell));
}

ParsedForm ParseReportForm(const report::FormatDef& f, const FormFields& form) {
  ParsedForm out;
  out.data.format_id = f.id;
  if (std::string_view v = form.Get("row_version");
      !v.empty() && v.size() < 16 && v.find_first_not_of("0123456789") == v.npos) {
    out.row_version = std::stoll(std::string(v));
  }
  for (const auto* t : {&f.t2, &f.t3, &f.t4}) {
    for (const std::string& id : t->CellIds()) {
      if (!form.Has(CellField(id))) {
        std::string message =
            report::CellLabel(f, id) + "：表单中缺少这一栏（表单不完整，请刷新页面后重新填写）";
        out.cell_errors[id] = message;
        out.errors.push_back(message);
        continue;
      }
      std::string typed(TrimAscii(form.Get(CellField(id))));
      out.raw[id] = typed;
      std::string s = AsciiDigits(typed);
      if (s.empty()) {
        out.data.cells[id] = report::CellValue::Blank();
        continue;
      }
      if (IsDash(s)) {
        out.data.cells[id] = report::CellValue::Dash();
        continue;
      }
      int64_t v = 0;
      bool money = f.IsMoney(id);
      if (money ? ParseWanYuan(s, &v) : ParseCount(s, &v)) {
        out.data.Set(id, v);
        continue;
      }
      std::string why = money ? "应为不小于0的金额（万元，最多四位小数）"
                              : (s.starts_with("-") ? "不能为负数" : "应为不小于0的整数");
      std::string message = report::CellLabel(f, id) + "：“" + typed + "”" + why;
      out.cell_errors[id] = message;
      out.errors.push_back(message);
    }
  }
  for (const char* numeral : {"一", "五", "六"}) {
    if (!form.Has(NarrativeField(numeral))) {
      out.errors.push_back(std::string("第") + numeral +
                           "部分正文：表单中缺少这一栏（表单不完整，请刷新页面后重新填写）");
      continue;
    }
    out.data.narrative[numeral] = std::string(form.Get(NarrativeField(numeral)));
  }
  return out;
}

ChecksAndTables ReportTablesModel(const report::FormatDef* f, const report::ReportData& d,
                                  const std::vector<service::CheckedViolation>& found,
                                  const ParsedForm* input, const std::string& anchor_prefix,
                                  bool can_accept) {
  // Violations, numbered for aria-describedby and links, and indexed by cell.
  std::map<std::string, std::vector<int>> by_cell;
  std::vector<char> is_error, is_open;
  std::vector<std::string> rules;
  ChecksAndTables out{nlohmann::json::array(), nlohmann::json::array()};
  for (size_t i = 0; i < found.size(); ++i) {
    const auto& c = found[i];
    const report::Violation& v = c.violation;
    int n = static_cast<int>(i);
    for (size_t k = 0; k < v.cells.size(); ++k) {
      // Only the checked cell (the first) is marked; the others are listed as involved.
      by_cell[v.cells[k]].push_back(k == 0 ? n : -1 - n);
    }
    bool error = v.severity == report::Severity::kError;
    bool warning = v.severity == report::Severity::kWarning;
    is_error.push_back(error);
    is_open.push_back(warning && !c.acceptance);
    rules.push_back(v.rule);
    // The checked cell and the first few others; long sums (T3-02 adds 21 rows) are summarised.
    constexpr size_t kShown = 4;
    nlohmann::json cells = nlohmann::json::array();
    if (f)
      for (size_t k = 0; k < v.cells.size() && k < kShown; ++k)
        cells.push_back(report::CellLabel(*f, v.cells[k]));
    std::string more =
        v.cells.size() > kShown ? "等共" + std::to_string(v.cells.size()) + "格" : "";
    out.checks.push_back({{"anchor", anchor_prefix + "v-" + std::to_string(n)},
                          {"rule", v.rule},
                          {"severity", std::string(report::SeverityCode(v.severity))},
                          {"severity_label", error     ? "错误"
                                             : warning ? "警告"
                                                       : "格式"},
                          {"is_error", error},
                          {"is_warning", warning},
                          {"message", v.message_zh},
                          {"cells", cells},
                          {"more_cells", more},
                          {"has_numbers", v.has_numbers},
                          {"expected", std::to_string(v.expected)},
                          {"found", std::to_string(v.found)},
                          {"accepted", c.acceptance.has_value()},
                          {"reason", c.acceptance ? c.acceptance->reason : ""},
                          {"accepted_by", c.acceptance ? c.acceptance->by : ""},
                          {"accepted_at", c.acceptance ? BeijingTime(c.acceptance->at) : ""},
                          {"can_accept", warning && can_accept},
                          {"fingerprint", service::ViolationFingerprint(v)}});
  }
  if (f) {
    for (auto [table, numeral] : {std::pair{&f->t2, "二"}, {&f->t3, "三"}, {&f->t4, "四"}}) {
      out.tables.push_back(TableModel(*f, *table, numeral, d, input, by_cell, is_error, is_open,
                                      rules, anchor_prefix));
    }
  }
  return out;
}
// How Tables 二, 三 and 四 compare with the agency's records (annual-report.md
// §7): in step, or which cells differ, with the button that recounts them.
nlohmann::json RecordsModel(const report::FormatDef& f, const service::ReportView& view,
                            bool can_fill) {
  if (!view.compared_with_records) return nullptr;
  nlohmann::json cells = nlohmann::json::array();
  for (const std::string& cell : view.differs_from_records) {
    if (cells.size() == 12) break;
    cells.push_back(report::CellLabel(f, cell));
  }
  return {{"in_step", view.differs_from_records.empty()},
          {"differs", view.differs_from_records.size()},
          {"cells", cells},
          {"more", view.differs_from_records.size() > cells.size()},
          {"can_fill", can_fill && !view.differs_from_records.empty()}};
}

nlohmann::json ReportPageModel(const service::ReportView& view, const User& user,
                               const ParsedForm* input) {
  const AnnualReport& r = view.record;
  const report::FormatDef* f = report::FormatById(r.format_id);
  const report::ReportData& d = input ? input->data : view.data;
  bool can_edit_role = RoleAllows(user.role, Permission::kEditReport);
  bool can_approve_role =
      RoleAllows(user.role, Permission::kApproveReport) && user.agency_id == r.agency_id;
  bool is_draft = r.status == ReportStatus::kDraft;
  bool is_pending = r.status == ReportStatus::kPending;
  bool is_published = r.status == ReportStatus::kPublished;
  bool has_open_version =
      std::any_of(view.versions.begin(), view.versions.end(), [](const auto& v) {
        return v.status == ReportStatus::kDraft || v.status == ReportStatus::kPending;
      });

  ChecksAndTables grid = ReportTablesModel(f, d, view.checks, input, "", is_draft && can_edit_role);
  nlohmann::json& checks = grid.checks;
  nlohmann::json& tables = grid.tables;
  nlohmann::json narrative_one = nullptr;
  nlohmann::json narrative_rest = nlohmann::json::array();
  if (f) {
    for (const auto& s : f->sections) {
      if (s.numeral != "一" && s.numeral != "五" && s.numeral != "六") continue;
      auto it = d.narrative.find(s.numeral);
      nlohmann::json section = {{"numeral", s.numeral},
                                {"heading", s.heading},
                                {"field", NarrativeField(s.numeral)},
                                {"text", it == d.narrative.end() ? "" : it->second}};
      if (s.numeral == "一") {
        narrative_one = section;
      } else {
        narrative_rest.push_back(section);
      }
    }
  }

  nlohmann::json versions = nlohmann::json::array();
  for (const AnnualReport& v : view.versions) {
    versions.push_back({{"id", v.id},
                        {"url", "/admin/reports/" + std::to_string(v.id)},
                        {"version", v.version},
                        {"status", Label(v.status)},
                        {"published_at", v.published_at.empty() ? "" : BeijingTime(v.published_at)},
                        {"correction_note", v.correction_note},
                        {"current", v.id == r.id}});
  }
  nlohmann::json downloads = nlohmann::json::array();
  for (const char* fmt : {"pdf", "docx", "xlsx", "html", "md", "text", "json"}) {
    downloads.push_back(
        {{"format", fmt}, {"url", "/admin/reports/" + std::to_string(r.id) + "/download/" + fmt}});
  }
  nlohmann::json form_errors = nlohmann::json::array();
  if (input)
    for (const auto& e : input->errors) form_errors.push_back(e);

  nlohmann::json report = {
      {"id", r.id},
      {"year", r.year},
      {"version", r.version},
      {"title", view.title()},
      {"agency_name", view.agency.name},
      {"agency_url", "/agencies/" + std::to_string(r.agency_id)},
      {"status", Code(r.status)},
      {"status_label", Label(r.status)},
      {"origin_label", Label(r.origin)},
      {"is_summary", r.origin == ReportOrigin::kSummary},
      {"source_name", r.source_name},
      {"source_url", r.source_id ? "/admin/reports/audit/" + std::to_string(r.source_id) : ""},
      {"format_id", r.format_id},
      {"format_document", f ? f->document : ""},
      // A page that shows the user's own input keeps the version they started from, so saving it
      // again cannot silently overwrite someone else's change.
      {"row_version", input && input->row_version > 0 ? input->row_version : r.row_version},
      {"correction_note", r.correction_note},
      {"return_comment", r.return_comment},
      {"created_by", r.created_by},
      {"updated_by", r.updated_by},
      {"updated_at", BeijingTime(r.updated_at)},
      {"submitted_by", r.submitted_by},
      {"submitted_at", r.submitted_at.empty() ? "" : BeijingTime(r.submitted_at)},
      {"approved_by", r.approved_by},
      {"published_at", r.published_at.empty() ? "" : BeijingTime(r.published_at)},
      {"deadline", view.publication_deadline.ToChinese()},
      {"public_url",
       "/agencies/" + std::to_string(r.agency_id) + "/reports/" + std::to_string(r.year)},
  };
  return {{"report", report},
          {"tables", tables},
          {"narrative_one", narrative_one},
          {"narrative_rest", narrative_rest},
          {"checks", checks},
          {"has_checks", !checks.empty()},
          {"error_count", view.errors},
          {"open_warning_count", view.open_warnings},
          {"blocks", view.blocks_publication()},
          {"previous_year", view.previous_year
                                ? nlohmann::json{{"year", view.previous_year->year},
                                                 {"version", view.previous_year->version},
                                                 {"status", Label(view.previous_year->status)}}
                                : nlohmann::json(nullptr)},
          {"versions", versions},
          {"has_versions", versions.size() > 1},
          {"downloads", downloads},
          {"form_errors", form_errors},
          {"has_form_errors", !form_errors.empty()},
          {"is_draft", is_draft},
          {"is_pending", is_pending},
          {"is_published", is_published},
          {"can_edit", is_draft && can_edit_role},
          {"can_submit", is_draft && can_edit_role && view.errors == 0},
          {"can_approve", is_pending && can_approve_role},
          {"can_publish", is_pending && can_approve_role && !view.blocks_publication()},
          {"can_correct", is_published && can_edit_role && !has_open_version},
          {"records", RecordsModel(*f, view, is_draft && can_edit_role)}};
}

}  // namespace gongkai::web
