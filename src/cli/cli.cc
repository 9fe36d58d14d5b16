// The command line: argument parsing, the subcommand dispatch and what the subcommands share
// (messages, configuration, discovery, report output). Each subcommand is in its own file
// (cli/command.h). With discover and writer, the only place that touches the disk or terminal.
#include "cli/cli.h"

#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "cli/command.h"
#include "cli/init_cmd.h"
#include "cli/writer.h"
#include "config/loader.h"
#include "lint/linter.h"
#include "report/reporters.h"
#include "rules/registry.h"

namespace shipshape::cli {
namespace {

const char kUsage[] =
    R"(shipshape - audit, fix and complete Docker infrastructure

Usage:
  shipshape check [PATH...] [options]     Find problems (default command; PATH defaults to .)
  shipshape fix [PATH...] [options]       Apply safe fixes (--unsafe for more; --diff to preview)
  shipshape init [DIR...] [--compose]     Write Dockerfiles for components that have none
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

}  // namespace

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

bool WriteText(const std::string& path, const std::string& text, const ScanRoots& roots,
               std::string* err) {
  if (path.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return true;
  }
  return WriteOutputFile(path, text, roots, err);
}

void AddWorkingRepository(ScanRoots* roots) {
  const std::string repo = RepositoryRoot(".");
  std::string err;
  if (!repo.empty()) roots->Add(repo, &err);
}

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

}  // namespace shipshape::cli

namespace shipshape {

int RunCli(int argc, char** argv) {
  if (argc > 1 && std::string_view(argv[1]) == "init") return RunInit(argc - 2, argv + 2);
  using namespace cli;
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
  if (o.command == "lsp") return RunLsp(o);
  if (o.command == "parse") return RunParse(o);
  if (o.command == "rules") return RunRules(o);
  if (o.command == "rule") return RunRule(o);
  if (o.command == "fix") return RunFix(o);
  if (o.command == "inspect") return RunInspect(o);
  return RunCheck(o);
}

}  // namespace shipshape
