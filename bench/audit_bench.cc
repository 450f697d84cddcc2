// Auditing one published report from its bytes (issue 5): detect the kind, read, extract every
// cell of Tables 二/三/四, and run every rule — what `gongkai audit` does per file. Inputs are the
// real seed report (../shared/fixtures, plain text) and our seed-sized sample report
// (render/sample_report.h) rendered by our own renderers as text, HTML, DOCX and PDF. The anchor in
// the same run is a plain scan of the text bytes (copy and count lines): bench/run.sh reports
// each figure as a ratio to it.
//
//   BM_Audit/seed_text, /text, /html, /docx, /pdf      BM_ScanBytes (anchor)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/report/report_audit.h"
#include "io/report_import.h"
#include "render/render.h"
#include "render/sample_report.h"

namespace gongkai {
namespace {

std::string SeedText() {
  const char* root = std::getenv("GONGKAI_SOURCE_DIR");
  std::ifstream in(std::string(root ? root : GONGKAI_DEFAULT_SOURCE_DIR) +
                   "/../shared/fixtures/seed-annual-report-2023-cizhong.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Rendered(render::OutputFormat format) {
  auto out = render::Render(render::testing::SampleReport(), format);
  return out.ok() ? *out : std::string();
}

void BM_Audit(benchmark::State& state, std::string bytes, std::string name) {
  if (bytes.empty()) {
    state.SkipWithError("no input (is ../shared/fixtures beside the project?)");
    return;
  }
  for (auto _ : state) {
    std::vector<report::AuditedReport> batch;
    batch.push_back(io::ReadPublishedReport(bytes, name));
    report::AuditBatch(batch);
    if (!batch[0].read() || batch[0].extracted.cells_read < 200) {
      state.SkipWithError(("not read: " + batch[0].refused.ToString()).c_str());
      return;
    }
    benchmark::DoNotOptimize(batch);
  }
  state.counters["bytes"] = static_cast<double>(bytes.size());
}

void BM_ScanBytes(benchmark::State& state) {
  const std::string bytes = Rendered(render::OutputFormat::kText);
  for (auto _ : state) {
    std::string copy = bytes;
    benchmark::DoNotOptimize(std::count(copy.begin(), copy.end(), '\n'));
  }
}
BENCHMARK(BM_ScanBytes)->Unit(benchmark::kMicrosecond);

const bool kRegistered = [] {
  benchmark::RegisterBenchmark("BM_Audit/seed_text", BM_Audit, SeedText(), "seed.txt")
      ->Unit(benchmark::kMicrosecond);
  const std::pair<const char*, render::OutputFormat> formats[] = {
      {"text", render::OutputFormat::kText},
      {"html", render::OutputFormat::kHtml},
      {"docx", render::OutputFormat::kDocx},
      {"pdf", render::OutputFormat::kPdf}};
  for (const auto& [name, format] : formats) {
    benchmark::RegisterBenchmark(("BM_Audit/" + std::string(name)).c_str(), BM_Audit,
                                 Rendered(format), std::string("report.") + name)
        ->Unit(benchmark::kMicrosecond);
  }
  return true;
}();

}  // namespace
}  // namespace gongkai

BENCHMARK_MAIN();
