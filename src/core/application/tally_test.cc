// Property test (issue 6): a year of at least 10,000 random but legal case histories, across every
// outcome and applicant type and crossing both year boundaries, counted into Tables 三 and 四;
// every consistency rule must hold and every cell must equal an independent recount.
#include "core/application/tally.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "core/application/case_state.h"
#include "core/report/rules.h"
#include "core/testing/loaded_calendar.h"

namespace gongkai::application {
namespace {

using testing::D;

constexpr int kYear = 2024;

class Generator {
 public:
  Generator(uint32_t seed, const WorkingCalendar& cal)
      : rng_(seed), cal_(cal), ctx_{D("2026-06-30"), cal} {}

  // A legal history built through Apply(), so every step passed the procedure's checks.
  Application Next() {
    Application app;
    app.applicant.type = kAllApplicantTypes[Pick(kAllApplicantTypes.size())];
    // Received from mid-2023 to early 2025: some carried into 2024, some carried out of it.
    Date receipt = D("2023-07-01").AddDays(Pick(600));
    app = Must(app, Event(EventKind::kReceived, receipt));
    Date day = receipt;
    auto later = [&](int max_days) {
      day = day.AddDays(1 + Pick(max_days));
      return day;
    };
    const int path = Pick(10);
    if (path == 0) {  // correction: received or never
      CaseEvent req = Event(EventKind::kCorrectionRequested, later(5));
      req.until = day.AddDays(15);
      app = Must(app, req);
      if (Pick(3) == 0) {
        return MaybeClose(app, day.AddDays(16 + Pick(30)), Outcome::kOtherNoCorrection);
      }
      app = Must(app, Event(EventKind::kCorrectionReceived, later(10)));
    } else if (path == 1) {  // two overlapping consultations
      app = Must(app, Event(EventKind::kConsultationSent, later(5)));
      int first = app.events.back().seq;
      app = Must(app, Event(EventKind::kConsultationSent, later(5)));
      int second = app.events.back().seq;
      app = Must(app, Answer(EventKind::kConsultationAnswered, later(20), second));
      app = Must(app, Answer(EventKind::kConsultationAnswered, later(5), first));
    } else if (path == 2) {  // fee: paid or not
      CaseEvent fee = Event(EventKind::kFeeNoticeIssued, later(10));
      fee.quantity = 11 + Pick(50);
      fee.amount_fen = 10000;
      app = Must(app, fee);
      if (Pick(3) == 0)
        return MaybeClose(app, day.AddDays(40 + Pick(20)), Outcome::kOtherNoPayment);
      app = Must(app, Answer(EventKind::kFeePaid, later(15), app.events.back().seq));
    } else if (path == 3) {  // extension
      CaseEvent ext = Event(EventKind::kExtensionRequested, later(10));
      ext.days = 1 + Pick(20);
      app = Must(app, ext);
      app = Must(app, Answer(Pick(2) ? EventKind::kExtensionApproved : EventKind::kExtensionRefused,
                             later(2), app.events.back().seq));
    }
    Outcome outcome;
    do {
      outcome = kAllOutcomes[Pick(kOutcomeCount)];
    } while (outcome == Outcome::kOtherNoCorrection || outcome == Outcome::kOtherNoPayment ||
             (outcome == Outcome::kUnableUnclear && path != 0));
    return MaybeClose(app, later(60), outcome);
  }

 private:
  int Pick(size_t n) {
    return static_cast<int>(std::uniform_int_distribution<size_t>(0, n - 1)(rng_));
  }
  static CaseEvent Event(EventKind kind, Date date) {
    CaseEvent e;
    e.kind = kind;
    e.date = date;
    e.text = "答复内容";
    e.party = "第三方";
    return e;
  }
  static CaseEvent Answer(EventKind kind, Date date, int ref) {
    CaseEvent e = Event(kind, date);
    e.ref = ref;
    return e;
  }
  // Closes unless the date is after the simulation's end (then the case stays open).
  Application MaybeClose(const Application& app, Date date, Outcome outcome) {
    if (date > ctx_.today) return app;
    CaseEvent e = Event(EventKind::kClosed, date);
    e.outcome = outcome;
    return Must(app, e);
  }
  Application Must(const Application& app, CaseEvent e) {
    if (e.date > ctx_.today) return app;  // the future has not happened yet
    Result<Application> r = Apply(app, e, ctx_);
    EXPECT_TRUE(r.ok()) << Code(e.kind) << " " << e.date.ToString() << ": "
                        << r.status().ToString();
    return r.ok() ? *r : app;
  }

  std::mt19937 rng_;
  const WorkingCalendar& cal_;
  CaseContext ctx_;
};

// The straightforward recount: per case, the cells it adds one to, written from the wording of
// annual-report.md §7 with years compared as numbers.
std::map<std::string, int64_t> Recount(const std::vector<Application>& cases, int year) {
  std::map<std::string, int64_t> cells;
  for (const Application& a : cases) {
    int received = a.receipt_date->year();
    bool closed_before = a.closed_on && a.closed_on->year() < year;
    if (received > year || closed_before) continue;
    std::string col(Code(a.applicant.type));
    std::vector<std::string> rows;
    rows.push_back(received == year ? "new" : "carried_in");
    if (a.closed_on && a.closed_on->year() == year) {
      rows.push_back(std::string(Code(*a.outcome)));
      rows.push_back("handled_total");
    } else {
      rows.push_back("carried_out");
    }
    for (const std::string& row : rows) {
      ++cells["t3." + row + "." + col];
      ++cells["t3." + row + ".total"];
    }
  }
  return cells;
}

TEST(TallyProperty, TenThousandRandomHistoriesPassEveryRuleAndMatchARecount) {
  WorkingCalendar cal = testing::LoadedCalendar();
  Generator gen(20261128, cal);
  std::vector<Application> cases;
  for (int i = 0; i < 12000; ++i) cases.push_back(gen.Next());
  std::vector<CaseSummary> summaries;
  for (const Application& a : cases) summaries.push_back(Summarise(a));

  // Coverage of the generator itself, so the property cannot pass on a degenerate sample.
  std::map<Outcome, int> outcomes;
  std::map<ApplicantType, int> types;
  int crossing_in = 0, crossing_out = 0;
  for (const Application& a : cases) {
    if (a.outcome) ++outcomes[*a.outcome];
    ++types[a.applicant.type];
    if (a.receipt_date->year() < kYear && (!a.closed_on || a.closed_on->year() >= kYear))
      ++crossing_in;
    if (a.receipt_date->year() <= kYear && (!a.closed_on || a.closed_on->year() > kYear))
      ++crossing_out;
  }
  EXPECT_EQ(outcomes.size(), static_cast<size_t>(kOutcomeCount));
  EXPECT_EQ(types.size(), kAllApplicantTypes.size());
  EXPECT_GT(crossing_in, 100);
  EXPECT_GT(crossing_out, 100);

  report::ReportData previous, current;
  previous.year = kYear - 1;
  current.year = kYear;
  previous.format_id = current.format_id = "2021";
  TallyTable3(summaries, kYear - 1, previous);
  TallyTable3(summaries, kYear, current);
  TallyTable4({}, kYear - 1, previous);
  TallyTable4({}, kYear, current);

  report::RuleOptions options;
  options.both_years_from_records = true;
  options.other_other_percent = 100;  // the generator picks outcomes uniformly
  for (const report::Violation& v : report::CheckReport(current, &previous, options)) {
    bool about_tables = v.rule.starts_with("T3") || v.rule.starts_with("T4") || v.rule == "Y-01";
    EXPECT_FALSE(about_tables) << v.rule << " " << v.message_zh;
  }
  std::map<std::string, int64_t> expected = Recount(cases, kYear);
  int checked = 0;
  for (const auto& [cell, value] : current.cells) {
    if (!cell.starts_with("t3.")) continue;
    EXPECT_EQ(value.value, expected.count(cell) ? expected.at(cell) : 0) << cell;
    ++checked;
  }
  EXPECT_EQ(checked, 25 * 7);
  for (const auto& [cell, n] : expected) EXPECT_TRUE(current.cells.count(cell)) << cell;
}

TEST(TallyTable4, CountsByResultYearAndSkipsCoDefendantReviewOrgans) {
  using namespace litigation;
  auto rc = [](CaseKind kind, const char* filed, CaseResult result, const char* on,
               AgencyRole role = AgencyRole::kOriginal) {
    ReviewCase c;
    c.kind = kind;
    c.filed_on = D(filed);
    c.result = result;
    if (on) c.result_on = D(on);
    c.role = role;
    return c;
  };
  std::vector<ReviewCase> cases = {
      rc(CaseKind::kReview, "2024-03-01", CaseResult::kUpheld, "2024-05-01"),
      rc(CaseKind::kReview, "2023-11-01", CaseResult::kCorrected, "2024-01-10"),
      rc(CaseKind::kReview, "2024-12-01", CaseResult::kOther, "2025-01-10"),  // pending at end
      rc(CaseKind::kSuitDirect, "2024-06-01", CaseResult::kPending, nullptr),
      rc(CaseKind::kSuitDirect, "2023-06-01", CaseResult::kUpheld, "2023-12-01"),  // last year
      rc(CaseKind::kSuitAfterReview, "2024-02-01", CaseResult::kUpheld, "2024-08-01",
         AgencyRole::kCoDefendantReviewOrgan),
      rc(CaseKind::kSuitAfterReview, "2025-02-01", CaseResult::kPending, nullptr),  // next year
  };
  report::ReportData data;
  TallyTable4(cases, 2024, data);
  EXPECT_EQ(data.Get("t4.review.upheld"), 1);
  EXPECT_EQ(data.Get("t4.review.corrected"), 1);
  EXPECT_EQ(data.Get("t4.review.pending"), 1);
  EXPECT_EQ(data.Get("t4.review.total"), 3);
  EXPECT_EQ(data.Get("t4.suit_direct.pending"), 1);
  EXPECT_EQ(data.Get("t4.suit_direct.total"), 1);
  EXPECT_EQ(data.Get("t4.suit_after_review.total"), 0);
  EXPECT_EQ(data.cells.size(), 15u);
}

}  // namespace
}  // namespace gongkai::application
