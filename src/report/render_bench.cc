// Google Benchmark figures for rendering a report whose file has many findings, each with a
// redacted secret: the shape of a Compose file with thousands of services. Masking used to scan
// every redaction of the file per finding (quadratic); the figures should grow linearly with N,
// which Complexity(oN) reports as the fitted curve.
#include <benchmark/benchmark.h>

#include <string>

#include "report/many_findings.h"
#include "report/reporters.h"

namespace shipshape {
namespace {

void BM_RenderManyFindings(benchmark::State& state, const char* format) {
  SourceFile file;
  const Report report = testing::ManyFindings(&file, static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    std::string out, err;
    Render(format, report, {}, &out, &err);
    benchmark::DoNotOptimize(out);
  }
  state.SetComplexityN(state.range(0));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK_CAPTURE(BM_RenderManyFindings, text, "text")
    ->RangeMultiplier(2)->Range(2000, 16000)->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_RenderManyFindings, sarif, "sarif")
    ->RangeMultiplier(2)->Range(2000, 16000)->Complexity(benchmark::oN)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace shipshape
