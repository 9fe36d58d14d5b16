// The `fix` transaction as data: fix every scanned file to its fixpoint, plan the writes (fixed
// sources, Compose overrides, side files such as `.env` and `.dockerignore`), take back what
// applying a round did, plan the files a `.env` conflict left out again, and finally tell what is
// left against the text as it now is. The session does no I/O: the caller applies each round's
// PlannedWrites (the CLI as one atomic transaction, cli/writer.h), reports back, and asks whether
// another round is due.
//
//   FixSession s(files, per_file_opts, opts);
//   if (!s.Start(&err)) fail(err);                     // nothing written
//   for (const std::string& p : s.problems()) warn(p);
//   do { apply(s.Plan()) -> RoundResult r; } while (s.Record(r));
//   FixSession::Result result = s.Finish();
#ifndef SHIPSHAPE_FIX_SESSION_H_
#define SHIPSHAPE_FIX_SESSION_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/source.h"
#include "fix/fixer.h"
#include "lint/linter.h"

namespace shipshape {

/// One file a fix run writes.
struct PlannedWrite {
  enum class Kind : uint8_t {
    kReplace,         ///< A fixed source file: `content` replaces `expected`, which it must hold.
    kCreate,          ///< A new file (`--into-override`): it must not exist.
    kCreateIfAbsent,  ///< A side file (`.dockerignore`): created when missing, else left alone.
    kMerge,           ///< Lines merged into a side file (`.env`, `.gitignore`), created if missing.
  };
  Kind kind = Kind::kReplace;
  std::string path;  ///< As the user sees it (relative to the working directory).
  std::string content;
  std::string expected;  ///< kReplace only.
  uint32_t mode = 0644;  ///< For files created.
  size_t owner = 0;      ///< The source file whose fixes asked for it.
  std::string source;    ///< That file's path, for messages.
};

struct FixSessionOptions {
  Applicability min = Applicability::kSafe;
  /// `--into-override FILE`: Compose files stay as they are and their fixes go to FILE (relative
  /// to each Compose file, or absolute). Empty: every file is fixed in place.
  std::string into_override;
  /// Runs fn(0) ... fn(n - 1), in any order and possibly at once (the CLI's thread pool). Unset:
  /// one after another.
  std::function<void(size_t n, const std::function<void(size_t)>& fn)> parallel_for;
  /// True when anything exists at `path` (an override is never written over a file). Unset: the
  /// session assumes nothing does.
  std::function<bool(const std::string& path)> exists;
};

class FixSession {
 public:
  /// `opts[i]` lints `files[i]` (per-path configs); both outlive the session.
  FixSession(std::vector<const SourceFile*> files, std::vector<LintOptions> opts,
             FixSessionOptions options);
  FixSession(const FixSession&) = delete;
  FixSession& operator=(const FixSession&) = delete;

  /// Fixes every file to its fixpoint and plans the overrides. False, with the reason in `*err`,
  /// when an override cannot be planned (a target exists, two Compose files would share one, the
  /// override names the Compose file itself): the run must stop before anything is written.
  bool Start(std::string* err);

  /// What the operator should hear about the fixing itself, in file order: fixes rolled back
  /// because they broke a file's syntax, files whose fixes did not converge.
  const std::vector<std::string>& problems() const { return problems_; }

  /// The writes of the current round, in file order: each file's own text (or its override),
  /// then the side files its fixes ask for.
  std::vector<PlannedWrite> Plan() const;

  /// What applying a round did.
  struct RoundResult {
    bool committed = true;      ///< False: nothing of the round was written.
    std::set<size_t> dropped;     ///< Owners left out (all their writes undone or never done).
    std::set<size_t> conflicted;  ///< Of those, the ones left out for a `.env` name conflict.
    struct Written {
      std::string path;
      bool created = false;
    };
    std::vector<Written> written;
  };
  /// Takes back a round. True when another round is due: files left out only because their
  /// `.env` name already holds another value are fixed again, against the `.env` as it now is,
  /// where their rules pick a free name (at most 5 rounds; never for overrides).
  bool Record(const RoundResult& round);

  /// The run's outcome, against the text each file now has.
  struct Result {
    size_t found = 0, fixed = 0, left = 0;
    std::vector<FixOutcome::RuleFixes> fixed_by_rule;  ///< Sorted by code.
    std::vector<std::string> files_changed, files_added;  ///< Sorted by path.
    /// Per scanned file, in order: the file as it now is (an overridden Compose file keeps its
    /// text) and the findings left in it.
    std::vector<std::unique_ptr<SourceFile>> files;
    std::vector<std::vector<Diagnostic>> remaining;
  };
  /// Call once, after the last Record. With side files written, every file is linted again:
  /// what is left is what a `check` now reports.
  Result Finish();

 private:
  struct Override {
    std::string path;
    std::string text;  ///< Empty: nothing to write.
  };
  bool Overridden(size_t i) const;
  bool PlanOverrides(std::string* err);
  void ForEach(size_t n, const std::function<void(size_t)>& fn) const;

  std::vector<const SourceFile*> files_;
  std::vector<LintOptions> opts_;
  FixSessionOptions options_;
  std::vector<FixOutcome> outcomes_;
  std::vector<Override> overrides_;
  std::vector<std::string> problems_;
  std::vector<size_t> round_;          ///< The files the current round plans.
  int rounds_ = 0;
  std::vector<bool> unfixed_;          ///< Left out of every round: reported as it still is.
  std::map<std::string, bool> written_;  ///< Path -> created by this run.
  bool side_files_written_ = false;
};

/// `--into-override`: where the override of `compose_path` goes.
std::string OverridePath(const std::string& compose_path, const std::string& into);

/// The findings left in a Compose file fixed through an override, reported against its original
/// text (nobody sees the fixed text): each is matched to the original finding with the same rule
/// and message; one the fixes introduced is reported at the file's start. Every secret the
/// original's findings marked stays masked.
std::vector<Diagnostic> RemapToOriginal(const SourceFile& original, const LintOptions& opts,
                                        std::vector<Diagnostic> remaining);

}  // namespace shipshape

#endif  // SHIPSHAPE_FIX_SESSION_H_
