// `shipshape check`: lint every discovered file and report.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>

#include "cli/command.h"
#include "lint/linter.h"

namespace shipshape::cli {
namespace {

/// A progress bar on stderr, only when stderr is a terminal and the scan is long enough to
/// notice. Redrawn at most every 100 ms; erased when done so it never mixes with the report.
class Progress {
 public:
  Progress(size_t total, bool enabled)
      : total_(total), enabled_(enabled && total >= 200 && ::isatty(STDERR_FILENO) == 1) {}
  void Tick() {
    if (!enabled_) return;
    size_t done = ++done_;
    auto now = std::chrono::steady_clock::now();
    int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    int64_t last = last_ms_.load();
    if (ms - last < 100 || !last_ms_.compare_exchange_strong(last, ms)) return;
    std::lock_guard<std::mutex> lock(mu_);
    const int width = 30;
    int filled = static_cast<int>(width * done / total_);
    ErrPrintf( "\r[%.*s%*s] %zu/%zu files", filled,
                 "##############################", width - filled, "", done, total_);
    std::fflush(stderr);
    drawn_ = true;
  }
  void Done() {
    if (drawn_) ErrPrintf( "\r%60s\r", "");
  }

 private:
  size_t total_;
  bool enabled_;
  std::atomic<size_t> done_{0};
  std::atomic<int64_t> last_ms_{0};
  std::mutex mu_;
  bool drawn_ = false;
};

}  // namespace

int RunCheck(const Options& o) {
  Config config;
  std::string note;
  if (!MakeConfig(o, &config, &note) || !ValidateFormats(o)) return kExitError;
  if (!note.empty() && !o.quiet) ErrPrintf( "shipshape: %s\n", note.c_str());
  Scan scan;
  if (!DiscoverAll(o, config, &scan) || !CheckOutputs(o, scan.report_roots)) return kExitError;
  Report report;
  report.tool_version = SHIPSHAPE_VERSION;
  report.root = o.paths.empty() ? "." : o.paths.front();
  report.skipped = scan.found.skipped;
  report.files.resize(scan.found.files.size());
  LintOptions lopts;
  lopts.config = &config;
  lopts.workspace = &scan.ws;
  Progress progress(scan.found.files.size(), !o.quiet);
  const std::vector<std::unique_ptr<Config>> path_configs = PathConfigs(config, scan);
  ParallelFor(scan.found.files.size(), o.jobs, [&](size_t i) {
    report.files[i].file = scan.found.files[i].get();
    LintOptions file_opts = lopts;
    if (path_configs[i]) file_opts.config = path_configs[i].get();
    report.files[i].diagnostics = LintFile(*scan.found.files[i], file_opts);
    progress.Tick();
  });
  progress.Done();
  if (!EmitReport(o, report, scan.report_roots)) return kExitError;
  return ExitFor(report, config);
}
}  // namespace shipshape::cli
