// Tables 三/四 for one agency with 1,000,000 applications on SQLite (issue 6's goal: under a second),
// through the service as the report page does it (ApplicationService::TallyYear: one grouped query,
// then the core tally), and the plainest pass over the same rows as the anchor (a COUNT(*) of the
// agency's applications in SQL).
//
// The database is built once per run in a temporary file: 1,000,000 legal case histories across
// every applicant type and outcome, received from mid-2024 to the end of 2025, a fifth still open.
// GONGKAI_TALLY_CASES overrides the count (for a quick look).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <unistd.h>

#include "service/platform.h"
#include "storage/testing/sqlite_raw.h"

namespace gongkai {
namespace {

service::FakeClock clock_instance(1767225600 + 40 * 86400);  // 2026-02-10

struct Db {
  std::string path;
  std::unique_ptr<service::Platform> platform;
  int64_t agency_id = 0;
  int64_t cases = 0;
};

Db& Database() {
  static Db db = [] {
    Db d;
    const char* env = std::getenv("GONGKAI_TALLY_CASES");
    d.cases = env ? std::atoll(env) : 1000000;
    auto dir = std::filesystem::temp_directory_path() / ("gongkai-tally-bench-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    d.path = (dir / "tally.db").string();
    auto p = service::OpenPlatform(d.path, clock_instance);
    if (!p.ok()) {
      std::fprintf(stderr, "tally_bench: %s\n", p.status().ToString().c_str());
      std::exit(2);
    }
    d.platform = std::move(p).value();
    Agency a;
    a.level = AgencyLevel::kTownship;
    a.name = "基准测试乡人民政府";
    d.agency_id = d.platform->agencies().Create(service::Actor::Cli(), a).value();
    std::mt19937 rng(6);
    const Date first = Date::FromYmd(2024, 6, 1).value();
    int64_t done = 0;
    while (done < d.cases) {
      auto tx = d.platform->store().Begin(storage::TxMode::kWrite).value();
      for (int i = 0; i < 50000 && done < d.cases; ++i, ++done) {
        application::Application app;
        app.agency_id = d.agency_id;
        app.query_code = "B" + std::to_string(done);
        app.applicant.type = application::kAllApplicantTypes[rng() % 6];
        app.applicant.name = "申请人";
        app.request.title = "所需信息";
        app.receipt_date = first.AddDays(static_cast<int32_t>(rng() % 580));
        app.serial_year = app.receipt_date->year();
        application::CaseEvent received;
        received.seq = 1;
        received.kind = application::EventKind::kReceived;
        received.date = *app.receipt_date;
        app.events.push_back(received);
        app.state = application::CaseState::kHandling;
        if (rng() % 5 != 0) {
          application::CaseEvent closed = received;
          closed.seq = 2;
          closed.kind = application::EventKind::kClosed;
          closed.date = app.receipt_date->AddDays(static_cast<int32_t>(5 + rng() % 40));
          closed.outcome = application::kAllOutcomes[rng() % application::kOutcomeCount];
          closed.text = "答复";
          app.events.push_back(closed);
          app.state = application::CaseState::kClosed;
          app.outcome = closed.outcome;
          app.closed_on = closed.date;
        }
        if (!tx->InsertApplication(app).ok()) std::exit(3);
      }
      if (!tx->Commit().ok()) std::exit(3);
    }
    return d;
  }();
  return db;
}

void BM_TallyYear(benchmark::State& state) {
  Db& db = Database();
  for (auto _ : state) {
    auto data = db.platform->applications().TallyYear(service::Actor::Cli(), db.agency_id, 2025);
    if (!data.ok()) state.SkipWithError(data.status().ToString().c_str());
    benchmark::DoNotOptimize(data);
  }
  state.counters["cases"] = static_cast<double>(db.cases);
}
BENCHMARK(BM_TallyYear)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_CountRows(benchmark::State& state) {
  Db& db = Database();
  const std::string sql =
      "SELECT count(*) FROM applications WHERE agency_id = " + std::to_string(db.agency_id);
  for (auto _ : state) {
    std::string error = storage::test_support::ExecSqliteRaw(db.path, sql);
    if (!error.empty()) state.SkipWithError(error.c_str());
  }
}
BENCHMARK(BM_CountRows)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace gongkai

BENCHMARK_MAIN();
