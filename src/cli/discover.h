// Finding and loading the files to check. Walks the given paths, classifies Docker-related files
// by name (and content for ambiguous names), and reads each once with limits. Never follows a
// symlink out of the scanned root and cannot loop (symlinked directories are not entered);
// binary, oversized and unreadable files are skipped with a reason instead of failing the run, as
// is a file deleted or renamed between being listed and being read ("disappeared during the
// scan").
#ifndef SHIPSHAPE_CLI_DISCOVER_H_
#define SHIPSHAPE_CLI_DISCOVER_H_

#include <memory>
#include <string>
#include <vector>

#include "core/source.h"
#include "core/workspace.h"
#include "report/report.h"

namespace shipshape {

struct DiscoverOptions {
  size_t max_file_size = 10u << 20;  ///< Larger files are skipped with a note.
  /// Globs (fnmatch, `*` also matches '/') to skip, from --exclude: each is tried on the path as
  /// discovered, on the path relative to the scanned directory and on the base name. A trailing
  /// '/' matches directories only. Excluded directories are not entered.
  std::vector<std::string> exclude;
  /// Globs from the config file's `exclude:`, gitignore-style and relative to `config_dir` (an
  /// absolute directory): a pattern containing '/' (other than a trailing one) is matched against
  /// the path relative to `config_dir` (a leading '/' only anchors); one without matches the base
  /// name at any depth; a trailing '/' matches directories only. Paths outside `config_dir` are
  /// only matched by base name.
  std::vector<std::string> config_exclude;
  std::string config_dir;
  bool include_other = false;        ///< Also keep files of kind kOther (explicit arguments).
  /// Where files are read from (FileSystem::Load); nullptr reads the disk. Directories are always
  /// walked on the disk: tests inject read failures here, such as a file deleted after it was
  /// listed.
  const FileSystem* fs = nullptr;
  /// When set (and `fs` is not), files are read only beneath these roots (core/beneath.h).
  const ScanRoots* roots = nullptr;
};

struct Discovered {
  std::vector<std::unique_ptr<SourceFile>> files;  ///< Sorted by path.
  std::vector<SkippedFile> skipped;
  /// Command-line paths that do not exist or cannot be checked (exit code 2).
  std::vector<std::string> errors;
};

/// Walks `paths` (files or directories). Files named explicitly are always loaded: their kind
/// comes from the name, else from the content. A file named explicitly that cannot be checked
/// (missing, not a regular file, too large, outside the roots, binary without a Docker file name)
/// is an error, never a silent skip. A NUL byte only disqualifies a file found by its content;
/// one named like a Docker file (`Dockerfile`, `compose.yaml`, `.env`) is checked anyway, so a
/// NUL in a comment cannot hide it from the audit.
Discovered Discover(const std::vector<std::string>& paths, const DiscoverOptions& opts);

/// Reads one file with the size limit; on failure returns false and a human-readable reason.
bool LoadFile(const std::string& path, size_t max_size, std::string* text, uint32_t* mode,
              std::string* reason);

/// Kind by name, falling back to the content for names that only hint at Docker
/// (e.g. "prod.Dockerfile.old", "stack.yml").
FileKind ClassifyFile(const std::string& path, std::string_view text);

}  // namespace shipshape

#endif  // SHIPSHAPE_CLI_DISCOVER_H_
