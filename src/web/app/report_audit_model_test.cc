// The audit page's model: a violated cell is marked and linked to its violation under the file's
// own anchor prefix, a refused file shows its reason, and the save outlook says what saving does.
#include "web/app/report_audit_model.h"

#include <gtest/gtest.h>

#include "core/report/format.h"

namespace gongkai::web {
namespace {

service::AuditedUpload ReadReport() {
  const report::FormatDef& f = report::Format2021();
  service::AuditedUpload item;
  item.audit.source = "磁钟乡2023.txt";
  item.audit.reader = "text";
  report::ExtractedReport& e = item.audit.extracted;
  e.agency_name = "三门峡市湖滨区磁钟乡人民政府";
  e.year = 2023;
  e.data.year = 2023;
  e.data.format_id = f.id;
  for (const auto* t : {&f.t2, &f.t3, &f.t4})
    for (const auto& cell : t->CellIds()) e.data.Set(cell, 0);
  e.data.Set("t3.new.natural", 3);
  e.cells_read = 200;
  e.problems.push_back({"t4.review.upheld", 88, "unreadable", "无法读出数字"});
  report::Violation v;
  v.rule = "T3-01";
  v.severity = report::Severity::kError;
  v.cells = {"t3.new.natural", "t3.handled_total.natural"};
  v.has_numbers = true;
  v.expected = 0;
  v.found = 3;
  v.message_zh = "本年新收加上年结转应等于办理结果合计加结转下年";
  item.audit.violations = {v};
  item.source.id = 12;
  item.source.size = 6588;
  Agency unit;
  unit.id = 4;
  unit.name = e.agency_name;
  item.unit = unit;
  item.save.possible = true;
  item.save.next_version = 2;
  AnnualReport published;
  published.id = 30;
  published.year = 2023;
  published.version = 1;
  published.status = ReportStatus::kPublished;
  item.save.versions = {published};
  item.save.published = published;
  item.save.differing_cells = 1;
  return item;
}

const nlohmann::json* FindCell(const nlohmann::json& tables, const std::string& field) {
  for (const auto& t : tables)
    for (const auto& row : t["rows"])
      for (const auto& cell : row["cells"])
        if (cell["field"] == field) return &cell;
  return nullptr;
}

TEST(ReportAuditModelTest, TheViolatedCellIsMarkedAndLinkedUnderTheFilesPrefix) {
  nlohmann::json j = AuditedUploadModel(ReadReport(), 2, {}, true);
  EXPECT_EQ(j["anchor"], "file-2");
  EXPECT_EQ(j["summary"]["cells_read"], 200);
  EXPECT_EQ(j["summary"]["errors"], 1);
  EXPECT_EQ(j["summary"]["has_errors"], true);
  EXPECT_EQ(j["summary"]["reader"], "纯文本");
  ASSERT_EQ(j["checks"].size(), 1u);
  EXPECT_EQ(j["checks"][0]["anchor"], "f2-v-0");
  const nlohmann::json* checked = FindCell(j["tables"], "c.t3.new.natural");
  ASSERT_NE(checked, nullptr);
  EXPECT_EQ((*checked)["cls"], "bad");
  EXPECT_EQ((*checked)["value"], "3");
  EXPECT_EQ((*checked)["link"], "f2-v-0");
  EXPECT_EQ((*checked)["rules"], "T3-01");
  const nlohmann::json* involved = FindCell(j["tables"], "c.t3.handled_total.natural");
  ASSERT_NE(involved, nullptr);
  EXPECT_EQ((*involved)["cls"], "involved");
  EXPECT_EQ(j["tables"][1]["id"], "f2-t3");
  EXPECT_EQ(j["tables"][1]["grid"], "t3");
  ASSERT_EQ(j["problems"].size(), 1u);
  EXPECT_NE(j["problems"][0]["where"].get<std::string>().find("第88行"), std::string::npos);
  EXPECT_EQ(j["audit_url"], "/admin/reports/audit/12");
  EXPECT_EQ(j["file_url"], "/admin/reports/audit/12/file");
  EXPECT_EQ(j["save"]["possible"], true);
  EXPECT_EQ(j["save"]["button"], "保存为该单位2023年度报告");
  EXPECT_EQ(j["save"]["outlook"],
            "该单位2023年度报告第1版已发布，与本文件有 1 处表格数字不同。保存后成为第2版（草稿，"
            "来源：导入），经该单位主管领导审批发布后替换第1版。");
}

TEST(ReportAuditModelTest, ARefusedFileShowsItsReasonAndNoTables) {
  service::AuditedUpload item;
  item.audit.source = "scan.png";
  item.audit.refused = InvalidArgument("an image", "这是图片，不是含文字的报告（扫描件无法审核）");
  nlohmann::json page = AuditPageModel({ReadReport(), item}, {}, true);
  ASSERT_EQ(page["files"].size(), 2u);
  const nlohmann::json& j = page["files"][1];
  EXPECT_EQ(j["read"], false);
  EXPECT_EQ(j["kept"], false);
  EXPECT_EQ(j["refused"], "这是图片，不是含文字的报告（扫描件无法审核）");
  EXPECT_FALSE(j.contains("tables"));
  EXPECT_EQ(page["totals"]["files"], 2);
  EXPECT_EQ(page["totals"]["refused"], 1);
  EXPECT_EQ(page["totals"]["with_errors"], 1);
}

TEST(ReportAuditModelTest, AnUnknownUnitMayBeChosenAmongTheUsersUnits) {
  service::AuditedUpload item = ReadReport();
  item.unit.reset();
  item.unit_problem = "系统中没有与“某乡人民政府”相符的单位";
  service::AgencyNode town{Agency{}, 1}, village{Agency{}, 2};
  town.agency.id = 4;
  town.agency.name = "三门峡市湖滨区磁钟乡人民政府";
  town.agency.level = AgencyLevel::kTownship;
  village.agency.id = 6;
  village.agency.level = AgencyLevel::kVillage;
  nlohmann::json j = AuditedUploadModel(item, 1, {town, village}, true);
  EXPECT_EQ(j["save"]["possible"], false);
  EXPECT_EQ(j["save"]["can_choose"], true);
  ASSERT_EQ(j["save"]["choices"].size(), 1u) << "villages do not publish annual reports";
  EXPECT_EQ(j["save"]["choices"][0]["id"], 4);
  // Someone who only reads (the unit's leader) is offered nothing to save.
  j = AuditedUploadModel(item, 1, {town, village}, false);
  EXPECT_EQ(j["save"]["can_choose"], false);
  EXPECT_EQ(AuditedUploadModel(ReadReport(), 1, {}, false)["save"]["possible"], false);
}

TEST(ReportAuditModelTest, SizesReadLikeAFileManager) {
  EXPECT_EQ(SizeText(512), "512 字节");
  EXPECT_EQ(SizeText(6588), "6 KB");
  EXPECT_EQ(SizeText(3 * 1024 * 1024 + 200 * 1024), "3.2 MB");
}

}  // namespace
}  // namespace gongkai::web
