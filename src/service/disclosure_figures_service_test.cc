// Table 二's records through the service: permissions, versions, the audit log, the all-or-nothing
// CSV import, and the annual report filled from them.
#include "service/disclosure_figures_service.h"

#include <gtest/gtest.h>

#include "core/testing/loaded_calendar.h"
#include "service/service_fixture_test.h"

namespace gongkai::service {
namespace {

using disclosure::DecisionFigures;
using disclosure::DocumentFilter;
using disclosure::DocumentKind;
using disclosure::NormativeDocument;
using testing::D;

class DisclosureFiguresServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    clock_.Advance(40 * 86400);  // 2026-01-07: 2025 has ended
    district_ = AddAgency(AgencyLevel::kDistrict, std::nullopt, "三门峡市湖滨区人民政府");
    township_ = AddAgency(AgencyLevel::kTownship, district_, "三门峡市湖滨区磁钟乡人民政府");
    other_ = AddAgency(AgencyLevel::kTownship, district_, "三门峡市湖滨区交口乡人民政府");
    clerk_ = Actor::Staff(AddUser("cizhong.clerk", Role::kClerk, township_), "127.0.0.1");
    leader_ = Actor::Staff(AddUser("cizhong.leader", Role::kLeader, township_), "127.0.0.1");
    supervisor_ = Actor::Staff(AddUser("hubin.supervisor", Role::kSupervisor, district_), "");
    other_clerk_ = Actor::Staff(AddUser("jiaokou.clerk", Role::kClerk, other_), "127.0.0.1");
  }
  DisclosureFiguresService& svc() { return platform_->disclosure_figures(); }

  NormativeDocument Doc(const char* number, const char* made) {
    NormativeDocument d;
    d.agency_id = township_;
    d.kind = DocumentKind::kNormative;
    d.title = "关于印发《磁钟乡村级财务管理办法》的通知";
    d.number = number;
    d.made_on = D(made);
    return d;
  }

  int64_t district_ = 0, township_ = 0, other_ = 0;
  Actor clerk_, leader_, supervisor_, other_clerk_;
};

TEST_F(DisclosureFiguresServiceTest, RegisterEditRepealAndList) {
  int64_t before = AuditCount();
  ASSERT_OK_AND_ASSIGN_T(int64_t a, svc().CreateDocument(clerk_, Doc(" 磁政〔2024〕3号 ", "2024-03-01")));
  ASSERT_OK_AND_ASSIGN_T(int64_t b, svc().CreateDocument(clerk_, Doc("磁政〔2025〕1号", "2025-02-01")));
  EXPECT_EQ(AuditCount(), before + 2);
  ASSERT_OK_AND_ASSIGN_T(NormativeDocument got, svc().GetDocument(leader_, a));
  EXPECT_EQ(got.number, "磁政〔2024〕3号");  // trimmed
  EXPECT_EQ(got.created_by, "测试用户");

  // The same number again is refused, in Chinese for the page, and audited.
  auto dup = svc().CreateDocument(clerk_, Doc("磁政〔2024〕3号", "2024-05-01"));
  EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists);
  EXPECT_NE(dup.status().ui_message().find("磁政〔2024〕3号"), std::string::npos);
  EXPECT_EQ(AuditCount(), before + 3);
  // Bad input: a future date, a repeal before the made date.
  EXPECT_EQ(svc().CreateDocument(clerk_, Doc("x", "2026-02-01")).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(svc().RepealDocument(clerk_, a, 1, D("2024-02-01")).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(svc().RepealDocument(clerk_, a, 1, D("2026-02-01")).code(),
            StatusCode::kInvalidArgument);
  // Who may: the leader and the supervisor read but do not edit; another township sees nothing.
  EXPECT_EQ(svc().CreateDocument(leader_, Doc("y", "2024-01-01")).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(svc().GetDocument(other_clerk_, a).status().code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(svc().ListDocuments(supervisor_, township_, {}).ok());

  ASSERT_TRUE(svc().RepealDocument(clerk_, a, 1, D("2025-06-30")).ok());
  EXPECT_EQ(svc().RepealDocument(clerk_, a, 2, D("2025-07-30")).code(),
            StatusCode::kFailedPrecondition);  // already repealed
  // Edit with a stale version: nothing changes.
  ASSERT_OK_AND_ASSIGN_T(got, svc().GetDocument(clerk_, a));
  EXPECT_EQ(got.repealed_on, D("2025-06-30"));
  NormativeDocument stale = got;
  stale.version = 1;
  stale.title = "过期的修改";
  EXPECT_EQ(svc().UpdateDocument(clerk_, stale).code(), StatusCode::kAborted);
  got.note = "已被新办法替代";
  ASSERT_TRUE(svc().UpdateDocument(clerk_, got).ok());

  ASSERT_OK_AND_ASSIGN_T(auto all, svc().ListDocuments(clerk_, township_, {}));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, b);  // newest first
  ASSERT_OK_AND_ASSIGN_T(auto current,
                         svc().ListDocuments(clerk_, township_, {.in_force = true}));
  ASSERT_EQ(current.size(), 1u);
  EXPECT_EQ(current[0].id, b);
  ASSERT_OK_AND_ASSIGN_T(auto of2024, svc().ListDocuments(clerk_, township_, {.year = 2024}));
  ASSERT_EQ(of2024.size(), 1u);
  EXPECT_EQ(of2024[0].id, a);
  ASSERT_OK_AND_ASSIGN_T(auto rules, svc().ListDocuments(
                                         clerk_, township_, {.kind = DocumentKind::kRule}));
  EXPECT_TRUE(rules.empty());
}

TEST_F(DisclosureFiguresServiceTest, FiguresAreSavedOncePerYearWithVersions) {
  DecisionFigures f{.agency_id = township_, .year = 2025, .licensing = 4, .fee_fen = 100};
  ASSERT_TRUE(svc().SaveFigures(clerk_, f).ok());
  EXPECT_EQ(svc().SaveFigures(clerk_, f).code(), StatusCode::kAborted);  // form saw none
  ASSERT_OK_AND_ASSIGN_T(auto got, svc().GetFigures(leader_, township_, 2025));
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->licensing, 4);
  f.version = got->version;
  f.penalty = 2;
  ASSERT_TRUE(svc().SaveFigures(clerk_, f).ok());
  EXPECT_EQ(svc().SaveFigures(clerk_, f).code(), StatusCode::kAborted);  // stale
  ASSERT_OK_AND_ASSIGN_T(got, svc().GetFigures(leader_, township_, 2025));
  EXPECT_EQ(got->penalty, 2);
  ASSERT_OK_AND_ASSIGN_T(auto none, svc().GetFigures(leader_, township_, 2024));
  EXPECT_FALSE(none.has_value());
  DecisionFigures future{.agency_id = township_, .year = 2027};
  EXPECT_EQ(svc().SaveFigures(clerk_, future).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(svc().SaveFigures(supervisor_, {.agency_id = township_, .year = 2024}).code(),
            StatusCode::kPermissionDenied);
}

TEST_F(DisclosureFiguresServiceTest, CsvImportIsAllOrNothing) {
  const std::string header = "\xEF\xBB\xBF单位,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\r\n";
  const std::string good = "三门峡市湖滨区磁钟乡人民政府,2025,12,3,1,1.2345\r\n";
  int64_t before = AuditCount();
  // One bad line: nothing saved, the line and column named, the attempt audited.
  FiguresImport bad = svc().ImportCsv(clerk_, header + good + "三门峡市湖滨区磁钟乡人民政府,2024,1,x,0,0\r\n");
  EXPECT_EQ(bad.status.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(bad.problems.size(), 1u);
  EXPECT_EQ(bad.problems[0].line, 3);
  EXPECT_EQ(bad.problems[0].column, "penalty");
  EXPECT_NE(bad.status.message().find("line 3, column penalty"), std::string::npos);
  EXPECT_EQ(bad.created, 0);
  ASSERT_OK_AND_ASSIGN_T(auto none, svc().GetFigures(clerk_, township_, 2025));
  EXPECT_FALSE(none.has_value());
  EXPECT_EQ(AuditCount(), before + 1);
  // An agency outside the clerk's scope is a problem of its line too.
  FiguresImport outside =
      svc().ImportCsv(clerk_, header + good + "三门峡市湖滨区交口乡人民政府,2025,1,1,0,0\r\n");
  ASSERT_EQ(outside.problems.size(), 1u);
  EXPECT_EQ(outside.problems[0].line, 3);
  EXPECT_NE(outside.problems[0].message_zh.find("第3行“单位”列"), std::string::npos);
  // Not UTF-8.
  FiguresImport gbk = svc().ImportCsv(clerk_, "\xB5\xA5\xCE\xBB,1\r\n");
  EXPECT_FALSE(gbk.status.ok());
  EXPECT_NE(gbk.status.ui_message().find("UTF-8"), std::string::npos);

  // Fixed: saved, and a second import replaces the year's figures.
  FiguresImport ok = svc().ImportCsv(clerk_, header + good);
  ASSERT_TRUE(ok.status.ok()) << ok.status.ToString();
  EXPECT_EQ(ok.created, 1);
  ASSERT_OK_AND_ASSIGN_T(auto saved, svc().GetFigures(clerk_, township_, 2025));
  EXPECT_EQ(saved->fee_fen, 1'234'500);
  FiguresImport again = svc().ImportCsv(
      clerk_, header + std::to_string(township_) + ",2025,13,3,1,1.2345\r\n");
  ASSERT_TRUE(again.status.ok()) << again.status.ToString();
  EXPECT_EQ(again.updated, 1);
  ASSERT_OK_AND_ASSIGN_T(saved, svc().GetFigures(clerk_, township_, 2025));
  EXPECT_EQ(saved->licensing, 13);
}

TEST_F(DisclosureFiguresServiceTest, AnnualReportTableTwoComesFromTheRecords) {
  ASSERT_TRUE(svc().CreateDocument(clerk_, Doc("磁政〔2024〕3号", "2024-03-01")).ok());
  ASSERT_OK_AND_ASSIGN_T(int64_t b, svc().CreateDocument(clerk_, Doc("磁政〔2025〕1号", "2025-02-01")));
  ASSERT_OK_AND_ASSIGN_T(int64_t c, svc().CreateDocument(clerk_, Doc("磁政〔2025〕2号", "2025-04-01")));
  ASSERT_TRUE(svc().RepealDocument(clerk_, c, 1, D("2025-12-01")).ok());
  ASSERT_TRUE(svc()
                  .SaveFigures(clerk_, {.agency_id = township_, .year = 2025, .licensing = 12,
                                        .penalty = 3, .coercion = 1, .fee_fen = 1'234'500})
                  .ok());
  ASSERT_OK_AND_ASSIGN_T(int64_t report_id, platform_->reports().Create(clerk_, township_, 2025));
  ASSERT_OK_AND_ASSIGN_T(ReportView view, platform_->reports().Get(clerk_, report_id));
  EXPECT_EQ(view.data.Get("t2.normative.made"), 2);
  EXPECT_EQ(view.data.Get("t2.normative.repealed"), 1);
  EXPECT_EQ(view.data.Get("t2.normative.in_force"), 2);
  EXPECT_EQ(view.data.Get("t2.rules.in_force"), 0);
  EXPECT_EQ(view.data.Get("t2.licensing.decisions"), 12);
  EXPECT_EQ(view.data.Get("t2.fees.amount"), 1'234'500);
  EXPECT_TRUE(view.differs_from_records.empty());

  // A repeal recorded later makes the draft differ until it is recounted.
  ASSERT_TRUE(svc().RepealDocument(clerk_, b, 1, D("2025-12-30")).ok());
  ASSERT_OK_AND_ASSIGN_T(view, platform_->reports().Get(clerk_, report_id));
  EXPECT_EQ(view.differs_from_records,
            (std::vector<std::string>{"t2.normative.in_force", "t2.normative.repealed"}));
  ASSERT_TRUE(
      platform_->reports().FillFromRecords(clerk_, report_id, view.record.row_version).ok());
  ASSERT_OK_AND_ASSIGN_T(view, platform_->reports().Get(clerk_, report_id));
  EXPECT_TRUE(view.differs_from_records.empty());
  EXPECT_EQ(view.data.Get("t2.normative.repealed"), 2);
  for (const auto& cv : view.checks) {
    EXPECT_FALSE(cv.violation.rule.starts_with("T2")) << cv.violation.rule;
  }
}

TEST_F(DisclosureFiguresServiceTest, WithoutFiguresTheDecisionCellsAreLeftAsEntered) {
  ASSERT_OK_AND_ASSIGN_T(int64_t report_id, platform_->reports().Create(clerk_, township_, 2025));
  ASSERT_OK_AND_ASSIGN_T(ReportView view, platform_->reports().Get(clerk_, report_id));
  report::ReportData d = view.data;
  d.Set("t2.penalty.decisions", 5);
  ASSERT_TRUE(platform_->reports().Save(clerk_, report_id, view.record.row_version, d).ok());
  ASSERT_OK_AND_ASSIGN_T(view, platform_->reports().Get(clerk_, report_id));
  EXPECT_TRUE(view.differs_from_records.empty());
  ASSERT_TRUE(
      platform_->reports().FillFromRecords(clerk_, report_id, view.record.row_version).ok());
  ASSERT_OK_AND_ASSIGN_T(view, platform_->reports().Get(clerk_, report_id));
  EXPECT_EQ(view.data.Get("t2.penalty.decisions"), 5);
}

}  // namespace
}  // namespace gongkai::service
