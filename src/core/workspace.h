// The scanned tree as rules see it: the loaded Docker-related files plus a file-system view for
// existence, mode and content queries (build contexts, .gitignore, env_file targets). The view is
// an interface so tests use an in-memory tree and rules stay free of real I/O.
#ifndef SHIPSHAPE_CORE_WORKSPACE_H_
#define SHIPSHAPE_CORE_WORKSPACE_H_

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/beneath.h"
#include "core/source.h"

namespace shipshape {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual bool Exists(const std::string& path) const = 0;
  virtual bool IsDirectory(const std::string& path) const = 0;
  /// File contents, or nullopt if missing/unreadable/too large (limit in bytes).
  virtual std::optional<std::string> Read(const std::string& path, size_t limit = 1 << 20) const = 0;
  /// Permission bits (e.g. 0644), or nullopt.
  virtual std::optional<uint32_t> Mode(const std::string& path) const = 0;
  /// Names in a directory (not recursive), sorted; empty if not a directory.
  virtual std::vector<std::string> List(const std::string& path) const = 0;
  /// Reads a file to check (discovery): its text and permission bits. On failure returns false
  /// with a human-readable `reason` (prefixed "skipped: " when the file is merely not checkable:
  /// not a regular file, too large, outside the scanned tree) and, for an OS error, its errno in
  /// `error` (else 0). Binary content is not judged here (see LooksBinary): whether a NUL byte
  /// disqualifies a file depends on how it was found. The default uses Read() and Mode(); a
  /// missing file reports ENOENT.
  virtual bool Load(const std::string& path, size_t limit, std::string* text, uint32_t* mode,
                    std::string* reason, int* error) const;
};

/// The real disk. Paths are used as given (relative to the process's working directory). With
/// `roots`, nothing outside them is opened, listed or even stat'ed (see core/beneath.h): a path
/// or symlink leading outside reads as missing, and Load says why. Files are opened non-blocking
/// and only regular files are read, so a FIFO named `.env` never hangs the run.
class RealFileSystem final : public FileSystem {
 public:
  explicit RealFileSystem(const ScanRoots* roots = nullptr) : roots_(roots) {}
  bool Exists(const std::string& path) const override;
  bool IsDirectory(const std::string& path) const override;
  std::optional<std::string> Read(const std::string& path, size_t limit) const override;
  std::optional<uint32_t> Mode(const std::string& path) const override;
  std::vector<std::string> List(const std::string& path) const override;
  bool Load(const std::string& path, size_t limit, std::string* text, uint32_t* mode,
            std::string* reason, int* error) const override;

 private:
  /// An fd of the regular file `path` (contained when roots_ is set), or a negative code from
  /// core/beneath.h.
  int OpenFile(const std::string& path, struct stat* st) const;
  bool StatPath(const std::string& path, struct stat* st) const;

  const ScanRoots* roots_;
};

/// An in-memory tree for tests: files by path; directories are implied by file paths.
class MemoryFileSystem final : public FileSystem {
 public:
  void Add(std::string path, std::string content, uint32_t mode = 0644);
  bool Exists(const std::string& path) const override;
  bool IsDirectory(const std::string& path) const override;
  std::optional<std::string> Read(const std::string& path, size_t limit) const override;
  std::optional<uint32_t> Mode(const std::string& path) const override;
  std::vector<std::string> List(const std::string& path) const override;

 private:
  struct Entry {
    std::string content;
    uint32_t mode;
  };
  std::map<std::string, Entry> files_;
};

/// Derived data computed once per run and shared by the threads linting a workspace's files
/// (e.g. the `.dockerignore` generated for a directory, which reads every Dockerfile there).
class WorkspaceMemo {
 public:
  /// The value stored under `key`, computed by `make` on first use. Thread-safe; `make` runs under
  /// the memo's lock and must not use the memo itself.
  std::string Get(const std::string& key, const std::function<std::string()>& make) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = values_.find(key);
    if (it == values_.end()) it = values_.emplace(key, make()).first;
    return it->second;
  }

 private:
  std::mutex mu_;
  std::map<std::string, std::string> values_;
};

struct Workspace {
  std::string root;  ///< Scan root as given.
  const FileSystem* fs = nullptr;
  /// Every Docker-related file found by discovery (owned elsewhere).
  std::vector<const SourceFile*> files;
  std::shared_ptr<WorkspaceMemo> memo = std::make_shared<WorkspaceMemo>();
};

/// A NUL byte in the first 8 KiB: not a text file (the same test git and grep use).
bool LooksBinary(std::string_view text);

/// Normalizes `a/./b/../c` to `a/c`; keeps a leading "/" and leading "..".
std::string NormalizePath(std::string_view path);
/// Directory part of `path` ("." when there is none).
std::string DirName(std::string_view path);
/// `dir` + "/" + `rel`, normalized; `rel` absolute stays as is.
std::string JoinPath(std::string_view dir, std::string_view rel);

}  // namespace shipshape

#endif  // SHIPSHAPE_CORE_WORKSPACE_H_
