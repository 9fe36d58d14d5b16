// Keystroke latency of `shipshape lsp`: one didChange (a one-character insert or delete) in an
// open 300-line Dockerfile or Compose file, through the whole server path: apply the incremental
// edit, re-lint, build the publishDiagnostics message. Also reports the process's resident memory
// growth over 10,000 such edits (counter rss_growth_kb), to show it stays flat.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <string>

#include "lsp/lsp.h"

namespace shipshape::lsp {
namespace {

/// A realistic 300-line multi-stage Dockerfile: stages of RUN/COPY/ENV with continuations.
std::string Dockerfile300() {
  std::string s = "# syntax=docker/dockerfile:1\n";
  int stage = 0;
  while (std::count(s.begin(), s.end(), '\n') < 290) {
    s += "FROM debian:12-slim AS stage" + std::to_string(stage) + "\n";
    s += "ARG VERSION=1.2." + std::to_string(stage) + "\n";
    s += "ENV APP_HOME=/opt/app PATH=/opt/app/bin:$PATH\n";
    s += "WORKDIR /opt/app\n";
    s += "RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl ca-certificates \\\n"
         "    && rm -rf /var/lib/apt/lists/*\n";
    s += "COPY --chown=app:app src/ ./src/\n";
    s += "RUN curl -fsSL https://example.com/tool-$VERSION.tar.gz | tar -xz -C /usr/local/bin\n";
    s += "RUN useradd --uid 10001 app && mkdir -p /data && chown app /data\n";
    s += "EXPOSE 80" + std::to_string(stage % 10) + "\n";
    s += "LABEL org.opencontainers.image.version=$VERSION\n";
    ++stage;
  }
  s += "USER app\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD [\"/opt/app/bin/server\"]\n";
  while (std::count(s.begin(), s.end(), '\n') < 300) s += "# padding\n";
  return s;
}

/// A 300-line Compose file: many services with the usual keys.
std::string Compose300() {
  std::string s = "services:\n";
  int i = 0;
  while (std::count(s.begin(), s.end(), '\n') < 285) {
    const std::string n = std::to_string(i);
    s += "  svc" + n + ":\n";
    s += "    image: registry.example.com/team/svc" + n + ":1." + n + "\n";
    s += "    restart: unless-stopped\n";
    s += "    environment:\n      LOG_LEVEL: info\n      PORT: \"80" + std::to_string(i % 10) + "\"\n";
    s += "    ports:\n      - \"127.0.0.1:8" + std::to_string(100 + i) + ":80\"\n";
    s += "    depends_on:\n      - db\n";
    s += "    read_only: true\n";
    ++i;
  }
  s += "  db:\n    image: postgres:16\n    volumes:\n      - db:/var/lib/postgresql/data\n";
  s += "volumes:\n  db: {}\n";
  while (std::count(s.begin(), s.end(), '\n') < 300) s += "# padding\n";
  return s;
}

Json Change(const char* uri, int version, uint32_t line, uint32_t col, bool insert) {
  Json range = {{"start", {{"line", line}, {"character", col}}},
                {"end", {{"line", line}, {"character", insert ? col : col + 1}}}};
  return {{"jsonrpc", "2.0"},
          {"method", "textDocument/didChange"},
          {"params",
           {{"textDocument", {{"uri", uri}, {"version", version}}},
            {"contentChanges", Json::array({{{"range", range}, {"text", insert ? "x" : ""}}})}}}};
}

long MaxRssKb() {
  struct rusage ru;
  ::getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

void Keystroke(benchmark::State& state, const char* uri, const std::string& text,
               const char* language, uint32_t line, uint32_t col) {
  Server server;
  server.Handle({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", Json::object()}});
  server.Handle({{"jsonrpc", "2.0"},
                 {"method", "textDocument/didOpen"},
                 {"params",
                  {{"textDocument",
                    {{"uri", uri}, {"languageId", language}, {"version", 1}, {"text", text}}}}}});
  int version = 1;
  size_t diagnostics = 0;
  // Warm up (first lint, allocator pools), then measure memory across the timed edits.
  for (int i = 0; i < 200; ++i) server.Handle(Change(uri, ++version, line, col, i % 2 == 0));
  const long rss_before = MaxRssKb();
  int64_t edits = 0;
  for (auto _ : state) {
    std::vector<Json> out = server.Handle(Change(uri, ++version, line, col, edits % 2 == 0));
    diagnostics = out.empty() ? 0 : out[0]["params"]["diagnostics"].size();
    benchmark::DoNotOptimize(out);
    ++edits;
  }
  state.counters["diagnostics"] = static_cast<double>(diagnostics);
  state.counters["edits"] = static_cast<double>(edits);
  state.counters["rss_growth_kb"] = static_cast<double>(MaxRssKb() - rss_before);
}

void BM_KeystrokeDockerfile300(benchmark::State& state) {
  // Typing inside the RUN line of a middle stage.
  Keystroke(state, "file:///tmp/shipshape-lsp-bench/Dockerfile", Dockerfile300(), "dockerfile", 150, 10);
}
BENCHMARK(BM_KeystrokeDockerfile300)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_KeystrokeDockerfile300)->Name("BM_KeystrokeDockerfile300/10000edits")
    ->Iterations(10000)->Unit(benchmark::kMillisecond);

void BM_KeystrokeCompose300(benchmark::State& state) {
  Keystroke(state, "file:///tmp/shipshape-lsp-bench/compose.yaml", Compose300(), "dockercompose", 150, 8);
}
BENCHMARK(BM_KeystrokeCompose300)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_KeystrokeCompose300)->Name("BM_KeystrokeCompose300/10000edits")
    ->Iterations(10000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace shipshape::lsp
