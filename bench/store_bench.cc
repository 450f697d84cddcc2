// The same workload on SQLite and PostgreSQL, through the service layer as the web handlers use it:
//
//   BM_EditAgency/<backend>     a write: read the agency, validate, version-guarded update, audit
//   entry BM_AgencyTree/<backend>     a page read: the whole agency tree
//   BM_ResolveSession/<backend> what every logged-in request does first
//
// SQLite uses a temporary file; PostgreSQL a fresh database on the server named by
// GONGKAI_BENCH_PG_URL (a maintenance URL such as postgresql://postgres@127.0.0.1:5433/postgres).
// Without it only SQLite runs.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "service/demo.h"
#include "service/platform.h"
#include "storage/testing/pg_raw.h"

namespace gongkai {
namespace {

service::SystemClock clock_instance;

struct Fixture {
  std::unique_ptr<service::Platform> platform;
  int64_t agency_id = 0;
  std::string session_token;
};

std::unique_ptr<Fixture> MakeFixture(const std::string& url) {
  service::PlatformOptions options;
  options.hasher = service::HasherOptions::FastForTests();
  auto p = service::OpenPlatform(url, clock_instance, options);
  if (!p.ok()) {
    std::fprintf(stderr, "store_bench: %s: %s\n", url.c_str(), p.status().ToString().c_str());
    std::exit(2);
  }
  auto f = std::make_unique<Fixture>();
  f->platform = std::move(p).value();
  if (!service::SeedDemo(*f->platform, {}).ok()) std::exit(2);
  auto user = f->platform->users().FindByName("cizhong.admin").value();
  f->agency_id = user.agency_id;
  f->session_token = f->platform->sessions().Create(user, "127.0.0.1").value().token;
  return f;
}

Fixture& Backend(const std::string& name) {
  static std::unique_ptr<Fixture> sqlite, postgres;
  if (name == "sqlite") {
    if (!sqlite) {
      auto dir = std::filesystem::temp_directory_path() /
                 ("gongkai-store-bench-" + std::to_string(getpid()));
      std::filesystem::remove_all(dir);
      std::filesystem::create_directories(dir);
      sqlite = MakeFixture((dir / "bench.db").string());
    }
    return *sqlite;
  }
  if (!postgres) {
    std::string error;
    std::string url =
        storage::test_support::CreatePgTestDatabase(std::getenv("GONGKAI_BENCH_PG_URL"), &error);
    if (!error.empty()) {
      std::fprintf(stderr, "store_bench: %s\n", error.c_str());
      std::exit(2);
    }
    postgres = MakeFixture(url);
  }
  return *postgres;
}

void BM_EditAgency(benchmark::State& state, const std::string& backend) {
  Fixture& f = Backend(backend);
  int64_t n = 0;
  for (auto _ : state) {
    Agency a = f.platform->agencies().Get(f.agency_id).value();
    a.office.phone = "0398-" + std::to_string(1000000 + (n++ % 1000));
    Status st = f.platform->agencies().Update(service::Actor::System(), a);
    if (!st.ok()) state.SkipWithError(st.ToString().c_str());
  }
}

void BM_AgencyTree(benchmark::State& state, const std::string& backend) {
  Fixture& f = Backend(backend);
  for (auto _ : state) benchmark::DoNotOptimize(f.platform->agencies().Tree().value().size());
}

void BM_ResolveSession(benchmark::State& state, const std::string& backend) {
  Fixture& f = Backend(backend);
  for (auto _ : state)
    benchmark::DoNotOptimize(f.platform->sessions().Resolve(f.session_token).value());
}

void Register() {
  std::vector<std::string> backends = {"sqlite"};
  if (const char* pg = std::getenv("GONGKAI_BENCH_PG_URL"); pg && *pg)
    backends.push_back("postgresql");
  for (const auto& b : backends) {
    benchmark::RegisterBenchmark(("BM_EditAgency/" + b).c_str(), BM_EditAgency, b)->UseRealTime();
    benchmark::RegisterBenchmark(("BM_AgencyTree/" + b).c_str(), BM_AgencyTree, b)->UseRealTime();
    benchmark::RegisterBenchmark(("BM_ResolveSession/" + b).c_str(), BM_ResolveSession, b)
        ->UseRealTime();
  }
}

}  // namespace
}  // namespace gongkai

int main(int argc, char** argv) {
  if (!gongkai::service::InitCrypto().ok()) return 2;
  gongkai::Register();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
