// Which files a git repository tracks, read from its index file (`.git/index`) through the
// FileSystem interface: shipshape never runs git (nor anything else) from a scanned repository.
//
// Used by fixes that touch `.gitignore` or write secrets (issue 16): `.gitignore` does not untrack
// a file git already tracks, so a fix that only adds an ignore line does not make "the file is not
// committed" true, and a tracked `.env` must never receive a secret.
#ifndef SHIPSHAPE_CORE_GIT_INDEX_H_
#define SHIPSHAPE_CORE_GIT_INDEX_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/workspace.h"

namespace shipshape {

/// Paths (relative to the work tree, `/`-separated) listed in a git index file's bytes, sorted.
/// Index versions 2, 3 and 4 (SHA-1). nullopt when the bytes are not a well-formed index.
std::optional<std::vector<std::string>> ParseGitIndex(std::string_view bytes);

/// The work tree holding `path`: the nearest directory at or above `dir` with a `.git` (directory
/// or `gitdir:` file), at most 64 levels up. nullopt outside a repository.
std::optional<std::string> GitWorkTree(const FileSystem& fs, const std::string& dir);

/// True if git tracks `path` (a path as `fs` understands it, relative or absolute); false if the
/// repository's index does not list it; nullopt when there is no repository or its index cannot
/// be read (then nothing can be said). Parsed indexes are kept in `ws.memo` (one read per run).
std::optional<bool> GitTracks(const Workspace& ws, const std::string& path);

}  // namespace shipshape

#endif  // SHIPSHAPE_CORE_GIT_INDEX_H_
