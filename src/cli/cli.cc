// The command line: argument parsing, running the pipeline, writing outputs, exit codes. The only
// place besides discover/writer that touches the disk or the terminal.
#include "cli/cli.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <chrono>
#include <mutex>
#include <thread>

#include "cli/discover.h"
#include "cli/override.h"
#include "cli/writer.h"
#include "config/loader.h"
#include "core/beneath.h"
#include "dockerfile/dockerfile.h"
#include "core/diff.h"
#include "fix/fixer.h"
#include "lint/linter.h"
#include "lsp/lsp.h"
#include "report/render_util.h"
#include "report/reporters.h"
#include "rules/docs.h"
#include "runtime/engine.h"
#include "runtime/inspect.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

const char kUsage[] =
    R"(shipshape - audit, fix and complete Docker infrastructure

Usage:
  shipshape check [PATH...] [options]     Find problems (default command; PATH defaults to .)
  shipshape fix [PATH...] [options]       Apply safe fixes (--unsafe for more; --diff to preview)
  shipshape inspect [FILE|-] [options]    Audit running containers (docker inspect JSON or the
                                          Docker Engine API when no FILE is given)
  shipshape parse --dump=buildkit FILE    Print BuildKit's AST dump of a Dockerfile
  shipshape rules [--format text|json]    List every rule
  shipshape rule CODE                     Explain one rule (also: --explain CODE)
  shipshape rules --write-docs DIR        Write one Markdown page per rule (docs/rules)
  shipshape lsp [--stdio]                 Language server on stdin/stdout (docs/editors.md)
  shipshape version

Options (check, fix, inspect):
  -f, --format FMT[=FILE]   Output format; repeatable. FMT: text, json, sarif, markdown, html,
                            checkstyle, junit, gitlab, codeclimate, gnu, sonarqube. With =FILE
                            the output goes to FILE instead of stdout. FILE's directory must
                            exist. Inside the scanned tree FILE must be a regular file or a new
                            name (a symlink out of the tree, a FIFO or a device is refused);
                            elsewhere an existing FIFO or device (/dev/stdout) is written into.
  --fail-level LEVEL        Exit 1 when a finding is at or above LEVEL: style, info, warning,
                            error, critical, or none (default: info, or the config's threshold)
  -c, --config FILE         Config file (default: .shipshape.yaml found upward, else
                            .hadolint.yaml)
  --select CODES            Only these rules (comma-separated codes, names, aliases or prefixes;
                            one that names no rule is an error)
  --ignore CODES            Never these rules
  --preview                 Also run rules in preview
  --exclude GLOB            Skip paths matching GLOB; repeatable
  --max-file-size BYTES     Skip larger files (default 10485760)
  -j, --jobs N              Worker threads (default: all cores; -j4 works too)
  --color WHEN              auto, always or never (default auto; NO_COLOR is honoured)
  --no-color                Same as --color never
  -q, --quiet               Print only findings (no summary, no notes)
  --unsafe                  fix: also apply unsafe fixes
  --diff                    fix: print a unified diff and write nothing
  --report FILE             fix: also write a Markdown report of what was found and fixed
  --host URL                inspect: Docker engine socket (default $DOCKER_HOST, else
                            unix:///var/run/docker.sock; only unix:// is supported)
  --into-override FILE      fix: leave Compose files as they are and write their fixes to the
                            Compose override FILE (relative to each compose file), for
                            `docker compose -f compose.yaml -f FILE`; FILE must not exist

Containment: nothing outside the scanned tree (the repository holding it; else the working
directory if the scanned path is below it, else the scanned directory) is read or written: symlinks and `..` that lead out are refused, and only regular
files are read (a FIFO or device is skipped with a note). The config search stops at the
repository root. `fix` plans every write first and applies them as one transaction (side files
such as .env before the files that refer to them; everything restored on a failure).
`inspect` reads at most 32 MiB of docker inspect JSON.

Exit codes: 0 nothing at or above the threshold, 1 findings at or above it, 2 usage or I/O error
(including a file named on the command line that cannot be checked, and a fix not applied).
)";

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

// Everything written to stderr goes through here: stdout is flushed first, so a message never
// lands in the middle of a diff or report line when both streams go to one terminal or log.
[[gnu::format(printf, 1, 2)]] void ErrPrintf(const char* fmt, ...) {
  std::fflush(stdout);
  va_list ap;
  va_start(ap, fmt);
  std::vfprintf(stderr, fmt, ap);
  va_end(ap);
}

void Err(const std::string& msg) { ErrPrintf("shipshape: %s\n", msg.c_str()); }

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  size_t p = 0;
  while (p <= s.size()) {
    size_t c = s.find(',', p);
    if (c == std::string::npos) c = s.size();
    std::string part = s.substr(p, c - p);
    if (!part.empty()) out.push_back(part);
    p = c + 1;
  }
  return out;
}

bool ParseArgs(int argc, char** argv, Options* o, std::string* err) {
  std::vector<std::string> args(argv + 1, argv + argc);
  size_t i = 0;
  static const char* kCommands[] = {"check", "fix", "inspect", "parse", "rules", "rule",
                                    "version", "help", "lsp"};
  if (i < args.size()) {
    for (const char* c : kCommands)
      if (args[i] == c) {
        o->command = c;
        ++i;
        break;
      }
  }
  if (o->command.empty()) o->command = "check";
  auto value = [&](const std::string& flag, std::string* out) -> bool {
    // --flag=value or --flag value
    const std::string& a = args[i];
    if (a.size() > flag.size() && a.compare(0, flag.size(), flag) == 0 && a[flag.size()] == '=') {
      *out = a.substr(flag.size() + 1);
      return true;
    }
    if (i + 1 >= args.size()) {
      *err = flag + " needs a value";
      return false;
    }
    *out = args[++i];
    return true;
  };
  auto is = [&](const char* a, const char* b = nullptr) {
    const std::string& x = args[i];
    auto match = [&](const char* f) {
      if (!f) return false;
      size_t n = std::strlen(f);
      return x == f || (x.size() > n && x.compare(0, n, f) == 0 && x[n] == '=' && f[1] == '-');
    };
    return match(a) || match(b);
  };
  bool only_paths = false;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string v;
    if (only_paths || a.empty() || a[0] != '-' || a == "-") {
      o->paths.push_back(a);
      continue;
    }
    if (a == "--") {
      only_paths = true;
    } else if (is("-h", "--help")) {
      o->command = "help";
    } else if (is("--version")) {
      o->command = "version";
    } else if (is("-f", "--format")) {
      if (!value(a.rfind("--format", 0) == 0 ? "--format" : "-f", &v)) return false;
      size_t eq = v.find('=');
      o->outputs.push_back({v.substr(0, eq), eq == std::string::npos ? "" : v.substr(eq + 1)});
    } else if (is("--fail-level") || is("--failure-threshold")) {
      if (!value(a.rfind("--fail-level", 0) == 0 ? "--fail-level" : "--failure-threshold", &v))
        return false;
      o->fail_level = v;
    } else if (is("-c", "--config")) {
      if (!value(a.rfind("--config", 0) == 0 ? "--config" : "-c", &v)) return false;
      o->config_path = v;
    } else if (is("--select")) {
      if (!value("--select", &v)) return false;
      for (auto& s : SplitComma(v)) o->select.push_back(s);
    } else if (is("--ignore")) {
      if (!value("--ignore", &v)) return false;
      for (auto& s : SplitComma(v)) o->ignore.push_back(s);
    } else if (is("--exclude")) {
      if (!value("--exclude", &v)) return false;
      o->exclude.push_back(v);
    } else if (is("--preview")) {
      o->preview = true;
    } else if (is("--max-file-size")) {
      if (!value("--max-file-size", &v)) return false;
      char* end = nullptr;
      unsigned long long n = std::strtoull(v.c_str(), &end, 10);
      if (v.empty() || *end || n == 0) {
        *err = "--max-file-size takes a positive number of bytes";
        return false;
      }
      o->max_file_size = n;
    } else if (is("-j", "--jobs") || (a.size() > 2 && a.compare(0, 2, "-j") == 0)) {
      if (a.size() > 2 && a[1] == 'j') v = a.substr(2);  // -j4, as make takes it
      else if (!value(a.rfind("--jobs", 0) == 0 ? "--jobs" : "-j", &v)) return false;
      char* end = nullptr;
      unsigned long n = std::strtoul(v.c_str(), &end, 10);
      if (v.empty() || *end || n == 0 || n > 256) {
        *err = "--jobs takes a number from 1 to 256";
        return false;
      }
      o->jobs = static_cast<unsigned>(n);
    } else if (is("--color")) {
      if (!value("--color", &v)) return false;
      if (v != "auto" && v != "always" && v != "never") {
        *err = "--color takes auto, always or never";
        return false;
      }
      o->color = v;
    } else if (is("--no-color")) {
      o->color = "never";
    } else if (is("-q", "--quiet")) {
      o->quiet = true;
    } else if (o->command == "lsp" && is("--stdio")) {
      // Language clients (vscode-languageclient) pass it; stdio is the only transport.
    } else if (is("--unsafe") || is("--unsafe-fixes")) {
      o->unsafe = true;
    } else if (is("--diff")) {
      o->diff = true;
    } else if (is("--report")) {
      if (!value("--report", &v)) return false;
      o->report_path = v;
    } else if (is("--into-override")) {
      if (!value("--into-override", &v)) return false;
      if (v.empty() || v.back() == '/') {
        *err = "--into-override takes a file name, e.g. compose.prod.yaml";
        return false;
      }
      o->into_override = v;
    } else if (is("--dump")) {
      if (!value("--dump", &v)) return false;
      o->dump = v;
    } else if (is("--write-docs")) {
      if (!value("--write-docs", &v)) return false;
      o->write_docs = v;
    } else if (is("--host")) {
      if (!value("--host", &v)) return false;
      o->host = v;
    } else if (is("--explain")) {
      if (!value("--explain", &v)) return false;
      o->command = "rule";
      o->paths.push_back(v);
    } else {
      *err = "unknown option " + a + " (see shipshape --help)";
      return false;
    }
  }
  return true;
}

bool UseColor(const Options& o, bool to_stdout) {
  if (o.color == "always") return true;
  if (o.color == "never" || !to_stdout) return false;
  const char* nc = std::getenv("NO_COLOR");
  if (nc && *nc) return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

/// Writes an output to stdout (empty path) or to a file (see WriteOutputFile: the directory must
/// exist, and inside `roots` only a regular file or a new name is written).
bool WriteText(const std::string& path, const std::string& text, const ScanRoots& roots,
               std::string* err) {
  if (path.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return true;
  }
  return WriteOutputFile(path, text, roots, err);
}

/// Adds the repository holding the working directory to `roots`: reports are usually written
/// there (the Action's `shipshape.sarif`), and a symlink planted under that name must not lead
/// the write out of it.
void AddWorkingRepository(ScanRoots* roots) {
  const std::string repo = RepositoryRoot(".");
  std::string err;
  if (!repo.empty()) roots->Add(repo, &err);
}

/// Adds, for each scanned path, the tree holding it (ContainingTree) to `roots`.
void AddScanRoots(const std::vector<std::string>& paths, ScanRoots* roots) {
  for (const std::string& p : paths) {
    struct stat st;
    const std::string dir = ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode) ? p : DirName(p);
    const std::string tree = ContainingTree(dir);
    std::string err;
    // A path that does not exist has no tree; discovery reports it.
    if (!tree.empty()) roots->Add(tree, &err);
  }
}

/// True if `selector` (a --select entry) names at least one rule.
bool SelectsAnyRule(const std::string& selector) {
  Config only;
  only.selected.insert(selector);
  for (const Rule* r : AllRules())
    if (RuleEnabled(*r, only)) return true;
  return false;
}

/// Builds the Config from the config file (if any) and the command line.
bool MakeConfig(const Options& o, Config* config, std::string* note) {
  std::string start = o.paths.empty() ? "." : o.paths.front();
  std::string err;
  if (!LoadConfig(o.config_path, start, config, note, &err)) {
    Err(err);
    return false;
  }
  for (const std::string& s : o.select) {
    // A typo here would run no rule at all and report "No problems found".
    if (!SelectsAnyRule(s)) {
      Err("--select " + s + ": no rule has this code, name, alias or code prefix (see shipshape rules)");
      return false;
    }
    config->selected.insert(s);
  }
  for (const std::string& s : o.ignore) config->ignored.insert(s);
  if (o.preview) config->preview = true;
  if (o.fail_level) {
    if (*o.fail_level == "none" || *o.fail_level == "ignore") {
      config->failure_threshold.reset();
    } else if (auto s = ParseSeverity(*o.fail_level)) {
      config->failure_threshold = *s;
    } else {
      Err("--fail-level takes style, info, warning, error, critical or none, not '" +
          *o.fail_level + "'");
      return false;
    }
  }
  for (const std::string& code : config->ignored) {
    if (!FindRule(code) && code.size() > 3) {
      // Unknown codes are not fatal (hadolint configs name rules we may not have) but are noted.
    }
  }
  return true;
}

bool EmitReport(const Options& o, const Report& report, const ScanRoots& roots) {
  std::vector<Output> outputs = o.outputs;
  if (outputs.empty()) outputs.push_back({"text", ""});
  bool ok = true;
  for (const Output& out : outputs) {
    RenderOptions ropts;
    ropts.color = UseColor(o, out.path.empty());
    ropts.jobs = o.jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : o.jobs;
    std::string text, err;
    if (!Render(out.format, report, ropts, &text, &err)) {
      Err(err);
      return false;
    }
    if (o.quiet && out.format == "text") {
      // Drop the closing summary line(s) in quiet mode.
      size_t cut = text.rfind("\n\n");
      if (cut != std::string::npos) text.resize(cut + 1);
      else if (report.diagnostic_count() == 0) text.clear();
    }
    if (!WriteText(out.path, text, roots, &err)) {
      Err(err);
      ok = false;
    } else if (!out.path.empty() && !o.quiet) {
      ErrPrintf( "shipshape: wrote %s report to %s\n", out.format.c_str(),
                   out.path.c_str());
    }
  }
  return ok;
}

/// Every output file (and --report) can be written: checked before any work, so a bad target
/// (a symlink out of the tree, a FIFO, a missing directory) fails the run before `fix` changes
/// anything.
bool CheckOutputs(const Options& o, const ScanRoots& roots) {
  std::vector<std::string> paths;
  for (const Output& out : o.outputs)
    if (!out.path.empty()) paths.push_back(out.path);
  if (!o.report_path.empty() && o.command == "fix" && !o.diff) paths.push_back(o.report_path);
  for (const std::string& p : paths) {
    std::string err;
    if (!CheckOutputFile(p, roots, &err)) {
      Err(err);
      return false;
    }
  }
  return true;
}

int ExitFor(const Report& report, const Config& config) {
  if (!config.failure_threshold) return kExitOk;
  for (const FileResult& f : report.files)
    for (const Diagnostic& d : f.diagnostics)
      if (d.severity >= *config.failure_threshold) return kExitFindings;
  return kExitOk;
}

bool ValidateFormats(const Options& o) {
  for (const Output& out : o.outputs) {
    std::string text, err;
    Report empty;
    if (!Render(out.format, empty, RenderOptions{}, &text, &err)) {
      Err(err);
      return false;
    }
  }
  return true;
}

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

struct Scan {
  Discovered found;
  /// What the run may read and write: the tree holding each scanned path (ContainingTree).
  ScanRoots roots;
  RealFileSystem fs{&roots};
  Workspace ws;
  /// Where report files are contained: `roots` and the repository holding the working directory.
  ScanRoots report_roots;
};

bool DiscoverAll(const Options& o, const Config& config, Scan* scan) {
  DiscoverOptions dopts;
  dopts.max_file_size = o.max_file_size;
  dopts.exclude = o.exclude;
  dopts.config_exclude = config.exclude;
  dopts.config_dir = config.config_dir;
  std::vector<std::string> paths = o.paths.empty() ? std::vector<std::string>{"."} : o.paths;
  AddScanRoots(paths, &scan->roots);
  AddScanRoots(paths, &scan->report_roots);
  AddWorkingRepository(&scan->report_roots);
  dopts.roots = &scan->roots;
  scan->found = Discover(paths, dopts);
  for (const std::string& e : scan->found.errors) Err(e);
  if (!scan->found.errors.empty()) return false;
  scan->ws.root = paths.front();
  scan->ws.fs = &scan->fs;
  for (const auto& f : scan->found.files) scan->ws.files.push_back(f.get());
  if (!o.quiet)
    for (const SkippedFile& s : scan->found.skipped)
      ErrPrintf( "shipshape: note: skipped %s: %s\n", s.path.c_str(), s.reason.c_str());
  return true;
}

/// Per-file settings from the config's `per-path:` entries; a null entry means `config` itself.
std::vector<std::unique_ptr<Config>> PathConfigs(const Config& config, const Scan& scan) {
  std::vector<std::unique_ptr<Config>> out(scan.found.files.size());
  if (config.path_overrides.empty() || config.config_dir.empty()) return out;
  const std::string& root = config.config_dir;
  for (size_t i = 0; i < out.size(); ++i) {
    const std::string& path = scan.found.files[i]->path;
    // Resolve the directory only: a symlinked file keeps the name it was found under.
    char buf[PATH_MAX];
    const std::string dir = DirName(path);
    if (!::realpath(dir.empty() ? "." : dir.c_str(), buf)) continue;
    const std::string abs = std::string(buf) + "/" + path.substr(path.find_last_of('/') + 1);
    if (root != "/" && (abs.size() <= root.size() || abs.compare(0, root.size(), root) != 0 ||
                        abs[root.size()] != '/'))
      continue;
    auto c = std::make_unique<Config>();
    if (ConfigForPath(config, abs.substr(root == "/" ? 1 : root.size() + 1), c.get()))
      out[i] = std::move(c);
  }
  return out;
}

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

/// True if anything exists at `path` (a dangling symlink counts: writing would replace it).
bool PathExists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

/// Where `--into-override` writes the override of `compose_path`.
std::string OverridePath(const std::string& compose_path, const std::string& into) {
  return into[0] == '/' ? NormalizePath(into) : JoinPath(DirName(compose_path), into);
}

struct OverridePlan {
  std::string path;
  std::string text;  ///< Empty: nothing to write.
};

/// --into-override: the override for every compose file the fixes changed. Every target is checked
/// before anything is written, so a refused run changes nothing. Returns false (after saying why)
/// when a target exists, two compose files would share one, or an override cannot be built.
bool PlanOverrides(const Options& o, const Scan& scan, const LintOptions& lopts,
                   std::vector<FixOutcome>* outcomes, std::vector<OverridePlan>* plans) {
  const std::vector<std::unique_ptr<SourceFile>>& files = scan.found.files;
  plans->assign(files.size(), {});
  // Targets named by some other compose file: those files are overrides an earlier run wrote.
  std::set<std::string> targets;
  for (const auto& f : files) {
    if (f->kind != FileKind::kCompose) continue;
    const std::string target = OverridePath(f->path, o.into_override);
    if (target != NormalizePath(f->path)) targets.insert(target);
  }
  for (const auto& f : files) {
    const std::string self = NormalizePath(f->path);
    if (f->kind == FileKind::kCompose && !targets.count(self) &&
        OverridePath(f->path, o.into_override) == self) {
      Err("--into-override " + o.into_override + " names the compose file " + f->path +
          " itself; pick another name, e.g. compose.prod.yaml");
      return false;
    }
  }
  std::map<std::string, std::string> claimed;  // target -> the compose file it overrides
  for (size_t i = 0; i < files.size(); ++i) {
    const SourceFile& src = *files[i];
    if (src.kind != FileKind::kCompose) continue;
    FixOutcome& out = (*outcomes)[i];
    if (targets.count(NormalizePath(src.path))) {
      // The override an earlier run wrote: neither fixed on its own nor overridden itself.
      FixOutcome kept;
      kept.found = out.found;
      kept.text = src.text;
      kept.remaining = LintFile(src, lopts);
      out = std::move(kept);
      continue;
    }
    if (out.unparsable || out.text == src.text) continue;
    const std::string path = OverridePath(src.path, o.into_override);
    OverrideOptions oo;
    oo.compose_name = src.path.substr(src.path.find_last_of('/') + 1);
    oo.override_name = o.into_override;
    std::string text, err;
    if (!BuildComposeOverride(src.text, out.text, oo, &text, &err)) {
      Err(src.path + ": cannot build the override: " + err);
      return false;
    }
    if (text.empty()) continue;
    const auto [it, fresh] = claimed.emplace(path, src.path);
    if (!fresh) {
      Err("--into-override: " + it->second + " and " + src.path + " would both write " + path +
          "; run fix once per compose file");
      return false;
    }
    if (PathExists(path)) {
      Err(path + " already exists; --into-override never overwrites or merges into a file "
                 "(remove it, or pick another name)");
      return false;
    }
    (*plans)[i] = {path, std::move(text)};
  }
  return true;
}

/// --into-override leaves the compose file as it was, so what is left must be reported against its
/// original text, not the fixed text nobody will see. A remaining finding is matched to the
/// original finding with the same rule and message (messages name services and keys, not
/// offsets); one the fixes introduced has no place in the original and is reported at its start.
/// Every secret the original's findings marked stays masked, even when the finding that marked it
/// was fixed (its line may still be shown by another finding).
std::vector<Diagnostic> RemapToOriginal(const SourceFile& original, const LintOptions& lopts,
                                        std::vector<Diagnostic> remaining) {
  std::vector<Diagnostic> before = LintFile(original, lopts);
  std::vector<TextRange> secrets;
  for (const Diagnostic& d : before)
    secrets.insert(secrets.end(), d.redactions.begin(), d.redactions.end());
  std::vector<bool> used(before.size(), false);
  std::vector<Diagnostic> out;
  for (Diagnostic& d : remaining) {
    size_t j = 0;
    while (j < before.size() &&
           (used[j] || before[j].rule != d.rule || before[j].message != d.message))
      ++j;
    if (j < before.size()) {
      used[j] = true;
      out.push_back(std::move(before[j]));
    } else {
      d.range = TextRange::At(0);
      d.fix.reset();
      d.redactions.clear();
      out.push_back(std::move(d));
    }
    out.back().redactions = secrets;
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.start != b.range.start) return a.range.start < b.range.start;
    return a.rule && b.rule && a.rule->code < b.rule->code;
  });
  return out;
}

/// `file` as `fix --diff` may print it: every secret a rule finds in it (whichever rules this run
/// selected or ignored, preview ones too) and every credential secrets::FindSecretsToMask sees,
/// masked by byte range in the very text it is in.
std::string MaskedForDiff(const SourceFile& file, const LintOptions& lopts) {
  Config all = *lopts.config;
  all.selected.clear();
  all.ignored.clear();
  all.preview = true;
  LintOptions every = lopts;
  every.config = &all;
  return MaskedText(file, LintFile(file, every));
}

/// The diff of `before` and `after` (both named `path`, of `before`'s kind) with the secrets of
/// each side masked and control characters made visible. (For reading; it may not apply as a
/// patch.)
std::string SafeDiff(const SourceFile& before, std::string_view after, std::string_view path,
                     const LintOptions& lopts) {
  SourceFile fixed;
  fixed.path = before.path;
  fixed.kind = before.kind;
  fixed.mode = before.mode;
  fixed.text = std::string(after);
  const std::string a = before.text.empty() ? std::string() : MaskedForDiff(before, lopts);
  return EscapeControls(UnifiedDiff(a, MaskedForDiff(fixed, lopts), path), "\t\n");
}

/// Adds `add` into `total`, both sorted by rule code.
void AddRuleFixes(const std::vector<FixOutcome::RuleFixes>& add,
                  std::vector<FixSummary::RuleFixes>* total) {
  for (const FixOutcome::RuleFixes& r : add) {
    auto it = std::lower_bound(
        total->begin(), total->end(), r.code,
        [](const FixSummary::RuleFixes& t, const std::string& code) { return t.code < code; });
    if (it == total->end() || it->code != r.code) it = total->insert(it, {r.code, r.name, 0});
    it->count += r.count;
  }
}

int RunFix(const Options& o) {
  Config config;
  std::string note;
  if (!MakeConfig(o, &config, &note) || !ValidateFormats(o)) return kExitError;
  Scan scan;
  if (!DiscoverAll(o, config, &scan) || !CheckOutputs(o, scan.report_roots)) return kExitError;
  const Applicability min = o.unsafe ? Applicability::kUnsafe : Applicability::kSafe;
  LintOptions lopts;
  lopts.config = &config;
  lopts.workspace = &scan.ws;
  std::vector<FixOutcome> outcomes(scan.found.files.size());
  const std::vector<std::unique_ptr<Config>> path_configs = PathConfigs(config, scan);
  ParallelFor(scan.found.files.size(), o.jobs, [&](size_t i) {
    LintOptions file_opts = lopts;
    if (path_configs[i]) file_opts.config = path_configs[i].get();
    outcomes[i] = FixToFixpoint(*scan.found.files[i], file_opts, min);
  });
  std::vector<OverridePlan> overrides;
  if (!o.into_override.empty() && !PlanOverrides(o, scan, lopts, &outcomes, &overrides))
    return kExitError;
  Report report;
  report.tool_version = SHIPSHAPE_VERSION;
  report.root = o.paths.empty() ? "." : o.paths.front();
  report.mode = "fix";
  report.skipped = scan.found.skipped;
  report.fix.present = true;
  bool io_error = false;
  bool side_files_written = false;
  std::set<std::string> announced;  // side files named by --diff
  using Kind = PlannedWrite::Kind;
  // The writes file i's fixes need, into `tx`; with --diff printed instead.
  auto plan = [&](size_t i, FixTransaction* tx) {
    const SourceFile& src = *scan.found.files[i];
    const FixOutcome& out = outcomes[i];
    if (!o.into_override.empty() && src.kind == FileKind::kCompose) {
      // The compose file stays as it is; its fixes go to the override.
      const OverridePlan& plan = overrides[i];
      if (plan.text.empty()) {
        // Nothing to override.
      } else if (o.diff) {
        SourceFile none;
        none.path = plan.path;
        none.kind = FileKind::kCompose;
        std::string d = SafeDiff(none, plan.text, plan.path, lopts);
        std::fwrite(d.data(), 1, d.size(), stdout);
      } else {
        tx->Add({Kind::kCreate, plan.path, plan.text, "", 0644, i, src.path});
      }
    } else if (out.text != src.text) {
      if (o.diff) {
        std::string d = SafeDiff(src, out.text, src.path, lopts);
        std::fwrite(d.data(), 1, d.size(), stdout);
      } else {
        tx->Add({Kind::kReplace, src.path, out.text, src.text, src.mode, i, src.path});
      }
    }
    const std::string dir = DirName(src.path);
    for (const Fix::FileWrite& w : out.file_writes) {
      const std::string path = JoinPath(dir, w.path);
      if (o.diff) {
        // Several fixes may merge lines into one file (.env.example): name it once.
        if (announced.insert(path).second)
          std::printf("--- %s (%s)\n", EscapeControls(path).c_str(), w.append ? "lines merged" : "new file");
        continue;
      }
      tx->Add({w.append ? Kind::kMerge : Kind::kCreateIfAbsent, path, w.content, "", w.mode, i,
               src.path});
    }
  };
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const SourceFile& src = *scan.found.files[i];
    for (const std::string& r : outcomes[i].rolled_back)
      Err("fixes of " + r + " in " + src.path + " broke the file's syntax and were not applied");
    if (!outcomes[i].converged)
      Err(src.path + ": fixes did not converge after 100 passes; the last state was kept");
  }
  // Every write is planned first, then checked and applied as one transaction (cli/writer.h). A
  // file left out only because its `.env` name already holds another value (several Compose
  // files in one directory, each with its own password under one name) is fixed again in a
  // further round, against the `.env` as it now is, where its rules pick a free name.
  std::vector<bool> unfixed(outcomes.size(), false);
  std::vector<size_t> round(outcomes.size());
  for (size_t i = 0; i < round.size(); ++i) round[i] = i;
  std::map<std::string, bool> written;  // path -> created by this run
  std::set<std::string> sources;
  for (const auto& f : scan.found.files) sources.insert(NormalizePath(f->path));
  for (int pass = 0; !round.empty(); ++pass) {
    FixTransaction tx(scan.roots);
    for (size_t i : round) plan(i, &tx);
    if (o.diff) break;
    std::vector<std::string> errors, notes;
    tx.Prepare(&errors, &notes);
    for (const std::string& e : errors) Err(e);
    io_error |= !errors.empty();
    std::string err;
    if (!tx.Commit(&err)) {
      Err(err);
      io_error = true;
      for (size_t i : round) unfixed[i] = true;
      break;
    }
    for (const FixTransaction::Written& w : tx.written()) {
      written.emplace(w.path, w.created);  // created in an earlier round stays "added"
      side_files_written |= !sources.count(NormalizePath(w.path));
    }
    std::vector<size_t> again;
    for (size_t i : round) {
      if (!tx.Dropped(i)) continue;
      unfixed[i] = true;
      // (An override is planned once, from the first outcome: not retried.)
      if (tx.Conflicted(i) && o.into_override.empty()) again.push_back(i);
    }
    if (again.empty() || pass == 4) {
      for (const std::string& n : notes) Err("note: " + n);
      break;
    }
    for (size_t i : again) {
      LintOptions file_opts = lopts;
      if (path_configs[i]) file_opts.config = path_configs[i].get();
      outcomes[i] = FixToFixpoint(*scan.found.files[i], file_opts, min);
      unfixed[i] = false;
    }
    round = std::move(again);
  }
  for (const auto& [path, created] : written)
    (created ? report.fix.files_added : report.fix.files_changed).push_back(path);
  std::vector<std::unique_ptr<SourceFile>> fixed_files;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const SourceFile& src = *scan.found.files[i];
    FixOutcome& out = outcomes[i];
    const LintOptions file_opts =
        path_configs[i] ? LintOptions{path_configs[i].get(), lopts.workspace, lopts.only} : lopts;
    if (unfixed[i]) {
      // Nothing was fixed in this file: report it as it still is.
      FixOutcome kept;
      kept.found = out.found;
      kept.text = src.text;
      kept.remaining = LintFile(src, file_opts);
      out = std::move(kept);
    }
    report.fix.found += out.found;
    report.fix.fixed += out.fixed;
    AddRuleFixes(out.fixed_by_rule, &report.fix.fixed_by_rule);
    auto f = std::make_unique<SourceFile>(src);
    if (!o.into_override.empty() && src.kind == FileKind::kCompose && out.text != src.text)
      out.remaining = RemapToOriginal(src, file_opts, std::move(out.remaining));
    else
      f->text = out.text;
    fixed_files.push_back(std::move(f));
  }
  // The side files written (.dockerignore, .env.example, .gitignore lines) answer findings the
  // fix passes still saw (DF114 and the like): what is left is what a `check` now reports.
  if (side_files_written) {
    ParallelFor(fixed_files.size(), o.jobs, [&](size_t i) {
      if (!o.into_override.empty() && fixed_files[i]->kind == FileKind::kCompose) return;
      LintOptions file_opts = lopts;
      if (path_configs[i]) file_opts.config = path_configs[i].get();
      outcomes[i].remaining = LintFile(*fixed_files[i], file_opts);
    });
  }
  // Report what is left, against the fixed text.
  report.files.resize(fixed_files.size());
  for (size_t i = 0; i < fixed_files.size(); ++i) {
    report.files[i].file = fixed_files[i].get();
    report.files[i].diagnostics = std::move(outcomes[i].remaining);
    report.fix.left += report.files[i].diagnostics.size();
  }
  if (!o.quiet) {
    // A fix can bring up a finding a later pass fixes (a new RUN that is then merged): those are
    // counted as fixed too, so found - left can be less than fixed. Say so rather than let the
    // numbers look wrong.
    std::string along;
    if (report.fix.found >= report.fix.left && report.fix.fixed > report.fix.found - report.fix.left)
      along = " (" + std::to_string(report.fix.fixed - (report.fix.found - report.fix.left)) +
              " of the fixed were brought up by earlier fixes)";
    ErrPrintf(
                 "shipshape: %zu found, %zu fixed, %zu left%s; %zu files changed, %zu files added%s\n",
                 report.fix.found, report.fix.fixed, report.fix.left, along.c_str(),
                 report.fix.files_changed.size(), report.fix.files_added.size(),
                 o.diff ? " (dry run: nothing written)" : "");
  }
  if (!o.diff) {
    Options emit = o;
    if (!o.report_path.empty()) {
      // --report comes on top of the usual output, not instead of it.
      if (emit.outputs.empty()) emit.outputs.push_back({"text", ""});
      emit.outputs.push_back({"markdown", o.report_path});
    }
    if (!EmitReport(emit, report, scan.report_roots)) return kExitError;
  }
  if (io_error) return kExitError;
  return ExitFor(report, config);
}

int RunParse(const Options& o) {
  if (o.paths.size() != 1) {
    Err("parse takes exactly one Dockerfile");
    return kExitError;
  }
  if (!o.dump.empty() && o.dump != "buildkit") {
    Err("--dump takes buildkit");
    return kExitError;
  }
  std::string text, reason;
  uint32_t mode = 0;
  if (!LoadFile(o.paths[0], o.max_file_size, &text, &mode, &reason)) {
    Err(o.paths[0] + ": " + (reason.rfind("skipped: ", 0) == 0 ? reason.substr(9) : reason));
    return kExitError;
  }
  auto df = dockerfile::Parse(text);
  if (!df->ok()) {
    LineIndex lines(text);
    for (const dockerfile::SyntaxError& e : df->errors) {
      SourceLocation loc = lines.Locate(e.range.start);
      ErrPrintf( "%s:%u:%u: error: %s\n", o.paths[0].c_str(), loc.line, loc.column,
                   e.message.c_str());
    }
    return kExitFindings;
  }
  std::string dump = DumpBuildkit(*df);
  std::fwrite(dump.data(), 1, dump.size(), stdout);
  return kExitOk;
}

nlohmann::ordered_json RuleJson(const Rule& r) {
  nlohmann::ordered_json j;
  j["code"] = r.code;
  j["name"] = r.name;
  j["summary"] = r.summary;
  static const char* kTargets[] = {"dockerfile", "compose", "context", "runtime"};
  j["target"] = kTargets[static_cast<int>(r.target)];
  j["severity"] = SeverityName(r.severity);
  j["category"] = CategoryName(r.category);
  static const char* kFix[] = {"none", "sometimes", "always"};
  j["fix"] = kFix[static_cast<int>(r.fix)];
  static const char* kStatus[] = {"stable", "preview", "deprecated", "removed", "not-applicable"};
  j["status"] = kStatus[static_cast<int>(r.status)];
  nlohmann::ordered_json aliases = nlohmann::ordered_json::object();
  for (const Alias& a : r.aliases) aliases[std::string(a.tool)].push_back(a.id);
  j["aliases"] = aliases;
  return j;
}

int RunRules(const Options& o) {
  if (!o.write_docs.empty()) {
    ::mkdir(o.write_docs.c_str(), 0755);
    std::string err;
    for (const Rule* r : AllRules()) {
      if (!AtomicWrite(o.write_docs + "/" + std::string(r->code) + ".md", RuleDocPage(*r), &err)) {
        Err(err);
        return kExitError;
      }
    }
    if (!AtomicWrite(o.write_docs + "/README.md", RuleIndexPage(), &err)) {
      Err(err);
      return kExitError;
    }
    return kExitOk;
  }
  std::string format = o.outputs.empty() ? "text" : o.outputs[0].format;
  std::string out;
  if (format == "json") {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const Rule* r : AllRules()) all.push_back(RuleJson(*r));
    out = all.dump(2) + "\n";
  } else if (format == "text") {
    for (const Rule* r : AllRules()) {
      std::string aliases;
      for (const Alias& a : r->aliases) {
        if (a.tool != "hadolint" && a.tool != "buildkit" && a.tool != "cis") continue;
        aliases += aliases.empty() ? " (" : ", ";
        aliases += std::string(a.id);
      }
      if (!aliases.empty()) aliases += ")";
      char line[512];
      std::snprintf(line, sizeof line, "%-6.*s %-8.*s %-38.*s %.*s%s\n",
                    static_cast<int>(r->code.size()), r->code.data(),
                    static_cast<int>(SeverityName(r->severity).size()),
                    SeverityName(r->severity).data(), static_cast<int>(r->name.size()),
                    r->name.data(), static_cast<int>(r->summary.size()), r->summary.data(),
                    aliases.c_str());
      out += line;
    }
  } else {
    Err("rules --format takes text or json");
    return kExitError;
  }
  std::string err;
  ScanRoots operator_paths;  // no tree scanned: the path is the operator's
  if (!WriteText(o.outputs.empty() ? "" : o.outputs[0].path, out, operator_paths, &err)) {
    Err(err);
    return kExitError;
  }
  return kExitOk;
}

int RunRule(const Options& o) {
  if (o.paths.size() != 1) {
    Err("rule takes one rule code, name or alias, e.g. shipshape rule DF020");
    return kExitError;
  }
  const Rule* r = FindRule(o.paths[0]);
  if (!r) {
    Err("no rule named '" + o.paths[0] + "' (see shipshape rules)");
    return kExitError;
  }
  std::string out = RuleDocPage(*r);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

/// The largest docker inspect document `inspect` reads: parsing and checking take 13 to 34 times
/// the input in memory (8 MiB of a Compose stack's containers, 1,432 of them, peaked at 110 MB),
/// so this bounds a run near 1 GiB at worst.
constexpr size_t kMaxInspectInput = 32u << 20;

std::string InspectTooLarge(const std::string& what) {
  return what + ": docker inspect input larger than " + std::to_string(kMaxInspectInput >> 20) +
         " MiB (the limit keeps memory bounded; inspect fewer containers at a time)";
}

int RunInspect(const Options& o) {
  Config config;
  std::string note;
  if (!MakeConfig(o, &config, &note) || !ValidateFormats(o)) return kExitError;
  if (o.paths.size() > 1) {
    Err("inspect takes one docker inspect JSON file (or - for stdin)");
    return kExitError;
  }
  Result<runtime::Inspection> result = Error{};
  if (o.paths.empty()) {
    runtime::EngineOptions engine;
    engine.host = o.host.empty() ? runtime::DockerHostFromEnv(std::getenv("DOCKER_HOST")) : o.host;
    result = runtime::InspectFromEngine(engine, config);
  } else {
    std::string text, reason;
    const std::string& path = o.paths[0];
    if (path == "-") {
      char buf[65536];
      size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
        text.append(buf, n);
        if (text.size() > kMaxInspectInput) {
          Err(InspectTooLarge("stdin"));
          return kExitError;
        }
      }
    } else {
      uint32_t mode = 0;
      if (!LoadFile(path, kMaxInspectInput, &text, &mode, &reason)) {
        Err(reason.find("too large") != std::string::npos
                ? InspectTooLarge(path)
                : path + ": " + (reason.rfind("skipped: ", 0) == 0 ? reason.substr(9) : reason));
        return kExitError;
      }
    }
    result = runtime::InspectFromJson(text, config, path == "-" ? "stdin" : path);
  }
  if (!result.ok()) {
    Err(result.error().message);
    return kExitError;
  }
  ScanRoots roots;
  AddWorkingRepository(&roots);
  if (!EmitReport(o, result->report, roots)) return kExitError;
  return ExitFor(result->report, config);
}

}  // namespace

int RunCli(int argc, char** argv) {
  Options o;
  std::string err;
  if (!ParseArgs(argc, argv, &o, &err)) {
    Err(err);
    return kExitError;
  }
  if (o.command == "help") {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (o.command == "version") {
    std::printf("shipshape %s\n", SHIPSHAPE_VERSION);
    return kExitOk;
  }
  if (o.command == "lsp") return lsp::Run(stdin, stdout);
  if (o.command == "parse") return RunParse(o);
  if (o.command == "rules") return RunRules(o);
  if (o.command == "rule") return RunRule(o);
  if (o.command == "fix") return RunFix(o);
  if (o.command == "inspect") return RunInspect(o);
  return RunCheck(o);
}

}  // namespace shipshape
