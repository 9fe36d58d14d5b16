// `shipshape fix`: the fix session (fix/session.h) plans every write as data; this applies each
// round as one transaction (cli/writer.h), or prints it with --diff, and reports what is left.
#include <sys/stat.h>

#include <cstdio>
#include <functional>
#include <set>

#include "cli/command.h"
#include "cli/writer.h"
#include "core/diff.h"
#include "fix/session.h"
#include "lint/linter.h"

namespace shipshape::cli {
namespace {

/// True if anything exists at `path` (a dangling symlink counts: writing would replace it).
bool PathExists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
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

}  // namespace

int RunFix(const Options& o) {
  Config config;
  std::string note;
  if (!MakeConfig(o, &config, &note) || !ValidateFormats(o)) return kExitError;
  Scan scan;
  if (!DiscoverAll(o, config, &scan) || !CheckOutputs(o, scan.report_roots)) return kExitError;
  LintOptions lopts;
  lopts.config = &config;
  lopts.workspace = &scan.ws;
  const std::vector<std::unique_ptr<Config>> path_configs = PathConfigs(config, scan);
  std::vector<const SourceFile*> files;
  std::vector<LintOptions> per_file;
  for (size_t i = 0; i < scan.found.files.size(); ++i) {
    files.push_back(scan.found.files[i].get());
    per_file.push_back(lopts);
    if (path_configs[i]) per_file.back().config = path_configs[i].get();
  }
  FixSessionOptions fopts;
  fopts.min = o.unsafe ? Applicability::kUnsafe : Applicability::kSafe;
  fopts.into_override = o.into_override;
  fopts.parallel_for = [&](size_t n, const std::function<void(size_t)>& fn) {
    ParallelFor(n, o.jobs, fn);
  };
  fopts.exists = PathExists;
  FixSession session(std::move(files), std::move(per_file), std::move(fopts));
  std::string err;
  if (!session.Start(&err)) {
    Err(err);
    return kExitError;
  }
  for (const std::string& p : session.problems()) Err(p);
  bool io_error = false;
  if (o.diff) {
    // The first round's writes, printed instead of written; a side file several fixes merge
    // lines into (.env.example) is named once.
    std::set<std::string> announced;
    for (const PlannedWrite& w : session.Plan()) {
      if (w.kind == PlannedWrite::Kind::kReplace || w.kind == PlannedWrite::Kind::kCreate) {
        SourceFile none;
        none.path = w.path;
        none.kind = FileKind::kCompose;
        const SourceFile& before =
            w.kind == PlannedWrite::Kind::kReplace ? *scan.found.files[w.owner] : none;
        const std::string d = SafeDiff(before, w.content, w.path, lopts);
        std::fwrite(d.data(), 1, d.size(), stdout);
      } else if (announced.insert(w.path).second) {
        std::printf("--- %s (%s)\n", EscapeControls(w.path).c_str(),
                    w.kind == PlannedWrite::Kind::kMerge ? "lines merged" : "new file");
      }
    }
  } else {
    // Every write is planned first, then checked and applied as one transaction (cli/writer.h).
    // A file left out only because its `.env` name already holds another value is planned again
    // by the session, against the `.env` as it now is.
    for (;;) {
      FixTransaction tx(scan.roots);
      std::set<size_t> owners;
      for (PlannedWrite& w : session.Plan()) {
        owners.insert(w.owner);
        tx.Add(std::move(w));
      }
      std::vector<std::string> errors, notes;
      tx.Prepare(&errors, &notes);
      for (const std::string& e : errors) Err(e);
      io_error |= !errors.empty();
      FixSession::RoundResult round;
      if (!tx.Commit(&err)) {
        Err(err);
        io_error = true;
        round.committed = false;
        session.Record(round);
        break;
      }
      for (size_t i : owners) {
        if (tx.Dropped(i)) round.dropped.insert(i);
        if (tx.Conflicted(i)) round.conflicted.insert(i);
      }
      for (const FixTransaction::Written& w : tx.written()) round.written.push_back({w.path, w.created});
      if (!session.Record(round)) {
        for (const std::string& n : notes) Err("note: " + n);
        break;
      }
    }
  }
  FixSession::Result result = session.Finish();
  Report report;
  report.tool_version = SHIPSHAPE_VERSION;
  report.root = o.paths.empty() ? "." : o.paths.front();
  report.mode = "fix";
  report.skipped = scan.found.skipped;
  report.fix.present = true;
  report.fix.found = result.found;
  report.fix.fixed = result.fixed;
  report.fix.left = result.left;
  report.fix.files_changed = result.files_changed;
  report.fix.files_added = result.files_added;
  for (const FixOutcome::RuleFixes& r : result.fixed_by_rule)
    report.fix.fixed_by_rule.push_back({r.code, r.name, r.count});
  // Report what is left, against the fixed text.
  report.files.resize(result.files.size());
  for (size_t i = 0; i < result.files.size(); ++i) {
    report.files[i].file = result.files[i].get();
    report.files[i].diagnostics = std::move(result.remaining[i]);
  }
  if (!o.quiet) {
    // A fix can bring up a finding a later pass fixes (a new RUN that is then merged): those are
    // counted as fixed too, so found - left can be less than fixed. Say so rather than let the
    // numbers look wrong.
    std::string along;
    if (report.fix.found >= report.fix.left && report.fix.fixed > report.fix.found - report.fix.left)
      along = " (" + std::to_string(report.fix.fixed - (report.fix.found - report.fix.left)) +
              " of the fixed were brought up by earlier fixes)";
    ErrPrintf("shipshape: %zu found, %zu fixed, %zu left%s; %zu files changed, %zu files added%s\n",
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

}  // namespace shipshape::cli
