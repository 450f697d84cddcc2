#include "core/application/case_state.h"

#include <gtest/gtest.h>

#include "core/testing/loaded_calendar.h"

namespace gongkai::application {
namespace {

using testing::D;

class CaseStateTest : public ::testing::Test {
 protected:
  CaseStateTest() : cal_(testing::LoadedCalendar()), ctx_{D("2023-12-31"), cal_} {}

  Application Received(const char* date = "2023-03-01") {
    Application app;
    app.applicant.type = ApplicantType::kNatural;
    Result<Application> r = Apply(app, Event(EventKind::kReceived, date), ctx_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return *r;
  }
  static CaseEvent Event(EventKind kind, const char* date) {
    CaseEvent e;
    e.kind = kind;
    e.date = D(date);
    e.text = "说明";
    e.party = "某公司";
    return e;
  }
  static CaseEvent Close(const char* date, Outcome outcome) {
    CaseEvent e = Event(EventKind::kClosed, date);
    e.outcome = outcome;
    return e;
  }
  // Applies and expects success.
  Application Ok(const Application& app, CaseEvent e) {
    Result<Application> r = Apply(app, std::move(e), ctx_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : app;
  }
  Status Refused(const Application& app, CaseEvent e) {
    Result<Application> r = Apply(app, std::move(e), ctx_);
    EXPECT_FALSE(r.ok());
    return r.status();
  }

  WorkingCalendar cal_;
  CaseContext ctx_;
};

TEST_F(CaseStateTest, HappyPathDerivesStates) {
  Application app = Received();
  EXPECT_EQ(app.state, CaseState::kHandling);
  EXPECT_EQ(app.receipt_date, D("2023-03-01"));
  CaseEvent sent = Event(EventKind::kConsultationSent, "2023-03-06");
  app = Ok(app, sent);
  EXPECT_EQ(app.state, CaseState::kConsulting);
  CaseEvent answered = Event(EventKind::kConsultationAnswered, "2023-03-20");
  answered.ref = app.events.back().seq;
  app = Ok(app, answered);
  EXPECT_EQ(app.state, CaseState::kHandling);
  app = Ok(app, Close("2023-04-10", Outcome::kPartial));
  EXPECT_EQ(app.state, CaseState::kClosed);
  EXPECT_EQ(app.outcome, Outcome::kPartial);
  EXPECT_EQ(app.closed_on, D("2023-04-10"));
  EXPECT_EQ(app.events.back().seq, 4);
}

TEST_F(CaseStateTest, OnlineSubmissionWaitsForConfirmation) {
  Application app;
  app = Ok(app, Event(EventKind::kSubmittedOnline, "2023-03-04"));
  EXPECT_EQ(app.state, CaseState::kAwaitingConfirmation);
  EXPECT_EQ(Refused(app, Close("2023-03-05", Outcome::kGranted)).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(Refused(app, Event(EventKind::kReceived, "2023-03-03")).code(),
            StatusCode::kInvalidArgument);
  app = Ok(app, Event(EventKind::kReceived, "2023-03-06"));
  EXPECT_EQ(app.receipt_date, D("2023-03-06"));
  EXPECT_EQ(app.state, CaseState::kHandling);
}

// The bad inputs, each refused with a reason and nothing changed.
TEST_F(CaseStateTest, RefusesWhatTheStatuteForbids) {
  Application app = Received();
  EXPECT_EQ(Refused(app, Event(EventKind::kNote, "2024-01-02")).code(),
            StatusCode::kInvalidArgument)
      << "future date";
  EXPECT_EQ(Refused(app, Event(EventKind::kConsultationSent, "2023-02-28")).code(),
            StatusCode::kInvalidArgument)
      << "before receipt";

  // Extension: at most 20 days, needs a request pending for approval, only once, before the due
  // date.
  CaseEvent ext = Event(EventKind::kExtensionRequested, "2023-03-20");
  ext.days = 21;
  EXPECT_NE(Refused(app, ext).ui_message().find("20个工作日"), std::string::npos);
  CaseEvent approve = Event(EventKind::kExtensionApproved, "2023-03-21");
  approve.ref = 1;
  EXPECT_EQ(Refused(app, approve).code(), StatusCode::kFailedPrecondition) << "no request pending";
  ext.days = 20;
  CaseEvent late_ext = ext;
  late_ext.date = D("2023-03-30");  // due 2023-03-29
  EXPECT_NE(Refused(app, late_ext).ui_message().find("届满"), std::string::npos);
  Application extended = Ok(app, ext);
  approve.ref = extended.events.back().seq;
  extended = Ok(extended, approve);
  ext.date = D("2023-04-03");
  EXPECT_NE(Refused(extended, ext).ui_message().find("只能延长一次"), std::string::npos);

  // Fee in the free band; fee before 109号.
  CaseEvent fee = Event(EventKind::kFeeNoticeIssued, "2023-03-06");
  fee.quantity = 10;
  fee.amount_fen = 0;
  EXPECT_NE(Refused(app, fee).ui_message().find("免费"), std::string::npos);
  Application old_case = Received("2020-06-01");
  fee.date = D("2020-06-02");
  fee.amount_fen = 10000;
  EXPECT_EQ(Refused(old_case, fee).code(), StatusCode::kFailedPrecondition);

  // Outcome while paused.
  Application consulting = Ok(app, Event(EventKind::kConsultationSent, "2023-03-06"));
  EXPECT_NE(
      Refused(consulting, Close("2023-03-07", Outcome::kGranted)).ui_message().find("征求意见"),
      std::string::npos);

  // Closed: nothing but notes.
  Application closed = Ok(app, Close("2023-03-10", Outcome::kGranted));
  EXPECT_EQ(Refused(closed, Event(EventKind::kConsultationSent, "2023-03-11")).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(Ok(closed, Event(EventKind::kNote, "2023-03-11")).events.size(), 3u);
}

TEST_F(CaseStateTest, CorrectionOnceAndDeemedWithdrawnOnlyAfterItsDeadline) {
  Application app = Received();
  CaseEvent req = Event(EventKind::kCorrectionRequested, "2023-03-03");
  EXPECT_EQ(Refused(app, req).code(), StatusCode::kInvalidArgument) << "no deadline";
  req.until = D("2023-03-17");
  app = Ok(app, req);
  EXPECT_EQ(app.state, CaseState::kAwaitingCorrection);
  EXPECT_EQ(Refused(app, Close("2023-03-10", Outcome::kGranted)).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_NE(
      Refused(app, Close("2023-03-17", Outcome::kOtherNoCorrection)).ui_message().find("尚未届满"),
      std::string::npos);
  Application withdrawn = Ok(app, Close("2023-03-20", Outcome::kOtherNoCorrection));
  EXPECT_EQ(withdrawn.outcome, Outcome::kOtherNoCorrection);

  Application corrected = Ok(app, Event(EventKind::kCorrectionReceived, "2023-03-10"));
  req.date = D("2023-03-13");
  EXPECT_NE(Refused(corrected, req).ui_message().find("一次性"), std::string::npos);
  EXPECT_EQ(Ok(corrected, Close("2023-03-20", Outcome::kUnableUnclear)).outcome,
            Outcome::kUnableUnclear);
  EXPECT_EQ(Refused(Received(), Close("2023-03-20", Outcome::kUnableUnclear)).code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(CaseStateTest, UnpaidFeeEndsTheCaseOnlyAfterTwentyWorkingDays) {
  Application app = Received();
  CaseEvent fee = Event(EventKind::kFeeNoticeIssued, "2023-03-06");
  fee.quantity = 35;
  fee.amount_fen = 300000;
  app = Ok(app, fee);
  EXPECT_EQ(app.state, CaseState::kAwaitingPayment);
  // 20 working days after 2023-03-06 is 2023-04-03.
  EXPECT_EQ(Refused(app, Close("2023-04-03", Outcome::kOtherNoPayment)).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(Ok(app, Close("2023-04-04", Outcome::kOtherNoPayment)).state, CaseState::kClosed);
  CaseEvent paid = Event(EventKind::kFeePaid, "2023-03-10");
  paid.ref = 99;
  EXPECT_EQ(Refused(app, paid).code(), StatusCode::kFailedPrecondition);
  paid.ref = app.events.back().seq;
  EXPECT_EQ(Ok(app, paid).state, CaseState::kHandling);
}

TEST_F(CaseStateTest, AnswerNeedsOutcomeAndText) {
  Application app = Received();
  CaseEvent e = Event(EventKind::kClosed, "2023-03-10");
  EXPECT_EQ(Refused(app, e).code(), StatusCode::kInvalidArgument);
  e.outcome = Outcome::kGranted;
  e.text = "  ";
  EXPECT_EQ(Refused(app, e).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace gongkai::application
