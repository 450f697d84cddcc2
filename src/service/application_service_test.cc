#include "service/application_service.h"

#include <gtest/gtest.h>

#include "core/testing/loaded_calendar.h"
#include "service/service_fixture_test.h"

namespace gongkai::service {
namespace {

using application::ApplicantType;
using application::Application;
using application::CaseEvent;
using application::CaseState;
using application::EventKind;
using application::Outcome;

class ApplicationServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    for (int y = 2023; y <= 2026; ++y) {
      auto year = ParseCalendarYear(testing::ReadCalendarFile(y));
      ASSERT_TRUE(year.ok());
      ASSERT_TRUE(platform_->calendar().Load(Actor::Cli(), *year).ok());
    }
    district_ = AddAgency(AgencyLevel::kDistrict, std::nullopt, "湖滨区人民政府");
    township_ = AddAgency(AgencyLevel::kTownship, district_, "磁钟乡人民政府");
    other_ = AddAgency(AgencyLevel::kTownship, district_, "交口乡人民政府");
    clerk_ = Actor::Staff(AddUser("cz.clerk", Role::kClerk, township_), "127.0.0.1");
    leader_ = Actor::Staff(AddUser("cz.leader", Role::kLeader, township_), "127.0.0.1");
    other_clerk_ = Actor::Staff(AddUser("jk.clerk", Role::kClerk, other_), "127.0.0.1");
    supervisor_ = Actor::Staff(AddUser("hb.super", Role::kSupervisor, district_), "127.0.0.1");
  }

  static Application Form(const char* received = "2025-11-03") {
    Application a;
    a.channel = application::IntakeChannel::kInPerson;
    if (received) a.receipt_date = testing::D(received);
    a.applicant.type = ApplicantType::kNatural;
    a.applicant.name = "张三";
    a.applicant.id_number = "11010519491231002X";
    a.applicant.phone = "13800138000";
    a.request.title = "2024年村道修建资金使用情况";
    return a;
  }
  ApplicationService& svc() { return platform_->applications(); }
  Application Load(int64_t id) { return svc().Get(clerk_, id).value().app; }
  static CaseEvent Ev(EventKind kind, const char* date) {
    CaseEvent e;
    e.kind = kind;
    e.date = testing::D(date);
    e.text = "说明";
    e.party = "某公司";
    return e;
  }

  int64_t district_ = 0, township_ = 0, other_ = 0;
  Actor clerk_, leader_, other_clerk_, supervisor_;
};

TEST_F(ApplicationServiceTest, RegisterNumbersAndAuditsAndRefusesBadIdentity) {
  int64_t before = AuditCount();
  ASSERT_OK_AND_ASSIGN_T(Submitted first, svc().Register(clerk_, township_, Form()));
  ASSERT_OK_AND_ASSIGN_T(Submitted second, svc().Register(clerk_, township_, Form()));
  Application a = Load(first.id);
  EXPECT_EQ(a.serial_year, 2025);
  EXPECT_EQ(a.serial_no, 1);
  EXPECT_EQ(Load(second.id).serial_no, 2);
  EXPECT_EQ(a.state, CaseState::kHandling);
  EXPECT_EQ(a.receipt_date, testing::D("2025-11-03"));
  EXPECT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].by, "测试用户");
  EXPECT_EQ(first.query_code.size(), 24u);  // 20 characters in groups of four

  Application bad = Form();
  bad.applicant.id_number = "110105194912310021";
  Result<Submitted> refused = svc().Register(clerk_, township_, bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().ui_message().find("校验位"), std::string::npos);
  Application future = Form("2025-11-29");
  EXPECT_EQ(svc().Register(clerk_, township_, future).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(svc().Register(other_clerk_, township_, Form()).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(svc().Register(leader_, township_, Form()).status().code(),
            StatusCode::kPermissionDenied);
  // Two registrations, four refusals: each one in the audit log.
  EXPECT_EQ(AuditCount(), before + 6);
  ApplicationQuery all;
  ASSERT_OK_AND_ASSIGN_T(auto lines, svc().List(clerk_, all));
  EXPECT_EQ(lines.size(), 2u);
}

TEST_F(ApplicationServiceTest, OnlineSubmissionTrackingAndRateLimit) {
  Actor pub = Actor::Public("203.0.113.7");
  ASSERT_OK_AND_ASSIGN_T(Submitted s, svc().SubmitOnline(pub, township_, Form(nullptr)));
  ASSERT_OK_AND_ASSIGN_T(PublicStatus st, svc().Track(s.query_code));
  EXPECT_EQ(st.app.state, CaseState::kAwaitingConfirmation);
  EXPECT_EQ(st.app.submitted_on, testing::D("2025-11-28"));
  EXPECT_FALSE(st.app.receipt_date.has_value());
  EXPECT_TRUE(st.app.applicant.id_number.empty()) << "the public view hides the ID number";
  std::string sloppy = NormaliseQueryCode(s.query_code);
  for (char& c : sloppy) c = static_cast<char>(std::tolower(c));
  EXPECT_TRUE(svc().Track(" " + sloppy + " ").ok());
  EXPECT_EQ(svc().Track("0000-0000-0000-0000-0000").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(svc().Track("x").status().code(), StatusCode::kNotFound);

  for (int i = 0; i < 4; ++i) ASSERT_TRUE(svc().SubmitOnline(pub, township_, Form(nullptr)).ok());
  Result<Submitted> sixth = svc().SubmitOnline(pub, township_, Form(nullptr));
  EXPECT_EQ(sixth.status().code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(svc().SubmitOnline(Actor::Public("203.0.113.8"), township_, Form(nullptr)).ok());
  clock_.Advance(3601);
  EXPECT_TRUE(svc().SubmitOnline(pub, township_, Form(nullptr)).ok());
  EXPECT_EQ(svc().SubmitOnline(clerk_, township_, Form(nullptr)).status().code(),
            StatusCode::kPermissionDenied);
  int64_t village = AddAgency(AgencyLevel::kVillage, township_, "磁钟村村民委员会");
  EXPECT_EQ(
      svc().SubmitOnline(Actor::Public("203.0.113.9"), village, Form(nullptr)).status().code(),
      StatusCode::kFailedPrecondition);

  // Staff confirm the receipt; the clock starts on that day (Art. 31).
  Application a = Load(s.id);
  CaseEvent received = Ev(EventKind::kReceived, "2025-11-28");
  ASSERT_TRUE(svc().Record(clerk_, s.id, a.version, received).ok());
  ASSERT_OK_AND_ASSIGN_T(ApplicationView v, svc().Get(clerk_, s.id));
  EXPECT_EQ(v.app.state, CaseState::kHandling);
  ASSERT_TRUE(v.deadline.due.has_value());
  EXPECT_EQ(v.deadline.due->ToString(), "2025-12-26");
  EXPECT_FALSE(v.duplicates.empty()) << "the same applicant asked the same thing";
}

TEST_F(ApplicationServiceTest, StepsNeedTheRightRoleAndAFreshVersion) {
  ASSERT_OK_AND_ASSIGN_T(Submitted s, svc().Register(clerk_, township_, Form()));
  Application a = Load(s.id);
  CaseEvent ext = Ev(EventKind::kExtensionRequested, "2025-11-20");
  ext.days = 20;
  EXPECT_EQ(svc().Record(leader_, s.id, a.version, ext).code(), StatusCode::kPermissionDenied);
  ASSERT_TRUE(svc().Record(clerk_, s.id, a.version, ext).ok());
  EXPECT_EQ(svc().Record(clerk_, s.id, a.version, Ev(EventKind::kNote, "2025-11-21")).code(),
            StatusCode::kAborted)
      << "stale version";
  a = Load(s.id);
  EXPECT_EQ(a.handler_name, "测试用户") << "the first to handle becomes the handler";
  ApplicationQuery waiting;
  waiting.list = ApplicationList::kAwaitingApproval;
  ASSERT_OK_AND_ASSIGN_T(auto pending, svc().List(leader_, waiting));
  ASSERT_EQ(pending.size(), 1u);
  CaseEvent approve = Ev(EventKind::kExtensionApproved, "2025-11-21");
  approve.ref = a.events.back().seq;
  EXPECT_EQ(svc().Record(clerk_, s.id, a.version, approve).code(), StatusCode::kPermissionDenied);
  ASSERT_TRUE(svc().Record(leader_, s.id, a.version, approve).ok());
  ASSERT_OK_AND_ASSIGN_T(ApplicationView v, svc().Get(supervisor_, s.id));
  EXPECT_EQ(v.deadline.extension_days, 20);
  // The applicant sees the approved extension with its request, and the same due date.
  ASSERT_OK_AND_ASSIGN_T(PublicStatus pub, svc().Track(v.app.query_code));
  EXPECT_EQ(pub.deadline.due, v.deadline.due);
  EXPECT_EQ(pub.app.events.size(), 3u);
  EXPECT_TRUE(pub.deadline.steps.empty());
  EXPECT_EQ(v.deadline.due->ToString(), "2025-12-29");
  EXPECT_EQ(svc().Get(other_clerk_, s.id).status().code(), StatusCode::kPermissionDenied);

  // An outcome while paused is refused, and the refusal is audited with what was tried.
  int64_t audit = AuditCount();
  ASSERT_TRUE(
      svc()
          .Record(clerk_, s.id, v.app.version, Ev(EventKind::kConsultationSent, "2025-11-24"))
          .ok());
  CaseEvent close = Ev(EventKind::kClosed, "2025-11-25");
  close.outcome = Outcome::kGranted;
  Status refused = svc().Record(clerk_, s.id, v.app.version + 1, close);
  EXPECT_EQ(refused.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(AuditCount(), audit + 2);
  EXPECT_EQ(Load(s.id).state, CaseState::kConsulting);
}

TEST_F(ApplicationServiceTest, FeesCountTheApplicantsItemsInTheMonth) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 12; ++i) {
    Application f = Form(i < 11 ? "2025-11-03" : "2025-11-10");
    f.request.title = "信息" + std::to_string(i);
    ASSERT_OK_AND_ASSIGN_T(Submitted s, svc().Register(clerk_, township_, f));
    ids.push_back(s.id);
  }
  Application other_month = Form("2025-10-30");
  ASSERT_TRUE(svc().Register(clerk_, township_, other_month).ok());
  ASSERT_OK_AND_ASSIGN_T(ApplicationService::FeeQuote q,
                         svc().QuoteFee(clerk_, ids.back(), application::FeeMethod::kPerItem, 1));
  EXPECT_EQ(q.items_before, 11);
  EXPECT_EQ(q.amount_fen, 10000);
  ASSERT_OK_AND_ASSIGN_T(ApplicationService::FeeQuote free,
                         svc().QuoteFee(clerk_, ids[0], application::FeeMethod::kPerItem, 1));
  EXPECT_EQ(free.amount_fen, 0);
  CaseEvent fee = Ev(EventKind::kFeeNoticeIssued, "2025-11-12");
  fee.fee_method = application::FeeMethod::kPerItem;
  fee.quantity = 1;
  fee.amount_fen = 999999;  // ignored: the service computes it
  EXPECT_NE(svc().Record(clerk_, ids[0], Load(ids[0]).version, fee).ui_message().find("免费"),
            std::string::npos);
  ASSERT_TRUE(svc().Record(clerk_, ids.back(), Load(ids.back()).version, fee).ok());
  EXPECT_EQ(Load(ids.back()).events.back().amount_fen, 10000);
  EXPECT_EQ(Load(ids.back()).state, CaseState::kAwaitingPayment);
}

TEST_F(ApplicationServiceTest, ListsByDeadlineAndCsv) {
  ASSERT_OK_AND_ASSIGN_T(Submitted late, svc().Register(clerk_, township_, Form("2025-10-09")));
  ASSERT_OK_AND_ASSIGN_T(Submitted soon, svc().Register(clerk_, township_, Form("2025-10-31")));
  ASSERT_OK_AND_ASSIGN_T(Submitted fresh, svc().Register(clerk_, township_, Form("2025-11-27")));
  auto list = [&](ApplicationList l) {
    ApplicationQuery q;
    q.list = l;
    q.due_within = 5;
    std::vector<int64_t> ids;
    Result<std::vector<ApplicationLine>> lines = svc().List(clerk_, q);
    EXPECT_TRUE(lines.ok()) << lines.status().ToString();
    if (lines.ok()) {
      for (const ApplicationLine& line : *lines) ids.push_back(line.app.id);
    }
    return ids;
  };
  EXPECT_EQ(list(ApplicationList::kOverdue), std::vector<int64_t>{late.id});  // due 2025-11-06
  EXPECT_EQ(list(ApplicationList::kDueSoon), std::vector<int64_t>{soon.id});  // due today
  EXPECT_EQ(list(ApplicationList::kOpen).size(), 3u);
  EXPECT_EQ(list(ApplicationList::kClosed).size(), 0u);
  (void)fresh;
  ApplicationQuery q;
  q.received_from = testing::D("2025-10-15");
  ASSERT_OK_AND_ASSIGN_T(std::string csv, svc().ExportCsv(clerk_, q));
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBF"));
  EXPECT_NE(csv.find("编号,单位,收到申请日期"), std::string::npos);
  EXPECT_NE(csv.find("2025-10-31"), std::string::npos);
  EXPECT_EQ(csv.find("2025-10-09"), std::string::npos);
  // The supervisor above sees the township's cases; the neighbour does not.
  ApplicationQuery mine;
  EXPECT_EQ(svc().List(supervisor_, mine)->size(), 3u);
  EXPECT_EQ(svc().List(other_clerk_, mine)->size(), 0u);
  mine.agency_id = township_;
  EXPECT_EQ(svc().List(other_clerk_, mine).status().code(), StatusCode::kPermissionDenied);
}

TEST_F(ApplicationServiceTest, AnnualReportTablesComeFromTheRecords) {
  clock_.Advance(40 * 86400);  // 2026-01-07: 2025 has ended
  auto close = [&](int64_t id, const char* date, Outcome outcome) {
    CaseEvent e = Ev(EventKind::kClosed, date);
    e.outcome = outcome;
    ASSERT_TRUE(svc().Record(clerk_, id, Load(id).version, e).ok());
  };
  ASSERT_OK_AND_ASSIGN_T(Submitted a, svc().Register(clerk_, township_, Form("2025-03-03")));
  ASSERT_OK_AND_ASSIGN_T(Submitted b, svc().Register(clerk_, township_, Form("2025-12-24")));
  Application org = Form("2025-06-02");
  org.applicant.type = ApplicantType::kLegal;
  org.applicant.credit_code = "91350100M000100Y43";
  org.applicant.contact_name = "李四";
  ASSERT_OK_AND_ASSIGN_T(Submitted c, svc().Register(clerk_, township_, org));
  close(a.id, "2025-03-20", Outcome::kGranted);
  close(c.id, "2025-06-20", Outcome::kUnableNotHeld);
  (void)b;  // open at year end: carried out
  litigation::ReviewCase rc;
  rc.agency_id = township_;
  rc.application_id = c.id;
  rc.kind = litigation::CaseKind::kReview;
  rc.decision = "答复书〔2025〕3号";
  rc.filed_on = testing::D("2025-07-01");
  ASSERT_OK_AND_ASSIGN_T(int64_t rc_id, platform_->review_cases().Create(clerk_, rc));
  rc.application_id = 999;
  EXPECT_EQ(platform_->review_cases().Create(clerk_, rc).status().code(),
            StatusCode::kInvalidArgument);

  ASSERT_OK_AND_ASSIGN_T(report::ReportData t, svc().TallyYear(clerk_, township_, 2025));
  EXPECT_EQ(t.Get("t3.new.natural"), 2);
  EXPECT_EQ(t.Get("t3.new.legal"), 1);
  EXPECT_EQ(t.Get("t3.granted.natural"), 1);
  EXPECT_EQ(t.Get("t3.unable.not_held.legal"), 1);
  EXPECT_EQ(t.Get("t3.carried_out.total"), 1);
  EXPECT_EQ(t.Get("t4.review.pending"), 1);

  ASSERT_OK_AND_ASSIGN_T(int64_t report_id, platform_->reports().Create(clerk_, township_, 2025));
  ASSERT_OK_AND_ASSIGN_T(ReportView view, platform_->reports().Get(clerk_, report_id));
  EXPECT_EQ(view.data.Get("t3.new.total"), 3);
  EXPECT_EQ(view.data.Get("t3.handled_total.total"), 2);
  EXPECT_TRUE(view.compared_with_records);
  EXPECT_TRUE(view.differs_from_records.empty());
  // A result recorded later makes the draft differ until it is recounted.
  ASSERT_OK_AND_ASSIGN_T(litigation::ReviewCase stored,
                         platform_->review_cases().Get(clerk_, rc_id));
  stored.result = litigation::CaseResult::kUpheld;
  stored.result_on = testing::D("2025-12-01");
  ASSERT_TRUE(platform_->review_cases().Update(clerk_, stored).ok());
  ASSERT_OK_AND_ASSIGN_T(view, platform_->reports().Get(clerk_, report_id));
  EXPECT_EQ(view.differs_from_records,
            (std::vector<std::string>{"t4.review.pending", "t4.review.upheld"}));
  ASSERT_TRUE(
      platform_->reports().FillFromRecords(clerk_, report_id, view.record.row_version).ok());
  ASSERT_OK_AND_ASSIGN_T(view, platform_->reports().Get(clerk_, report_id));
  EXPECT_TRUE(view.differs_from_records.empty());
  EXPECT_EQ(view.data.Get("t4.review.upheld"), 1);
  for (const auto& cv : view.checks) {
    EXPECT_FALSE(cv.violation.rule.starts_with("T3") || cv.violation.rule.starts_with("T4"))
        << cv.violation.rule;
  }
}

}  // namespace
}  // namespace gongkai::service
