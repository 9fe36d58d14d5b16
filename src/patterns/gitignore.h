// `.gitignore` with git's semantics (gitignore(5)), so every rule that asks "does git ignore this
// file?" gets the same answer. Before issue 15 the Compose rule DC014 and the context rule DX021
// each walked the .gitignore files their own way and could disagree on one `.env`.
//
// One file's lines:
//  - blank lines and lines starting with `#` match nothing; `\#` and `\!` start a literal `#`/`!`;
//  - trailing spaces are dropped unless escaped (`\ `);
//  - `!` re-includes what an earlier line excluded;
//  - a trailing `/` matches directories only (and so everything below them);
//  - a `/` at the start or in the middle anchors the pattern to the .gitignore's directory;
//    otherwise it matches a name at any depth;
//  - wildcards as git's wildmatch: `*`, `?`, `[...]` stop at `/`; `**/`, `/**/` and `/**` cross
//    directories (patterns/glob.h, git dialect);
//  - within a file the last matching line decides.
// Several files (GitignoreStack): a deeper .gitignore overrides a shallower one, and a file below
// an ignored directory is ignored whatever a later `!` says (git does not descend into it).
// Git's other sources ($GIT_DIR/info/exclude, core.excludesFile) are per clone, not part of the
// project, and are not read.
#ifndef SHIPSHAPE_PATTERNS_GITIGNORE_H_
#define SHIPSHAPE_PATTERNS_GITIGNORE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/workspace.h"
#include "patterns/glob.h"

namespace shipshape::patterns {

/// The patterns of one .gitignore file.
class GitignoreFile {
 public:
  explicit GitignoreFile(std::string_view text);
  /// The decision of this file alone for `path` (slash-separated, relative to the file's
  /// directory): +1 ignored, -1 re-included by a `!` line, 0 no line matches. Parent
  /// directories are not looked at (see Decide and GitignoreStack).
  int MatchPath(std::string_view path, bool is_dir) const;
  /// As git decides with this one file: +1 also when a parent directory of `path` is ignored.
  int Decide(std::string_view path, bool is_dir) const;

 private:
  struct Line {
    GlobPattern glob;
    bool negated = false;
    bool dir_only = false;
    bool anchored = false;
  };
  std::vector<Line> lines_;
};

/// The .gitignore files of a directory tree, each keyed by its directory relative to the tree's
/// top ("" for the top itself).
class GitignoreStack {
 public:
  void Add(std::string dir, std::string_view text);
  /// +1 ignored, -1 re-included by a `!` line, 0 no pattern applies, for `path` relative to the
  /// top: the deepest file with a matching line decides, and an ignored parent directory
  /// ignores everything below it.
  int Decide(std::string_view path, bool is_dir) const;
  bool empty() const { return files_.empty(); }

 private:
  int DecideOne(std::string_view path, bool is_dir) const;
  std::vector<std::pair<std::string, GitignoreFile>> files_;  ///< Shallow to deep.
};

/// What git decides for a file of the workspace.
struct GitignoreVerdict {
  int decision = 0;      ///< As GitignoreStack::Decide.
  bool in_repo = false;  ///< A directory holding `.git` was found (the walk stopped there).
};

/// The verdict for the workspace file `path` (as `ws.fs` names it): the .gitignore files of its
/// directory and every parent up to the repository top (the first directory holding `.git`,
/// which may lie up to 8 levels above the scan root: a scan of a subdirectory still obeys the
/// repository's files), or, outside any repository, up to the scan root. Directories reached
/// above the scan root through `..` have unknown names; paths through them use a placeholder
/// segment, so only unanchored and `**/` patterns of those files can match (what they use in
/// practice). Without a file system the verdict is empty.
GitignoreVerdict GitignoreDecide(const Workspace& ws, std::string_view path);

}  // namespace shipshape::patterns

#endif  // SHIPSHAPE_PATTERNS_GITIGNORE_H_
