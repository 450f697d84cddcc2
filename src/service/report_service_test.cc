// The annual report workflow: entry, checks, explanations, approval, publication, corrections.
#include <gtest/gtest.h>

#include "core/report/format.h"
#include "service/demo.h"
#include "service/demo_reports.h"
#include "service/service_fixture_test.h"

namespace gongkai::service {
namespace {

class ReportServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    district_ = AddAgency(AgencyLevel::kDistrict, std::nullopt, "三门峡市湖滨区人民政府");
    town_ = AddAgency(AgencyLevel::kTownship, district_, "三门峡市湖滨区磁钟乡人民政府");
    other_ = AddAgency(AgencyLevel::kTownship, district_, "三门峡市湖滨区交口乡人民政府");
    clerk_ = Actor::Staff(AddUser("clerk", Role::kClerk, town_), "127.0.0.1");
    leader_ = Actor::Staff(AddUser("leader", Role::kLeader, town_), "127.0.0.1");
    outsider_ = Actor::Staff(AddUser("outsider", Role::kClerk, other_), "127.0.0.1");
  }

  ReportService& reports() { return platform_->reports(); }

  ReportView View(int64_t id) {
    auto v = reports().Get(clerk_, id);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return *v;
  }

  // Figures that pass every error rule: 3 applications from natural persons, all answered.
  report::ReportData Consistent(int year) {
    const report::FormatDef& f = report::Format2021();
    report::ReportData d;
    d.year = year;
    d.format_id = f.id;
    for (const auto* t : {&f.t2, &f.t3, &f.t4})
      for (const auto& cell : t->CellIds()) d.Set(cell, 0);
    for (const char* col : {"natural", "total"}) {
      std::string c(col);
      d.Set("t3.new." + c, 3);
      d.Set("t3.granted." + c, 2);
      d.Set("t3.partial." + c, 1);
      d.Set("t3.handled_total." + c, 3);
    }
    d.narrative["一"] = "本年度收到申请3件。";
    d.narrative["五"] = "存在的主要问题：解读形式单一。改进情况：增加图解。";
    d.narrative["六"] = "无其他需要报告的事项。";
    return d;
  }

  // Figures and narrative ready to send (nothing to fix or explain).
  void MakeReady(int64_t id, int year) {
    ASSERT_TRUE(reports().Save(clerk_, id, View(id).record.row_version, Consistent(year)).ok());
  }

  std::vector<std::string> Rules(const ReportView& v) {
    std::vector<std::string> out;
    for (const auto& c : v.checks) out.push_back(c.violation.rule);
    return out;
  }

  int64_t district_ = 0, town_ = 0, other_ = 0, created_ = 0;
  Actor clerk_, leader_, outsider_;
};

TEST_F(ReportServiceTest, ClerkEntersLeaderApprovesPublicReads) {
  ASSERT_OK_AND_ASSIGN_T(created_, reports().Create(clerk_, town_, 2025));
  ReportView v = View(created_);
  EXPECT_EQ(v.record.status, ReportStatus::kDraft);
  EXPECT_EQ(v.record.format_id, "2021");
  EXPECT_EQ(v.errors, 0);  // all zero adds up
  EXPECT_EQ(v.title(), "三门峡市湖滨区磁钟乡人民政府2025年政府信息公开工作年度报告");

  // An error blocks submission: handled_total does not match the result rows.
  report::ReportData d = Consistent(2025);
  d.Set("t3.handled_total.natural", 4);
  ASSERT_TRUE(reports().Save(clerk_, created_, v.record.row_version, d).ok());
  v = View(created_);
  EXPECT_GT(v.errors, 0);
  Status refused = reports().Submit(clerk_, created_, v.record.row_version);
  EXPECT_EQ(refused.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.ui_message().find("错误"), std::string::npos) << refused.ui_message();

  // Fixed, but 其他处理·其他 is over 10 %: a warning the leader will not publish unexplained.
  d = Consistent(2025);
  d.Set("t3.partial.natural", 0);
  d.Set("t3.partial.total", 0);
  d.Set("t3.other.other.natural", 1);
  d.Set("t3.other.other.total", 1);
  ASSERT_TRUE(reports().Save(clerk_, created_, v.record.row_version, d).ok());
  v = View(created_);
  EXPECT_EQ(v.errors, 0) << ::testing::PrintToString(Rules(v));
  EXPECT_GT(v.open_warnings, 0);
  Status unexplained = reports().Submit(clerk_, created_, v.record.row_version);
  EXPECT_EQ(unexplained.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(unexplained.ui_message().find("说明"), std::string::npos);
  // Empty narrative sections are not sent either.
  report::ReportData bare = d;
  bare.narrative["五"] = " ";
  ASSERT_TRUE(reports().Save(clerk_, created_, v.record.row_version, bare).ok());
  Status empty = reports().Submit(clerk_, created_, View(created_).record.row_version);
  EXPECT_NE(empty.ui_message().find("第五部分尚未填写"), std::string::npos) << empty.ui_message();
  ASSERT_TRUE(reports().Save(clerk_, created_, View(created_).record.row_version, d).ok());
  v = View(created_);
  for (const CheckedViolation& c : v.checks) {
    if (c.violation.severity != report::Severity::kWarning) continue;
    ReportView now = View(created_);
    ASSERT_TRUE(reports()
                    .AcceptWarning(clerk_, created_, now.record.row_version,
                                   ViolationFingerprint(c.violation),
                                   "申请人撤回申请1件，按其他处理统计")
                    .ok());
  }
  v = View(created_);
  EXPECT_EQ(v.open_warnings, 0);
  bool shown = false;
  for (const auto& c : v.checks)
    if (c.acceptance && c.acceptance->reason == "申请人撤回申请1件，按其他处理统计") shown = true;
  EXPECT_TRUE(shown);
  ASSERT_TRUE(reports().Submit(clerk_, created_, v.record.row_version).ok());
  v = View(created_);
  EXPECT_EQ(v.record.status, ReportStatus::kPending);
  // A district leader does not approve the township's report; neither does the clerk.
  Actor district_leader = Actor::Staff(AddUser("dleader", Role::kLeader, district_), "127.0.0.1");
  EXPECT_EQ(reports().Publish(district_leader, created_, v.record.row_version).code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(reports().Publish(clerk_, created_, v.record.row_version).code(),
            StatusCode::kPermissionDenied);
  // Returned with a comment (required), resubmitted, published.
  EXPECT_EQ(reports().Return(leader_, created_, v.record.row_version, "  ").code(),
            StatusCode::kInvalidArgument);
  ASSERT_TRUE(
      reports().Return(leader_, created_, v.record.row_version, "请说明其他处理的情况").ok());
  v = View(created_);
  EXPECT_EQ(v.record.status, ReportStatus::kDraft);
  EXPECT_EQ(v.record.return_comment, "请说明其他处理的情况");
  EXPECT_TRUE(v.record.submitted_by.empty());
  ASSERT_TRUE(reports().Submit(clerk_, created_, v.record.row_version).ok());
  v = View(created_);
  ASSERT_TRUE(reports().Publish(leader_, created_, v.record.row_version).ok());

  ASSERT_OK_AND_ASSIGN_T(ReportView pub, reports().Current(Actor::Public("1.2.3.4"), town_, 2025));
  EXPECT_EQ(pub.record.status, ReportStatus::kPublished);
  EXPECT_EQ(pub.record.approved_by, "测试用户");
  EXPECT_EQ(pub.data.Get("t3.new.total"), 3);
  EXPECT_FALSE(pub.record.published_at.empty());
  // Published is frozen.
  EXPECT_EQ(reports().Save(clerk_, created_, pub.record.row_version, pub.data).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_GE(AuditCount(), 10);
}

TEST_F(ReportServiceTest, BadInputIsRefusedAndNothingIsSaved) {
  ASSERT_OK_AND_ASSIGN_T(created_, reports().Create(clerk_, town_, 2025));
  ReportView v = View(created_);
  report::ReportData d = Consistent(2025);
  d.Set("t3.new.natural", -1);
  Status negative = reports().Save(clerk_, created_, v.record.row_version, d);
  EXPECT_EQ(negative.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(negative.message().find("t3.new.natural"), std::string::npos);
  d = Consistent(2025);
  d.Set("t3.bogus.natural", 1);
  EXPECT_EQ(reports().Save(clerk_, created_, v.record.row_version, d).code(),
            StatusCode::kInvalidArgument);
  d = Consistent(2025);
  d.narrative["二"] = "表格不是正文";
  EXPECT_EQ(reports().Save(clerk_, created_, v.record.row_version, d).code(),
            StatusCode::kInvalidArgument);
  d = Consistent(2025);
  d.format_id = "2019";
  EXPECT_EQ(reports().Save(clerk_, created_, v.record.row_version, d).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(View(created_).data.Get("t3.new.total"), 0);  // nothing of the above was saved

  // A stale edit after someone else's change.
  ASSERT_TRUE(reports().Save(clerk_, created_, v.record.row_version, Consistent(2025)).ok());
  report::ReportData mine = Consistent(2025);
  mine.Set("t2.licensing.decisions", 9);
  Status stale = reports().Save(clerk_, created_, v.record.row_version, mine);
  EXPECT_EQ(stale.code(), StatusCode::kAborted);
  EXPECT_NE(stale.ui_message().find("已被他人修改"), std::string::npos);
  EXPECT_EQ(View(created_).data.Get("t2.licensing.decisions"), 0);

  // Years: not begun, without a format to fill in, twice; and outside the clerk's scope.
  EXPECT_EQ(reports().Create(clerk_, town_, 2026).status().code(), StatusCode::kInvalidArgument);
  Status old = reports().Create(clerk_, town_, 2020).status();
  EXPECT_EQ(old.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(old.ui_message().find("导入"), std::string::npos) << old.ui_message();
  EXPECT_EQ(reports().Create(clerk_, town_, 2025).status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(reports().Create(outsider_, town_, 2024).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(reports().Get(outsider_, created_).status().code(), StatusCode::kPermissionDenied);
  // The public does not see drafts.
  EXPECT_EQ(reports().Get(Actor::Public("1.2.3.4"), created_).status().code(),
            StatusCode::kNotFound);
  // Refused attempts are in the audit log.
  auto recent = platform_->audit().Recent({"report:" + std::to_string(created_)}, 20);
  ASSERT_TRUE(recent.ok());
  int rejected = 0;
  for (const auto& e : *recent)
    if (e.action == "report.save.rejected") ++rejected;
  EXPECT_GE(rejected, 5);
}

TEST_F(ReportServiceTest, CorrectionIsANewVersionWithAVisibleNote) {
  ASSERT_OK_AND_ASSIGN_T(created_, reports().Create(clerk_, town_, 2024));
  MakeReady(created_, 2024);
  ASSERT_TRUE(reports().Submit(clerk_, created_, View(created_).record.row_version).ok());
  ASSERT_TRUE(reports().Publish(leader_, created_, View(created_).record.row_version).ok());

  EXPECT_EQ(reports().StartCorrection(clerk_, created_, "").status().code(),
            StatusCode::kInvalidArgument);
  ASSERT_OK_AND_ASSIGN_T(int64_t v2, reports().StartCorrection(
                                         clerk_, created_, "表二行政许可数量填报有误，由0更正为5"));
  EXPECT_EQ(reports().StartCorrection(clerk_, created_, "再来一次").status().code(),
            StatusCode::kAlreadyExists);
  ReportView draft = View(v2);
  EXPECT_EQ(draft.record.version, 2);
  EXPECT_EQ(draft.record.status, ReportStatus::kDraft);
  report::ReportData d = draft.data;
  d.Set("t2.licensing.decisions", 5);
  ASSERT_TRUE(reports().Save(clerk_, v2, draft.record.row_version, d).ok());
  // Until v2 is published the public still reads v1.
  ASSERT_OK_AND_ASSIGN_T(ReportView before, reports().Current(Actor::Public(""), town_, 2024));
  EXPECT_EQ(before.record.version, 1);
  EXPECT_EQ(before.versions.size(), 1u);
  ASSERT_TRUE(reports().Submit(clerk_, v2, View(v2).record.row_version).ok());
  ASSERT_TRUE(reports().Publish(leader_, v2, View(v2).record.row_version).ok());

  ASSERT_OK_AND_ASSIGN_T(ReportView after, reports().Current(Actor::Public(""), town_, 2024));
  EXPECT_EQ(after.record.version, 2);
  EXPECT_EQ(after.record.correction_note, "表二行政许可数量填报有误，由0更正为5");
  EXPECT_EQ(after.data.Get("t2.licensing.decisions"), 5);
  ASSERT_EQ(after.versions.size(), 2u);
  EXPECT_EQ(after.versions[0].status, ReportStatus::kSuperseded);
  // The old version stays readable, unchanged.
  ASSERT_OK_AND_ASSIGN_T(ReportView old, reports().Get(Actor::Public(""), created_));
  EXPECT_EQ(old.data.Get("t2.licensing.decisions"), 0);
  EXPECT_EQ(old.record.status, ReportStatus::kSuperseded);
}

TEST_F(ReportServiceTest, YearOverYearChecksUseLastYearsPublishedReport) {
  ASSERT_OK_AND_ASSIGN_T(created_, reports().Create(clerk_, town_, 2024));
  report::ReportData d = Consistent(2024);
  // Two applications still open at the end of 2024.
  for (const char* col : {"natural", "total"}) {
    d.Set(std::string("t3.new.") + col, 5);
    d.Set(std::string("t3.carried_out.") + col, 2);
  }
  ASSERT_TRUE(reports().Save(clerk_, created_, View(created_).record.row_version, d).ok());
  ASSERT_EQ(View(created_).errors, 0) << ::testing::PrintToString(Rules(View(created_)));
  int64_t y2024 = created_;
  ASSERT_OK_AND_ASSIGN_T(created_, reports().Create(clerk_, town_, 2025));
  ReportView v = View(created_);
  ASSERT_TRUE(v.previous_year.has_value());
  EXPECT_EQ(v.previous_year->id, y2024);
  auto rules = Rules(v);
  EXPECT_NE(std::find(rules.begin(), rules.end(), "Y-01"), rules.end())
      << "carried_in 0 but 2024 carried out 2: " << ::testing::PrintToString(rules);
}

TEST_F(ReportServiceTest, DemoReportsArePublishedWithTheSeedFigures) {
  // SeedDemo needs an empty database: use a second platform.
  auto p = OpenPlatform((dir_ / "demo.db").string(), clock_,
                        {HasherOptions::FastForTests(), {}, {}, {}, {}, {}});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_TRUE(SeedDemo(**p, {}).ok());
  int64_t cizhong = 0;
  ASSERT_OK_AND_ASSIGN_T(std::vector<Agency> all, (*p)->agencies().List());
  for (const Agency& a : all)
    if (a.short_name == "磁钟乡") cizhong = a.id;
  ASSERT_OK_AND_ASSIGN_T(ReportView r2023,
                         (*p)->reports().Current(Actor::Public(""), cizhong, 2023));
  EXPECT_EQ(r2023.record.status, ReportStatus::kPublished);
  EXPECT_EQ(r2023.errors, 0);
  EXPECT_EQ(r2023.open_warnings, 0);
  EXPECT_EQ(r2023.record.published_at.substr(0, 10), "2024-01-19");
  ASSERT_TRUE(r2023.previous_year.has_value());
  EXPECT_EQ(r2023.previous_year->year, 2022);
  EXPECT_FALSE(r2023.record.acceptances.empty());  // the drop from 2022 is explained
  for (const auto& [cell, value] : r2023.data.cells) EXPECT_EQ(value.value, 0) << cell;
  ASSERT_OK_AND_ASSIGN_T(ReportView r2022,
                         (*p)->reports().Current(Actor::Public(""), cizhong, 2022));
  EXPECT_EQ(r2022.data.Get("t3.new.total"), 4);
  EXPECT_EQ(r2022.errors, 0);
}

TEST_F(ReportServiceTest, RegionSummaryAddsUpTheUnitsAndA01ChecksAStoredOne) {
  // 磁钟乡 publishes 3 applications; 交口乡 has a draft with 2.
  ASSERT_OK_AND_ASSIGN_T(created_, reports().Create(clerk_, town_, 2025));
  ASSERT_TRUE(
      reports().Save(clerk_, created_, View(created_).record.row_version, Consistent(2025)).ok());
  ASSERT_TRUE(reports().Submit(clerk_, created_, View(created_).record.row_version).ok());
  ASSERT_TRUE(reports().Publish(leader_, created_, View(created_).record.row_version).ok());
  ASSERT_OK_AND_ASSIGN_T(int64_t other, reports().Create(outsider_, other_, 2025));
  report::ReportData d = Consistent(2025);
  for (const char* col : {"natural", "total"}) {
    d.Set(std::string("t3.new.") + col, 2);
    d.Set(std::string("t3.granted.") + col, 2);
    d.Set(std::string("t3.partial.") + col, 0);
    d.Set(std::string("t3.handled_total.") + col, 2);
  }
  ASSERT_TRUE(reports()
                  .Save(outsider_, other, reports().Get(outsider_, other)->record.row_version, d)
                  .ok());

  Actor supervisor = Actor::Staff(AddUser("supervisor", Role::kSupervisor, district_), "127.0.0.1");
  // Only published reports by default: 交口乡 is named as missing.
  Status missing =
      reports().Summarise(supervisor, district_, 2025, {town_, other_}, false).status();
  EXPECT_EQ(missing.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(missing.ui_message().find("交口乡"), std::string::npos) << missing.ui_message();
  // Every unit without a report is named at once.
  int64_t third = AddAgency(AgencyLevel::kTownship, district_, "三门峡市湖滨区高庙乡人民政府");
  Status two =
      reports().Summarise(supervisor, district_, 2025, {town_, other_, third}, false).status();
  EXPECT_NE(two.ui_message().find("交口乡人民政府、三门峡市湖滨区高庙乡人民政府尚未发布"),
            std::string::npos)
      << two.ui_message();
  ASSERT_OK_AND_ASSIGN_T(ReportView sum,
                         reports().Summarise(supervisor, district_, 2025, {town_, other_}, true));
  EXPECT_EQ(sum.data.Get("t3.new.total"), 5);
  EXPECT_EQ(sum.data.Get("t3.granted.natural"), 4);
  EXPECT_EQ(sum.record.origin, ReportOrigin::kSummary);
  EXPECT_EQ(sum.unit_names.size(), 2u);
  EXPECT_NE(sum.title().find("汇总"), std::string::npos);
  // Only supervisors add up units; and only units below their agency, each once.
  EXPECT_EQ(reports().Summarise(clerk_, town_, 2025, {other_}, true).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(reports().Summarise(supervisor, district_, 2025, {town_, town_}, true).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(reports().Summarise(supervisor, district_, 2025, {district_}, true).status().code(),
            StatusCode::kInvalidArgument);

  // A stored region report that claims 6 where its units add up to 5: A-01 names the cell.
  report::ReportData claimed = sum.data;
  claimed.Set("t3.new.total", 6);
  claimed.Set("t3.new.natural", 6);
  claimed.Set("t3.granted.natural", 6);
  claimed.Set("t3.granted.total", 6);
  claimed.Set("t3.handled_total.natural", 6);
  claimed.Set("t3.handled_total.total", 6);
  ASSERT_OK_AND_ASSIGN_T(int64_t stored,
                         reports().Import(Actor::Cli(), district_, claimed, ReportOrigin::kSummary,
                                          "region.json", {town_, other_}));
  ASSERT_OK_AND_ASSIGN_T(ReportView checked, reports().Get(Actor::Cli(), stored));
  bool a01 = false;
  for (const auto& c : checked.checks) {
    if (c.violation.rule == "A-01" && c.violation.cells.front() == "t3.new.total") {
      a01 = true;
      EXPECT_EQ(c.violation.expected, 5);
      EXPECT_EQ(c.violation.found, 6);
    }
  }
  EXPECT_TRUE(a01);
  // Units outside the agency are refused.
  EXPECT_EQ(reports()
                .Import(Actor::Cli(), town_, claimed, ReportOrigin::kSummary, "x.json", {other_})
                .status()
                .code(),
            StatusCode::kInvalidArgument);
}

TEST_F(ReportServiceTest, LatePublicationIsAFormViolation) {
  // The 2024 report published on 2025-11-28 (the fake clock), long after 31 January 2025.
  ASSERT_OK_AND_ASSIGN_T(created_, reports().Create(clerk_, town_, 2024));
  MakeReady(created_, 2024);
  ASSERT_TRUE(reports().Submit(clerk_, created_, View(created_).record.row_version).ok());
  ASSERT_TRUE(reports().Publish(leader_, created_, View(created_).record.row_version).ok());
  ReportView v = View(created_);
  auto rules = Rules(v);
  EXPECT_NE(std::find(rules.begin(), rules.end(), "P-01"), rules.end())
      << ::testing::PrintToString(rules);
  // Before publication there is no date to judge.
  ASSERT_OK_AND_ASSIGN_T(int64_t y2025, reports().Create(clerk_, town_, 2025));
  rules = Rules(View(y2025));
  EXPECT_EQ(std::find(rules.begin(), rules.end(), "P-01"), rules.end());
}

TEST_F(ReportServiceTest, PublishedReportsAreNeverComparedWithDrafts) {
  // 2024 exists only as a draft that says 2 applications were carried out into 2025.
  ASSERT_OK_AND_ASSIGN_T(created_, reports().Create(clerk_, town_, 2024));
  report::ReportData d = Consistent(2024);
  for (const char* col : {"natural", "total"}) {
    d.Set(std::string("t3.new.") + col, 5);
    d.Set(std::string("t3.carried_out.") + col, 2);
  }
  ASSERT_TRUE(reports().Save(clerk_, created_, View(created_).record.row_version, d).ok());
  ASSERT_OK_AND_ASSIGN_T(int64_t y2025, reports().Create(clerk_, town_, 2025));
  MakeReady(y2025, 2025);
  // While 2025 is a draft, staff are warned against the 2024 draft (Y-01).
  auto rules = Rules(View(y2025));
  EXPECT_NE(std::find(rules.begin(), rules.end(), "Y-01"), rules.end());
  ReportView v = View(y2025);
  for (const auto& c : v.checks) {
    if (c.violation.severity != report::Severity::kWarning) continue;
    ASSERT_TRUE(reports()
                    .AcceptWarning(clerk_, y2025, View(y2025).record.row_version,
                                   ViolationFingerprint(c.violation), "上年报告尚未定稿")
                    .ok());
  }
  ASSERT_TRUE(reports().Submit(clerk_, y2025, View(y2025).record.row_version).ok())
      << ::testing::PrintToString(Rules(View(y2025)));
  ASSERT_TRUE(reports().Publish(leader_, y2025, View(y2025).record.row_version).ok());
  // Once published, neither the public nor staff see checks against the unpublished draft, and
  // editing that draft does not change what the published report says.
  ASSERT_OK_AND_ASSIGN_T(ReportView pub, reports().Current(Actor::Public(""), town_, 2025));
  EXPECT_FALSE(pub.previous_year.has_value());
  for (const auto& c : pub.checks) EXPECT_NE(c.violation.rule, "Y-01") << c.violation.message_zh;
}

TEST_F(ReportServiceTest, ExplanationsLapseWhenTheFiguresChange) {
  ASSERT_OK_AND_ASSIGN_T(created_, reports().Create(clerk_, town_, 2025));
  report::ReportData d = Consistent(2025);
  d.Set("t3.partial.natural", 0);
  d.Set("t3.partial.total", 0);
  d.Set("t3.other.other.natural", 1);
  d.Set("t3.other.other.total", 1);
  ASSERT_TRUE(reports().Save(clerk_, created_, View(created_).record.row_version, d).ok());
  ReportView v = View(created_);
  std::string key;
  for (const auto& c : v.checks)
    if (c.violation.rule == "T3-06") key = ViolationFingerprint(c.violation);
  ASSERT_FALSE(key.empty());
  EXPECT_EQ(reports()
                .AcceptWarning(clerk_, created_, v.record.row_version, "T3-06|nothing|x", "说明")
                .code(),
            StatusCode::kNotFound);
  ASSERT_TRUE(
      reports().AcceptWarning(clerk_, created_, v.record.row_version, key, "申请人撤回1件").ok());
  EXPECT_EQ(View(created_).open_warnings, 0);
  // Two of three now in 其他: a different warning; the old explanation no longer covers it.
  d.Set("t3.granted.natural", 1);
  d.Set("t3.granted.total", 1);
  d.Set("t3.other.other.natural", 2);
  d.Set("t3.other.other.total", 2);
  ASSERT_TRUE(reports().Save(clerk_, created_, View(created_).record.row_version, d).ok());
  v = View(created_);
  EXPECT_GT(v.open_warnings, 0);
  EXPECT_TRUE(v.record.acceptances.empty());
}

TEST_F(ReportServiceTest, ACorrectionDoesNotMakeAReportLate) {
  clock_.Advance(-300 * 86400);  // 2025-02-01 (Beijing): the 2024 report is a day late
  ASSERT_OK_AND_ASSIGN_T(created_, reports().Create(clerk_, town_, 2024));
  MakeReady(created_, 2024);
  clock_.Advance(-2 * 86400);  // 2025-01-30: on time
  ASSERT_TRUE(reports().Submit(clerk_, created_, View(created_).record.row_version).ok());
  ASSERT_TRUE(reports().Publish(leader_, created_, View(created_).record.row_version).ok());
  auto rules = Rules(View(created_));
  EXPECT_EQ(std::find(rules.begin(), rules.end(), "P-01"), rules.end())
      << ::testing::PrintToString(rules);
  clock_.Advance(200 * 86400);
  ASSERT_OK_AND_ASSIGN_T(int64_t v2, reports().StartCorrection(clerk_, created_, "更正表二"));
  ASSERT_TRUE(reports().Submit(clerk_, v2, View(v2).record.row_version).ok());
  ASSERT_TRUE(reports().Publish(leader_, v2, View(v2).record.row_version).ok());
  rules = Rules(View(v2));
  EXPECT_EQ(std::find(rules.begin(), rules.end(), "P-01"), rules.end())
      << ::testing::PrintToString(rules);
}

TEST_F(ReportServiceTest, ADraftNarrativeWithRequestsToFillInIsNotSubmitted) {
  ASSERT_OK_AND_ASSIGN_T(created_, reports().Create(clerk_, town_, 2025));
  report::ReportData d = Consistent(2025);
  d.narrative["六"] = "（信息处理费情况：请补充本年度发出收费通知的件数。）";
  ASSERT_TRUE(reports().Save(clerk_, created_, View(created_).record.row_version, d).ok());
  Status st = reports().Submit(clerk_, created_, View(created_).record.row_version);
  EXPECT_EQ(st.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(st.ui_message().find("第六部分"), std::string::npos) << st.ui_message();
  d.narrative["六"] = "本年度未收取信息处理费。";
  ASSERT_TRUE(reports().Save(clerk_, created_, View(created_).record.row_version, d).ok());
  EXPECT_TRUE(reports().Submit(clerk_, created_, View(created_).record.row_version).ok());
}

TEST_F(ReportServiceTest, PublishingLastYearLaterDoesNotChangeAPublishedReport) {
  ASSERT_OK_AND_ASSIGN_T(int64_t y2025, reports().Create(clerk_, town_, 2025));
  MakeReady(y2025, 2025);
  ASSERT_TRUE(reports().Submit(clerk_, y2025, View(y2025).record.row_version).ok());
  ASSERT_TRUE(reports().Publish(leader_, y2025, View(y2025).record.row_version).ok());
  std::vector<std::string> before = Rules(View(y2025));
  // 2024 is published afterwards with figures that would raise Y-01 against 2025.
  clock_.Advance(86400);
  ASSERT_OK_AND_ASSIGN_T(created_, reports().Create(clerk_, town_, 2024));
  report::ReportData d = Consistent(2024);
  for (const char* col : {"natural", "total"}) {
    d.Set(std::string("t3.new.") + col, 5);
    d.Set(std::string("t3.carried_out.") + col, 2);
  }
  ASSERT_TRUE(reports().Save(clerk_, created_, View(created_).record.row_version, d).ok());
  for (const auto& c : View(created_).checks) {
    if (c.violation.severity != report::Severity::kWarning) continue;
    ASSERT_TRUE(reports()
                    .AcceptWarning(clerk_, created_, View(created_).record.row_version,
                                   ViolationFingerprint(c.violation), "补报上年度报告")
                    .ok());
  }
  ASSERT_TRUE(reports().Submit(clerk_, created_, View(created_).record.row_version).ok());
  ASSERT_TRUE(reports().Publish(leader_, created_, View(created_).record.row_version).ok());
  EXPECT_EQ(Rules(View(y2025)), before);
  ASSERT_OK_AND_ASSIGN_T(ReportView pub, reports().Current(Actor::Public(""), town_, 2025));
  EXPECT_EQ(pub.open_warnings, 0);
}

}  // namespace
}  // namespace gongkai::service
