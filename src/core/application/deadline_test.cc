#include "core/application/deadline.h"

#include <gtest/gtest.h>

#include "core/application/case_state.h"
#include "core/testing/loaded_calendar.h"

// The case tables leave trailing fields at their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace gongkai::application {
namespace {

using testing::D;

// An event written as it would be recorded; `ref` names an earlier event by its position (1-based).
struct Ev {
  EventKind kind;
  const char* date;
  int ref = 0;
  int days = 0;
  const char* until = nullptr;
};

struct Case {
  const char* name;
  const char* received;
  std::vector<Ev> events;
  ClockStatus status;
  const char* due;  // nullptr when none
  int paused_days = 0;
  bool provisional = false;
};

Application Build(const Case& c) {
  Application app;
  app.channel = IntakeChannel::kInPerson;
  app.receipt_date = D(c.received);
  int seq = 1;
  app.events.push_back({.seq = seq++, .kind = EventKind::kReceived, .date = D(c.received)});
  for (const Ev& e : c.events) {
    CaseEvent ev{.seq = seq++, .kind = e.kind, .date = D(e.date)};
    ev.ref = e.ref + (e.ref ? 1 : 0);  // positions are after the receipt event
    ev.days = e.days;
    if (e.until) ev.until = D(e.until);
    ev.party = "某公司";
    ev.text = "说明";
    if (e.kind == EventKind::kClosed) ev.outcome = Outcome::kGranted;
    app.events.push_back(ev);
  }
  return app;
}

// statute.md's worked examples and the calendar's traps, pinned.
const std::vector<Case> kCases = {
    {"spring festival 2023 with make-up weekend",
     "2023-01-19",
     {},
     ClockStatus::kRunning,
     "2023-02-21"},
    {"correction restarts the count",
     "2023-03-01",
     {{EventKind::kCorrectionRequested, "2023-03-03", 0, 0, "2023-03-17"},
      {EventKind::kCorrectionReceived, "2023-03-10"}},
     ClockStatus::kRunning,
     "2023-04-10"},
    {"third-party consultation not counted",
     "2023-03-01",
     {{EventKind::kConsultationSent, "2023-03-06"},
      {EventKind::kConsultationAnswered, "2023-03-20", 1}},
     ClockStatus::kRunning,
     "2023-04-13",
     10},
    {"extension of 20 working days",
     "2023-03-01",
     {{EventKind::kExtensionRequested, "2023-03-20", 0, 20},
      {EventKind::kExtensionApproved, "2023-03-21", 1}},
     ClockStatus::kRunning,
     "2023-04-26"},
    {"extension refused leaves the date",
     "2023-03-01",
     {{EventKind::kExtensionRequested, "2023-03-20", 0, 20},
      {EventKind::kExtensionRefused, "2023-03-21", 1}},
     ClockStatus::kRunning,
     "2023-03-29"},
    {"national day with two make-up weekend days",
     "2023-09-27",
     {},
     ClockStatus::kRunning,
     "2023-10-31"},
    {"across new year", "2023-12-20", {}, ClockStatus::kRunning, "2024-01-18"},
    {"spring festival 2024, make-up Sunday counted",
     "2024-02-07",
     {},
     ClockStatus::kRunning,
     "2024-03-12"},
    {"labour day 2023, make-up Saturday and Sunday",
     "2023-04-17",
     {},
     ClockStatus::kRunning,
     "2023-05-16"},
    {"two overlapping consultations count once",
     "2023-03-01",
     {{EventKind::kConsultationSent, "2023-03-06"},
      {EventKind::kConsultationSent, "2023-03-08"},
      {EventKind::kConsultationAnswered, "2023-03-10", 1},
      {EventKind::kConsultationAnswered, "2023-03-14", 2}},
     ClockStatus::kRunning,
     "2023-04-07",
     6},
    {"nested consultations equal the outer one",
     "2023-03-01",
     {{EventKind::kConsultationSent, "2023-03-06"},
      {EventKind::kConsultationSent, "2023-03-08"},
      {EventKind::kConsultationAnswered, "2023-03-15", 2},
      {EventKind::kConsultationAnswered, "2023-03-20", 1}},
     ClockStatus::kRunning,
     "2023-04-13",
     10},
    {"open consultation pauses",
     "2023-03-01",
     {{EventKind::kConsultationSent, "2023-03-06"}},
     ClockStatus::kPaused,
     nullptr},
    {"fee wait not counted",
     "2023-03-01",
     {{EventKind::kFeeNoticeIssued, "2023-03-06"}, {EventKind::kFeePaid, "2023-03-20", 1}},
     ClockStatus::kRunning,
     "2023-04-13",
     10},
    {"awaiting correction has no due date",
     "2023-03-01",
     {{EventKind::kCorrectionRequested, "2023-03-03", 0, 0, "2023-03-17"}},
     ClockStatus::kAwaitingCorrection,
     nullptr},
    {"correction, then consultation, then extension over national day 2024",
     "2024-09-10",
     {{EventKind::kCorrectionRequested, "2024-09-12", 0, 0, "2024-09-27"},
      {EventKind::kCorrectionReceived, "2024-09-20"},
      {EventKind::kExtensionRequested, "2024-10-14", 0, 20},
      {EventKind::kExtensionApproved, "2024-10-15", 3}},
     ClockStatus::kRunning,
     "2024-11-20"},
    {"a consultation answered before the corrected application is ignored",
     "2023-03-01",
     {{EventKind::kConsultationSent, "2023-03-02"},
      {EventKind::kConsultationAnswered, "2023-03-06", 1},
      {EventKind::kCorrectionRequested, "2023-03-07", 0, 0, "2023-03-17"},
      {EventKind::kCorrectionReceived, "2023-03-10"}},
     ClockStatus::kRunning,
     "2023-04-10"},
    {"answered late",
     "2023-03-01",
     {{EventKind::kClosed, "2023-03-31"}},
     ClockStatus::kStopped,
     "2023-03-29"},
    {"year without a notice is provisional",
     "2026-12-20",
     {},
     ClockStatus::kRunning,
     "2027-01-15",
     0,
     true},
};

class DeadlineTable : public ::testing::TestWithParam<Case> {};

TEST_P(DeadlineTable, DueDate) {
  const Case& c = GetParam();
  WorkingCalendar cal = testing::LoadedCalendar();
  Deadline d = ComputeDeadline(Build(c), cal);
  EXPECT_EQ(d.status, c.status) << c.name;
  if (c.due) {
    ASSERT_TRUE(d.due.has_value()) << c.name;
    EXPECT_EQ(d.due->ToString(), c.due) << c.name;
  } else {
    EXPECT_FALSE(d.due.has_value()) << c.name;
  }
  EXPECT_EQ(d.paused_days, c.paused_days) << c.name;
  EXPECT_EQ(d.provisional, c.provisional) << c.name;
  EXPECT_FALSE(d.steps.empty());
  Deadline quiet = ComputeDeadline(Build(c), cal, /*explain=*/false);
  EXPECT_TRUE(quiet.steps.empty());
  EXPECT_EQ(quiet.due, d.due) << c.name;
  EXPECT_EQ(quiet.status, d.status) << c.name;
  EXPECT_EQ(quiet.remaining_days, d.remaining_days) << c.name;
  EXPECT_EQ(quiet.applicant_correction_due, d.applicant_correction_due) << c.name;
}

INSTANTIATE_TEST_SUITE_P(Statute, DeadlineTable, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return "case" + std::to_string(info.index);
                         });

TEST(Deadline, ExplainsHolidaysMakeupDaysAndTheDueDate) {
  WorkingCalendar cal = testing::LoadedCalendar();
  Deadline d = ComputeDeadline(Build(kCases[0]), cal);
  std::string all;
  for (const DeadlineStep& s : d.steps) all += s.text + "\n";
  EXPECT_NE(all.find("2023年1月19日"), std::string::npos) << all;
  EXPECT_NE(all.find("春节"), std::string::npos) << all;
  EXPECT_NE(all.find("调休上班日按工作日计算：2023年1月28日、2023年1月29日"), std::string::npos)
      << all;
  EXPECT_NE(all.find("答复期限：2023年2月21日"), std::string::npos) << all;
}

TEST(Deadline, PausedCaseKnowsWhatRemains) {
  WorkingCalendar cal = testing::LoadedCalendar();
  Deadline d = ComputeDeadline(Build(kCases[11]), cal);
  EXPECT_EQ(d.remaining_days, 17);
  EXPECT_EQ(d.paused_since, D("2023-03-06"));
  ASSERT_EQ(d.consultations.size(), 1u);
  EXPECT_EQ(d.consultations[0].reply_due, D("2023-03-27"));  // 15 working days
}

TEST(Deadline, LateAnswerAndCorrectionNoticeDeadline) {
  WorkingCalendar cal = testing::LoadedCalendar();
  Deadline d = ComputeDeadline(Build(kCases[16]), cal);
  EXPECT_EQ(d.late_days, 2);
  EXPECT_EQ(d.correction_notice_due, D("2023-03-10"));  // 7 working days after 03-01
}

TEST(Deadline, LoadingTheMissingYearRecomputes) {
  WorkingCalendar cal = testing::LoadedCalendar();
  Application app = Build({"", "2025-12-24", {}, ClockStatus::kRunning, nullptr});
  WorkingCalendar without_2026 = testing::LoadedCalendar(2023, 2025);
  Deadline provisional = ComputeDeadline(app, without_2026);
  Deadline final_one = ComputeDeadline(app, cal);
  EXPECT_TRUE(provisional.provisional);
  EXPECT_FALSE(final_one.provisional);
  // 2026-01-01..03 are holidays and 01-04 a make-up Sunday: the loaded notice moves the date.
  EXPECT_EQ(final_one.due, D("2026-01-22"));
  EXPECT_EQ(provisional.due, D("2026-01-21"));
}

TEST(Deadline, WorkingDaysLeft) {
  WorkingCalendar cal = testing::LoadedCalendar();
  Deadline d = ComputeDeadline(Build(kCases[0]), cal);  // due 2023-02-21 (Tue)
  EXPECT_EQ(WorkingDaysLeft(d, D("2023-02-21"), cal), 0);
  EXPECT_EQ(WorkingDaysLeft(d, D("2023-02-17"), cal), 2);
  EXPECT_EQ(WorkingDaysLeft(d, D("2023-02-23"), cal), -2);
  EXPECT_EQ(WorkingDaysLeft(ComputeDeadline(Build(kCases[11]), cal), D("2023-03-10"), cal),
            std::nullopt);
}

}  // namespace
}  // namespace gongkai::application
