#include "web/app/report_audit_model.h"

#include "core/report/cell_label.h"
#include "core/report/format.h"
#include "web/app/models.h"
#include "web/app/report_form.h"

namespace gongkai::web {

namespace {

std::string ReaderLabel(const std::string& reader) {
  if (reader == "text") return "纯文本";
  if (reader == "html") return "网页（HTML）";
  if (reader == "docx") return "Word文档（DOCX）";
  if (reader == "pdf") return "PDF";
  return reader;
}

std::string FormatLabel(const std::string& format_id) {
  if (format_id == "2019") return "2019年试行格式";
  const report::FormatDef* f = report::FormatById(format_id);
  if (f == nullptr) return format_id.empty() ? "未知格式" : format_id;
  return format_id + "年版格式（" + f->document + "）";
}

nlohmann::json SaveModel(const service::AuditedUpload& item,
                         const std::vector<service::AgencyNode>& units, bool may_save) {
  const report::ExtractedReport& e = item.audit.extracted;
  const service::SaveOutlook& save = item.save;
  const int year = e.year;
  nlohmann::json versions = nlohmann::json::array();
  nlohmann::json saved_here = nlohmann::json::array();
  for (const AnnualReport& v : save.versions) {
    nlohmann::json j = {{"version", v.version},
                        {"status", Label(v.status)},
                        {"status_code", Code(v.status)},
                        {"origin", Label(v.origin)},
                        {"url", "/admin/reports/" + std::to_string(v.id)},
                        {"from_this_file", v.source_id != 0 && v.source_id == item.source.id}};
    if (j["from_this_file"]) saved_here.push_back(j);
    versions.push_back(std::move(j));
  }
  std::string outlook;
  if (item.unit && save.possible) {
    std::string next = "第" + std::to_string(save.next_version) + "版";
    if (save.published) {
      std::string published = "第" + std::to_string(save.published->version) + "版";
      outlook = "该单位" + std::to_string(year) + "年度报告" + published + "已发布";
      if (save.differing_cells == 0) {
        outlook += "，表格数字与本文件一致";
      } else if (save.differing_cells > 0) {
        outlook += "，与本文件有 " + std::to_string(save.differing_cells) + " 处表格数字不同";
      }
      outlook += "。保存后成为" + next + "（草稿，来源：导入），经该单位主管领导审批发布后替换" +
                 published + "。";
    } else if (save.versions.empty()) {
      outlook = "该单位在本平台还没有" + std::to_string(year) + "年度报告。保存后成为" + next +
                "（草稿，来源：导入），由该单位按流程审核发布。";
    } else {
      outlook =
          "保存后成为该单位" + std::to_string(year) + "年度报告" + next + "（草稿，来源：导入）。";
    }
  }
  // A report whose unit was not found may still be saved for a unit the user picks.
  nlohmann::json choices = nlohmann::json::array();
  if (may_save && !item.unit && !item.source.agency_id && item.source.id != 0 && year != 0) {
    for (const service::AgencyNode& node : units) {
      if (node.agency.level == AgencyLevel::kVillage) continue;
      choices.push_back({{"id", node.agency.id}, {"name", node.agency.name}});
    }
  }
  return {{"possible", may_save && item.unit.has_value() && save.possible},
          {"why_not", may_save && item.unit ? save.why_not : ""},
          {"outlook", outlook},
          {"year", year},
          {"agency_id", item.unit ? item.unit->id : 0},
          {"button", "保存为该单位" + std::to_string(year) + "年度报告"},
          {"versions", versions},
          {"has_versions", !versions.empty()},
          {"saved_here", saved_here},
          {"choices", choices},
          {"can_choose", !choices.empty()}};
}

}  // namespace

std::string SizeText(int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " 字节";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  int64_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

nlohmann::json AuditedUploadModel(const service::AuditedUpload& item, int n,
                                  const std::vector<service::AgencyNode>& units, bool may_save) {
  const report::AuditedReport& a = item.audit;
  const std::string prefix = "f" + std::to_string(n) + "-";
  nlohmann::json j = {{"n", n},
                      {"anchor", "file-" + std::to_string(n)},
                      {"file_name", a.source},
                      {"size", SizeText(item.source.size)},
                      {"read", a.read()},
                      {"refused", a.read() ? "" : a.refused.ui_message()},
                      {"kept", item.source.id != 0}};
  if (item.source.id != 0) {
    std::string url = "/admin/reports/audit/" + std::to_string(item.source.id);
    j["source_id"] = item.source.id;
    j["audit_url"] = url;
    j["file_url"] = url + "/file";
    j["uploaded_by"] = item.source.uploaded_by;
    j["uploaded_at"] = BeijingTime(item.source.uploaded_at);
  }
  if (!a.read()) return j;

  const report::ExtractedReport& e = a.extracted;
  const report::FormatDef* f = report::FormatById(e.data.format_id);
  const int errors = a.Count(report::Severity::kError);
  const int warnings = a.Count(report::Severity::kWarning);
  const int form = a.Count(report::Severity::kForm);
  j["summary"] = {{"agency", e.agency_name.empty() ? "（未识别发布机关）" : e.agency_name},
                  {"year", e.year ? std::to_string(e.year) + "年度" : "（未识别年度）"},
                  {"format", FormatLabel(e.data.format_id)},
                  {"format_reason", e.format_reason_zh},
                  {"reader", ReaderLabel(a.reader)},
                  {"cells_read", e.cells_read},
                  {"cells_total", e.data.cells.size()},
                  {"errors", errors},
                  {"warnings", warnings},
                  {"form", form},
                  {"problems", e.problems.size()},
                  {"has_errors", errors > 0},
                  {"has_problems", !e.problems.empty()}};
  j["title"] = e.title;
  j["notes"] = a.notes;
  j["has_notes"] = !a.notes.empty();
  nlohmann::json problems = nlohmann::json::array();
  for (const report::ExtractionProblem& p : e.problems) {
    std::string where;
    if (p.line > 0) where = "第" + std::to_string(p.line) + "行";
    if (!p.cell.empty()) {
      where += (where.empty() ? "" : " ") + (f ? report::CellLabel(*f, p.cell) : p.cell);
    }
    problems.push_back({{"where", where}, {"message", p.message_zh}});
  }
  j["problems"] = problems;
  j["has_problems"] = !problems.empty();
  j["compared_with"] = item.compared_with;

  std::vector<service::CheckedViolation> checks;
  for (const report::Violation& v : a.violations) checks.push_back({v, std::nullopt});
  ChecksAndTables grid = ReportTablesModel(f, e.data, checks, nullptr, prefix, false);
  j["tables"] = std::move(grid.tables);
  j["checks"] = std::move(grid.checks);
  j["has_checks"] = !a.violations.empty();

  if (item.unit) {
    j["unit"] = {{"id", item.unit->id},
                 {"name", item.unit->name},
                 {"url", "/agencies/" + std::to_string(item.unit->id)}};
  } else {
    j["unit"] = nullptr;
  }
  j["unit_problem"] = item.unit_problem;
  j["save"] = SaveModel(item, units, may_save);
  return j;
}

nlohmann::json AuditPageModel(const std::vector<service::AuditedUpload>& items,
                              const std::vector<service::AgencyNode>& units, bool may_save) {
  nlohmann::json files = nlohmann::json::array();
  std::vector<report::AuditedReport> reports;
  for (size_t i = 0; i < items.size(); ++i) {
    files.push_back(AuditedUploadModel(items[i], static_cast<int>(i) + 1, units, may_save));
    reports.push_back(items[i].audit);
  }
  report::AuditTotals t = report::Totals(reports);
  return {{"files", files},
          {"totals",
           {{"files", t.files},
            {"read", t.read},
            {"refused", t.refused},
            {"with_errors", t.with_errors},
            {"errors", t.errors},
            {"warnings", t.warnings},
            {"form", t.form},
            {"problems", t.extraction_problems}}}};
}

}  // namespace gongkai::web
