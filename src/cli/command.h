// What the subcommands share: options, messages, configuration, discovery, output. One
// subcommand per file (check.cc, fix.cc, inspect.cc, lsp.cc, parse.cc, rules.cc); cli.cc parses
// the arguments and dispatches. Internal to the CLI.
#ifndef SHIPSHAPE_CLI_COMMAND_H_
#define SHIPSHAPE_CLI_COMMAND_H_

#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/discover.h"
#include "config/config.h"
#include "core/beneath.h"
#include "core/workspace.h"
#include "report/report.h"

namespace shipshape::cli {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

struct Output {
  std::string format;
  std::string path;  ///< Empty: stdout.
};

struct Options {
  std::string command;
  std::vector<std::string> paths;
  std::vector<Output> outputs;
  std::optional<std::string> fail_level;
  std::string config_path;
  std::vector<std::string> select, ignore, exclude;
  bool preview = false;
  size_t max_file_size = 10u << 20;
  unsigned jobs = 0;
  std::string color = "auto";
  bool quiet = false;
  bool unsafe = false;
  bool diff = false;
  std::string report_path;
  std::string into_override;
  std::string dump;
  std::string host;
  std::string write_docs;
};

/// printf to stderr (stdout flushed first).
[[gnu::format(printf, 1, 2)]] void ErrPrintf(const char* fmt, ...);
/// "shipshape: <msg>" on stderr.
void Err(const std::string& msg);

/// Writes an output to stdout (empty path) or to a file (see WriteOutputFile: the directory must
/// exist, and inside `roots` only a regular file or a new name is written).
bool WriteText(const std::string& path, const std::string& text, const ScanRoots& roots,
               std::string* err);
/// Adds the repository holding the working directory to `roots` (where reports are written).
void AddWorkingRepository(ScanRoots* roots);
/// Builds the Config from the config file (if any) and the command line; says why not.
bool MakeConfig(const Options& o, Config* config, std::string* note);
/// Renders `report` in every --format (text on stdout by default) and writes each.
bool EmitReport(const Options& o, const Report& report, const ScanRoots& roots);
/// Every output file (and --report) can be written: checked before any work, so a bad target
/// (a symlink out of the tree, a FIFO, a missing directory) fails the run before `fix` changes
/// anything.
bool CheckOutputs(const Options& o, const ScanRoots& roots);
/// 1 when a finding is at or above the failure threshold, else 0.
int ExitFor(const Report& report, const Config& config);
/// Every --format names a reporter.
bool ValidateFormats(const Options& o);

/// Lints every file on a pool of threads; results land in file order, so output is identical to
/// a single-threaded run.
template <typename Fn>
void ParallelFor(size_t n, unsigned jobs, Fn fn) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, n));
  if (jobs <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t)
    threads.emplace_back([&] {
      for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    });
  for (std::thread& t : threads) t.join();
}

struct Scan {
  Discovered found;
  /// What the run may read and write: the tree holding each scanned path (ContainingTree).
  ScanRoots roots;
  RealFileSystem fs{&roots};
  Workspace ws;
  /// Where report files are contained: `roots` and the repository holding the working directory.
  ScanRoots report_roots;
};

/// Finds and loads the files under the scanned paths into `scan` (errors and notes printed).
bool DiscoverAll(const Options& o, const Config& config, Scan* scan);
/// Per-file settings from the config's `per-path:` entries; a null entry means `config` itself.
std::vector<std::unique_ptr<Config>> PathConfigs(const Config& config, const Scan& scan);

int RunCheck(const Options& o);
int RunFix(const Options& o);
int RunInspect(const Options& o);
int RunLsp(const Options& o);
int RunParse(const Options& o);
int RunRules(const Options& o);
int RunRule(const Options& o);

}  // namespace shipshape::cli

#endif  // SHIPSHAPE_CLI_COMMAND_H_
