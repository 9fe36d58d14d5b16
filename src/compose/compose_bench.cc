// Load + schema-validate every corpus compose file.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compose/compose.h"
#include "compose/schema.h"

namespace {

std::vector<std::string> LoadCorpus() {
  std::vector<std::string> out;
  const std::filesystem::path dir = std::filesystem::path(SHIPSHAPE_SHARED_DIR) / "corpus" / "compose";
  if (!std::filesystem::exists(dir)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

void BM_LoadAndValidateCorpus(benchmark::State& state) {
  static const std::vector<std::string> corpus = LoadCorpus();
  shipshape::compose::ValidateSchema(nullptr);
  for (auto _ : state) {
    for (const std::string& text : corpus) {
      auto f = shipshape::compose::ParseComposeFile(text, "compose.yaml");
      if (f->root) benchmark::DoNotOptimize(shipshape::compose::ValidateSchema(f->root));
    }
  }
  state.counters["files"] = static_cast<double>(corpus.size());
}
BENCHMARK(BM_LoadAndValidateCorpus)->Unit(benchmark::kMillisecond);

void BM_ParseOnlyCorpus(benchmark::State& state) {
  static const std::vector<std::string> corpus = LoadCorpus();
  for (auto _ : state)
    for (const std::string& text : corpus) benchmark::DoNotOptimize(shipshape::compose::ParseComposeFile(text, "c"));
}
BENCHMARK(BM_ParseOnlyCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
