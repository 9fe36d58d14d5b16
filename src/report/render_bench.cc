// Google Benchmark figures for rendering a report whose file has many findings, each with a
// redacted secret: the shape of a Compose file with thousands of services. Masking used to scan
// every redaction of the file per finding (quadratic); the figures should grow linearly with N,
// which Complexity(oN) reports as the fitted curve.
// Test data uses designated initializers that leave defaulted members out.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <benchmark/benchmark.h>

#include <string>

#include "report/reporters.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

const Rule kBenchRule{
    .code = "DC010",
    .name = "env-hardcoded-secret",
    .summary = "Literal credential in environment",
    .target = Target::kCompose,
    .severity = Severity::kCritical,
    .category = Category::kSecurity,
};

struct Many {
  SourceFile file;
  Report report;
  explicit Many(size_t n) {
    file.path = "compose.yaml";
    file.kind = FileKind::kCompose;
    file.text = "services:\n";
    FileResult r{&file, {}};
    for (size_t i = 0; i < n; ++i) {
      const std::string line = "  s" + std::to_string(i) + ": {environment: {API_TOKEN: t" +
                               std::to_string(i) + "}}\n";
      const uint32_t at = static_cast<uint32_t>(file.text.size());
      file.text += line;
      Diagnostic d{.rule = &kBenchRule, .range = {at + 2, at + 4},
                   .message = "`API_TOKEN` of service `s" + std::to_string(i) +
                              "` is a literal credential"};
      d.redactions.push_back({static_cast<uint32_t>(at + line.find(": t") + 2),
                              static_cast<uint32_t>(at + line.find("}}"))});
      r.diagnostics.push_back(std::move(d));
    }
    report.files.push_back(std::move(r));
  }
};

void BM_RenderManyFindings(benchmark::State& state, const char* format) {
  const Many m(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    std::string out, err;
    Render(format, m.report, {}, &out, &err);
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
