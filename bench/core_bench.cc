// Microbenchmarks of the working-day calendar (core/calendar.h) and Date::Parse, each beside a
// baseline anchor in the same binary so results can be read as ratios (machines are shared and
// noisy).
//
//   BM_AddWorkingDays/N      WorkingCalendar::AddWorkingDays(day0, N) with the 2023-2026 notices
//   loaded,
//                            day0 cycling through every date of 2023-01-01..2026-12-31.
//   BM_WeekdayCount/N        anchor: the same walk counting Monday-Friday only, weekday from day
//   arithmetic. BM_Classify              WorkingCalendar::Classify over every date of 2023-2026.
//   BM_WeekendCheck          anchor: weekday-from-day-number over the same dates.
//   BM_DateParse             Date::Parse of "YYYY-MM-DD" strings (validating).
//   BM_ParseDigits           anchor: the digits of the same strings read by fixed position, no
//   validation. BM_ParseCalendarYear     ParseCalendarYear on the four notices (setup cost, no
//   anchor).
//   BM_DueDate/0|1           an application's due date from its history (0: dates only, as lists
//                            compute them; 1: with the step-by-step explanation of the case page).
//   BM_SearchIndexText       search::IndexText of a 5 KB Chinese document.
//   BM_SearchNormalize       search::Normalize of the same document.
//   BM_SearchCountChars      anchor: counting the characters of the same document.
//   BM_SearchPlanQuery/0|1   search::PlanQuery of typical queries (1: and both engines' strings).
//   BM_SearchSnippet         search::Snippet of 80 characters around a hit near the document's end.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/application/case_state.h"
#include "core/application/deadline.h"
#include "core/calendar.h"
#include "core/date.h"
#include "core/report/rules.h"
#include "core/search/search.h"

namespace gongkai {
namespace {

constexpr int kFirstYear = 2023;
constexpr int kLastYear = 2026;

std::string SourceDir() {
  if (const char* env = std::getenv("GONGKAI_SOURCE_DIR"); env && *env) return env;
  return GONGKAI_DEFAULT_SOURCE_DIR;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "core_bench: cannot read %s\n", path.c_str());
    std::exit(2);
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::vector<std::string>& CalendarTexts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> t;
    for (int y = kFirstYear; y <= kLastYear; ++y) {
      t.push_back(ReadFile(SourceDir() + "/data/calendar/" + std::to_string(y) + ".txt"));
    }
    return t;
  }();
  return texts;
}

const WorkingCalendar& Calendar() {
  static const WorkingCalendar cal = [] {
    WorkingCalendar c;
    for (const std::string& text : CalendarTexts()) {
      Result<CalendarYear> year = ParseCalendarYear(text);
      if (!year.ok()) {
        std::fprintf(stderr, "core_bench: %s\n", year.status().ToString().c_str());
        std::exit(2);
      }
      Status st = c.AddYear(*year);
      if (!st.ok()) {
        std::fprintf(stderr, "core_bench: %s\n", st.ToString().c_str());
        std::exit(2);
      }
    }
    return c;
  }();
  return cal;
}

// Every date of 2023-01-01..2026-12-31.
const std::vector<Date>& Dates() {
  static const std::vector<Date> dates = [] {
    std::vector<Date> d;
    Date first = Date::FromYmd(kFirstYear, 1, 1).value();
    Date last = Date::FromYmd(kLastYear, 12, 31).value();
    for (Date x = first; x <= last; x = x.AddDays(1)) d.push_back(x);
    return d;
  }();
  return dates;
}

const std::vector<std::string>& DateStrings() {
  static const std::vector<std::string> s = [] {
    std::vector<std::string> v;
    for (Date d : Dates()) v.push_back(d.ToString());
    return v;
  }();
  return s;
}

// Monday = 0 ... Sunday = 6; 1970-01-01 was a Thursday.
inline int WeekdayIndex(int32_t days) { return static_cast<int>(((days % 7) + 10) % 7); }

void BM_AddWorkingDays(benchmark::State& state) {
  const WorkingCalendar& cal = Calendar();
  const std::vector<Date>& dates = Dates();
  const int n = static_cast<int>(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    WorkingDayResult r = cal.AddWorkingDays(dates[i], n);
    benchmark::DoNotOptimize(r);
    if (++i == dates.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AddWorkingDays)->Arg(20)->Arg(40);

void BM_WeekdayCount(benchmark::State& state) {
  const std::vector<Date>& dates = Dates();
  const int n = static_cast<int>(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    int32_t d = dates[i].days_since_epoch();
    for (int counted = 0; counted < n;) {
      ++d;
      if (WeekdayIndex(d) < 5) ++counted;
    }
    benchmark::DoNotOptimize(d);
    if (++i == dates.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WeekdayCount)->Arg(20)->Arg(40);

void BM_Classify(benchmark::State& state) {
  const WorkingCalendar& cal = Calendar();
  const std::vector<Date>& dates = Dates();
  size_t i = 0;
  for (auto _ : state) {
    DayInfo info = cal.Classify(dates[i]);
    benchmark::DoNotOptimize(info);
    if (++i == dates.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Classify);

void BM_WeekendCheck(benchmark::State& state) {
  const std::vector<Date>& dates = Dates();
  size_t i = 0;
  for (auto _ : state) {
    bool weekend = WeekdayIndex(dates[i].days_since_epoch()) >= 5;
    benchmark::DoNotOptimize(weekend);
    if (++i == dates.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WeekendCheck);

void BM_DateParse(benchmark::State& state) {
  const std::vector<std::string>& strings = DateStrings();
  size_t i = 0;
  for (auto _ : state) {
    Result<Date> d = Date::Parse(strings[i]);
    benchmark::DoNotOptimize(d);
    if (++i == strings.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DateParse);

void BM_ParseDigits(benchmark::State& state) {
  const std::vector<std::string>& strings = DateStrings();
  size_t i = 0;
  for (auto _ : state) {
    const char* p = strings[i].data();
    auto digit = [p](int k) { return p[k] - '0'; };
    int y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
    int m = digit(5) * 10 + digit(6);
    int d = digit(8) * 10 + digit(9);
    benchmark::DoNotOptimize(y);
    benchmark::DoNotOptimize(m);
    benchmark::DoNotOptimize(d);
    if (++i == strings.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseDigits);

void BM_ParseCalendarYear(benchmark::State& state) {
  const std::vector<std::string>& texts = CalendarTexts();
  size_t i = 0;
  for (auto _ : state) {
    Result<CalendarYear> y = ParseCalendarYear(texts[i]);
    benchmark::DoNotOptimize(y);
    if (++i == texts.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseCalendarYear);

// A full 2021-format report of the given year, every cell zero, all six sections.
report::ReportData ZeroReport(int year) {
  report::ReportData r;
  r.year = year;
  r.format_id = "2021";
  r.sections = {"一", "二", "三", "四", "五", "六"};
  const report::FormatDef& f = report::Format2021();
  for (const report::TableDef* t : {&f.t2, &f.t3, &f.t4})
    for (const auto& cell : t->CellIds()) r.Set(cell, 0);
  return r;
}

// Every consistency rule on one full report (200 cells) with last year's report: annual-report
// checks.
void BM_CheckReport(benchmark::State& state) {
  report::ReportData r = ZeroReport(2024), prev = ZeroReport(2023);
  for (auto _ : state) benchmark::DoNotOptimize(report::CheckReport(r, &prev).size());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CheckReport);

// The same with narrative in both years, so N-01 (numbers in the text) and N-05 (copying) run too.
void BM_CheckReportWithNarrative(benchmark::State& state) {
  report::ReportData r = ZeroReport(2024), prev = ZeroReport(2023);
  for (const char* col : {"natural", "total"}) {
    r.Set(std::string("t3.new.") + col, 6);
    r.Set(std::string("t3.granted.") + col, 6);
    r.Set(std::string("t3.handled_total.") + col, 6);
  }
  std::string body =
      "（一）主动公开。依托区政府门户网站政府信息公开专栏发布信息35条，通过微信公众号发布信息80余篇"
      "。"
      "（二）依申请公开。全年收到政府信息公开申请6件，均已按期办结，予以公开6件。"
      "（三）政府信息管理。落实保密审查和主管领导审批制度，信息发布前逐条登记。"
      "（四）平台建设。在各村党群服务中心设置公开栏，及时更新公开内容。"
      "（五）监督保障。全年未发生行政复议和行政诉讼，组织业务培训2次。";
  r.narrative["一"] = "2024年，本乡认真贯彻政府信息公开条例。" + body;
  prev.narrative["一"] =
      "2023年，本乡把政务公开作为服务群众的重要抓手。全年未收到政府信息公开申请。"
      "在各村更新了公开栏，组织了业务培训，落实了信息发布审批制度。";
  r.narrative["五"] = "存在的主要问题：政策解读形式单一。改进情况：增加图解和视频解读。";
  prev.narrative["五"] = "存在的主要问题：重点领域信息偏少。改进情况：建立信息更新台账。";
  r.narrative["六"] = prev.narrative["六"] = "本年度未收取信息处理费。无其他需要报告的事项。";
  for (auto _ : state) benchmark::DoNotOptimize(report::CheckReport(r, &prev).size());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CheckReportWithNarrative);

// Application due dates (core/application/deadline.h). A pool of 4,096 legal histories built
// through Apply(): plain, with a correction, a consultation, an approved extension, or a paid fee,
// received on every day of 2023-2025; the benchmark cycles through them. Per case; ×1,000,000 gives
// the time for a million cases.
const std::vector<application::Application>& Histories() {
  static const std::vector<application::Application> pool = [] {
    using namespace application;
    std::vector<Application> out;
    const WorkingCalendar& cal = Calendar();
    const CaseContext ctx{Date::FromYmd(2026, 12, 31).value(), cal};
    Date start = Date::FromYmd(2023, 1, 1).value();
    auto apply = [&](Application& app, EventKind kind, Date date, int ref = 0) {
      CaseEvent e;
      e.kind = kind;
      e.date = date;
      e.ref = ref;
      e.days = 20;
      e.until = date.AddDays(15);
      e.party = "第三方";
      e.text = "说明";
      e.quantity = 20;
      e.amount_fen = 100000;
      auto next = Apply(app, e, ctx);
      if (!next.ok()) std::abort();
      app = *next;
    };
    for (int i = 0; i < 4096; ++i) {
      Application app;
      Date d0 = start.AddDays(i % 1095);
      apply(app, EventKind::kReceived, d0);
      switch (i % 5) {
        case 0:
          break;
        case 1:
          apply(app, EventKind::kCorrectionRequested, d0.AddDays(2));
          apply(app, EventKind::kCorrectionReceived, d0.AddDays(9));
          break;
        case 2:
          apply(app, EventKind::kConsultationSent, d0.AddDays(3));
          apply(app, EventKind::kConsultationAnswered, d0.AddDays(17), 2);
          break;
        case 3:
          apply(app, EventKind::kExtensionRequested, d0.AddDays(20));
          apply(app, EventKind::kExtensionApproved, d0.AddDays(21), 2);
          break;
        case 4:
          apply(app, EventKind::kFeeNoticeIssued, d0.AddDays(4));
          apply(app, EventKind::kFeePaid, d0.AddDays(12), 2);
          break;
      }
      out.push_back(std::move(app));
    }
    return out;
  }();
  return pool;
}

void BM_DueDate(benchmark::State& state) {
  const auto& pool = Histories();
  const WorkingCalendar& cal = Calendar();
  const bool explain = state.range(0) != 0;
  size_t i = 0;
  for (auto _ : state) {
    application::Deadline d = application::ComputeDeadline(pool[i++ & 4095], cal, explain);
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(BM_DueDate)->Arg(0)->Arg(1);

// Search tokens (core/search/search.h) on a 5 KB Chinese document (an annual-report narrative with
// digits, full-width figures and punctuation), beside a plain scan of the same bytes.
const std::string& SearchDocument() {
  static const std::string doc = [] {
    const std::string paragraph =
        "2023年，磁钟乡人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，依托区政府门户网站"
        "政府信息公开专栏主动公开政府信息１２８条，其中规范性文件３件、财政预决算信息１２条。"
        "全年收到政府信息公开申请6件，均在法定期限内答复；未发生行政复议和行政诉讼。GOV.CN ";
    std::string d;
    while (d.size() < 5 * 1024) d += paragraph;
    return d;
  }();
  return doc;
}

// IndexText: the value an adapter stores for the document.
void BM_SearchIndexText(benchmark::State& state) {
  const std::string& doc = SearchDocument();
  for (auto _ : state) benchmark::DoNotOptimize(search::IndexText(doc));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.size()));
}
BENCHMARK(BM_SearchIndexText);

void BM_SearchNormalize(benchmark::State& state) {
  const std::string& doc = SearchDocument();
  for (auto _ : state) benchmark::DoNotOptimize(search::Normalize(doc));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.size()));
}
BENCHMARK(BM_SearchNormalize);

// Anchor: count the characters of the same document (one pass over the bytes, no output).
void BM_SearchCountChars(benchmark::State& state) {
  const std::string& doc = SearchDocument();
  for (auto _ : state) {
    size_t chars = 0;
    for (unsigned char c : doc) chars += (c & 0xC0) != 0x80;
    benchmark::DoNotOptimize(chars);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.size()));
}
BENCHMARK(BM_SearchCountChars);

// PlanQuery on typical queries, cycled; /1 also renders the FTS5 and tsquery strings.
void BM_SearchPlanQuery(benchmark::State& state) {
  static const std::vector<std::string> queries = {
      "政府信息公开", "民", "2023年 年度报告", "依申请公开 答复 ２０２３", "磁钟乡人民政府", "gov"};
  const bool render = state.range(0) != 0;
  size_t i = 0;
  for (auto _ : state) {
    search::QueryPlan plan = search::PlanQuery(queries[i]);
    if (render) {
      benchmark::DoNotOptimize(search::ToFts5Match(plan));
      benchmark::DoNotOptimize(search::ToTsQuery(plan));
    }
    benchmark::DoNotOptimize(plan);
    if (++i == queries.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SearchPlanQuery)->Arg(0)->Arg(1);

// A result line: Snippet of 80 characters from the 5 KB document, the hit near its end.
void BM_SearchSnippet(benchmark::State& state) {
  const std::string doc =
      SearchDocument() + "本报告所列数据的统计期限自2023年1月1日起至12月31日止。";
  const search::QueryPlan plan = search::PlanQuery("统计期限 2023");
  for (auto _ : state) benchmark::DoNotOptimize(search::Snippet(doc, plan, 80));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SearchSnippet);

}  // namespace
}  // namespace gongkai

int main(int argc, char** argv) {
  benchmark::AddCustomContext("gongkai_build_type", GONGKAI_BUILD_TYPE);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
