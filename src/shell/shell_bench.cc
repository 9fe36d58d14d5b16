// Parse throughput on a docker-library-style RUN (apt-get + gpg + curl + if/case + cleanup).
#include <benchmark/benchmark.h>

#include <string>

#include "shell/commands.h"
#include "shell/shell.h"

namespace {

constexpr const char kRun[] =
    "set -eux; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; "
    "\tapt-get install -y --no-install-recommends ca-certificates dirmngr gnupg wget; "
    "\trm -rf /var/lib/apt/lists/*; \tdpkgArch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; "
    "\tcase \"$dpkgArch\" in \t\tamd64) ARCH='x64' ;; \t\tarm64) ARCH='arm64' ;; "
    "\t\t*) echo >&2 \"unsupported architecture: $dpkgArch\"; exit 1 ;; \tesac; "
    "\twget -O /usr/local/bin/gosu \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch\"; "
    "\twget -O /usr/local/bin/gosu.asc \"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc\"; "
    "\texport GNUPGHOME=\"$(mktemp -d)\"; "
    "\tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; "
    "\tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; "
    "\tgpgconf --kill all; \trm -rf \"$GNUPGHOME\" /usr/local/bin/gosu.asc; "
    "\tif [ -n \"$savedAptMark\" ]; then apt-mark manual $savedAptMark > /dev/null; fi; "
    "\tapt-mark auto '.*' > /dev/null; "
    "\tfind /usr/local -type f -executable -exec ldd '{}' ';' | awk '/=>/ { so = $(NF-1); "
    "if (index(so, \"/usr/local/\") == 1) { next }; gsub(\"^/(usr/)?\", \"\", so); print so }' "
    "| sort -u | xargs -r dpkg-query --search | cut -d: -f1 | sort -u | xargs -r apt-mark manual; "
    "\tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; "
    "\tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true; "
    "\tcurl -fsSL https://deb.nodesource.com/setup_20.x | bash - && apt-get install -y nodejs "
    "&& npm install -g npm@10 && pip3 install --no-cache-dir -r /tmp/requirements.txt";

void BM_ParseRun(benchmark::State& state) {
  std::string text(kRun);
  for (auto _ : state) {
    shipshape::shell::Script s = shipshape::shell::Parse(text);
    benchmark::DoNotOptimize(s.commands.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
  state.counters["ns/byte"] = benchmark::Counter(
      static_cast<double>(text.size()), benchmark::Counter::kIsIterationInvariantRate |
                                            benchmark::Counter::kInvert);
}
BENCHMARK(BM_ParseRun);

void BM_ParseAndIndex(benchmark::State& state) {
  std::string text(kRun);
  for (auto _ : state) {
    shipshape::shell::Script s = shipshape::shell::Parse(text);
    shipshape::shell::CommandList list(s);
    size_t installs = 0;
    for (const auto& inv : list.all()) installs += shipshape::shell::MatchPackageInstall(inv).has_value();
    benchmark::DoNotOptimize(installs);
  }
  state.counters["ns/byte"] = benchmark::Counter(
      static_cast<double>(text.size()), benchmark::Counter::kIsIterationInvariantRate |
                                            benchmark::Counter::kInvert);
}
BENCHMARK(BM_ParseAndIndex);

}  // namespace
