// Google Benchmark figures for the hot path: parsing and checking the shared corpus in-process
// (no process start-up, no disk). `make bench` prints these beside whole-process timings.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "dockerfile/dockerfile.h"
#include "lint/linter.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

std::vector<SourceFile> LoadCorpus(const char* sub, FileKind kind) {
  std::vector<SourceFile> out;
  fs::path dir = fs::path(SHIPSHAPE_SHARED_DIR) / "corpus" / sub;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    SourceFile f;
    f.path = e.path().filename().string();
    f.text = ss.str();
    f.kind = kind;
    out.push_back(std::move(f));
  }
  return out;
}

const std::vector<SourceFile>& Dockerfiles() {
  static const auto* files = new std::vector<SourceFile>(LoadCorpus("dockerfiles", FileKind::kDockerfile));
  return *files;
}
const std::vector<SourceFile>& ComposeFiles() {
  static const auto* files = new std::vector<SourceFile>(LoadCorpus("compose", FileKind::kCompose));
  return *files;
}

size_t Bytes(const std::vector<SourceFile>& files) {
  size_t n = 0;
  for (const SourceFile& f : files) n += f.text.size();
  return n;
}

void BM_ParseDockerfiles(benchmark::State& state) {
  const auto& files = Dockerfiles();
  for (auto _ : state)
    for (const SourceFile& f : files) benchmark::DoNotOptimize(dockerfile::Parse(f.text));
  state.SetItemsProcessed(state.iterations() * files.size());
  state.SetBytesProcessed(state.iterations() * Bytes(files));
}
BENCHMARK(BM_ParseDockerfiles)->Unit(benchmark::kMillisecond);

void BM_CheckDockerfiles(benchmark::State& state) {
  const auto& files = Dockerfiles();
  Config config;
  LintOptions opts;
  opts.config = &config;
  for (auto _ : state)
    for (const SourceFile& f : files) benchmark::DoNotOptimize(LintFile(f, opts));
  state.SetItemsProcessed(state.iterations() * files.size());
  state.SetBytesProcessed(state.iterations() * Bytes(files));
}
BENCHMARK(BM_CheckDockerfiles)->Unit(benchmark::kMillisecond);

void BM_CheckComposeFiles(benchmark::State& state) {
  const auto& files = ComposeFiles();
  Config config;
  LintOptions opts;
  opts.config = &config;
  for (auto _ : state)
    for (const SourceFile& f : files) benchmark::DoNotOptimize(LintFile(f, opts));
  state.SetItemsProcessed(state.iterations() * files.size());
  state.SetBytesProcessed(state.iterations() * Bytes(files));
}
BENCHMARK(BM_CheckComposeFiles)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace shipshape
