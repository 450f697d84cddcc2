// Time to render one annual report (the seed-sized 2021-format report of render/sample_report.h:
// 200 cells, a few narrative paragraphs) in each output format. The plain-text render in the same
// run is the anchor: bench/run.sh reports each format as a ratio to it, since the machines are
// shared and noisy.
//
//   BM_Render/text, /md, /html, /json, /docx, /pdf, /xlsx
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "render/render.h"
#include "render/sample_report.h"

namespace gongkai::render {
namespace {

void BM_Render(benchmark::State& state, OutputFormat format) {
  const ReportDocument doc = testing::SampleReport();
  size_t bytes = 0;
  for (auto _ : state) {
    auto out = Render(doc, format);
    if (!out.ok()) {
      state.SkipWithError(out.status().ToString().c_str());
      return;
    }
    bytes = out->size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

const bool kRegistered = [] {
  for (OutputFormat f :
       {OutputFormat::kText, OutputFormat::kMarkdown, OutputFormat::kHtml, OutputFormat::kJson,
        OutputFormat::kDocx, OutputFormat::kPdf, OutputFormat::kXlsx}) {
    benchmark::RegisterBenchmark(("BM_Render/" + std::string(FormatName(f))).c_str(), BM_Render, f)
        ->Unit(benchmark::kMicrosecond);
  }
  return true;
}();

}  // namespace
}  // namespace gongkai::render

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
#ifdef GONGKAI_BUILD_TYPE
  benchmark::AddCustomContext("gongkai_build_type", GONGKAI_BUILD_TYPE);
#endif
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
