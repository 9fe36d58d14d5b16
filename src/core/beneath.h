// Containment (issue 18): the directory trees one run may open, and path resolution that never
// leaves them. A scanned repository is untrusted input: a symlink `.env -> /etc/shadow`, an
// `env_file: ../../../etc/passwd` or a `shipshape.sarif -> ~/.bashrc` must not make shipshape read
// or write outside the tree it was pointed at.
//
// Every path is resolved from a directory fd of its root, one component at a time: symlinks are
// followed only while they stay beneath the root (an absolute target counts when it lies under the
// root's real path), `..` never climbs above it, and the last component is opened with O_NOFOLLOW
// relative to the directory fd the walk ended in, so a file swapped for a symlink between the
// check and the open is not followed. Where the kernel has openat2(2) (Linux 5.6+) the directory
// part is resolved by it with RESOLVE_BENEATH in one call; the portable walk is the fallback
// (older kernels, seccomp filters that refuse the call, absolute symlinks, which RESOLVE_BENEATH
// always refuses). Reads are opened O_NONBLOCK and only regular files are read, so a FIFO never
// blocks the scan and a device is never read.
#ifndef SHIPSHAPE_CORE_BENEATH_H_
#define SHIPSHAPE_CORE_BENEATH_H_

#include <sys/stat.h>

#include <string>
#include <vector>

namespace shipshape {

/// errno-style codes for the refusals (negated errno values are used for OS errors).
/// kOutside: the path or a symlink on it leads outside every root. kNotRegular: a FIFO, device or
/// socket where a file was expected.
constexpr int kOutside = -1001;
constexpr int kNotRegular = -1002;

/// A human-readable reason for a code from this header or an errno value.
std::string BeneathError(int code);

/// A directory fd (O_PATH) and the name of the last component in it; the result of resolving a
/// path beneath a root. `dir` < 0 when resolution failed (then `error` says why).
struct Resolved {
  int dir = -1;
  std::string leaf;        ///< Never a symlink (followed) unless the link dangles.
  bool via_symlink = false;  ///< A symlink was followed on the way.
  int error = 0;
  Resolved() = default;
  Resolved(const Resolved&) = delete;
  Resolved& operator=(const Resolved&) = delete;
  Resolved(Resolved&& o) noexcept { *this = std::move(o); }
  Resolved& operator=(Resolved&& o) noexcept;
  ~Resolved();
  bool ok() const { return dir >= 0; }
};

/// The trees a run may open: each scan root (or the repository holding it, see RepositoryRoot).
/// Not copyable (holds directory fds); thread-safe for concurrent lookups once built.
class ScanRoots {
 public:
  ScanRoots() = default;
  ScanRoots(const ScanRoots&) = delete;
  ScanRoots& operator=(const ScanRoots&) = delete;
  ~ScanRoots();

  /// Adds the directory `dir` (symlinks in `dir` itself are the operator's and are followed).
  bool Add(const std::string& dir, std::string* err);
  bool empty() const { return roots_.empty(); }
  /// The real (symlink-free, absolute) paths of the roots, in the order added.
  std::vector<std::string> RealPaths() const;

  /// True if `path` lies lexically (no I/O beyond the cached cwd) beneath a root.
  bool Lexically(const std::string& path) const;
  /// Resolves `path` (relative to the working directory, or absolute) beneath a root; a symlink
  /// as last component is followed too when it stays beneath.
  Resolved Resolve(const std::string& path) const;
  /// Opens `path` for reading: resolved beneath a root, a regular file only, never blocking.
  /// Returns the fd, or a negative code (-errno, kOutside, kNotRegular; -EISDIR for directories).
  int OpenRead(const std::string& path, struct stat* st = nullptr) const;
  /// lstat of the resolved path (symlinks beneath followed); false with *error otherwise.
  bool Stat(const std::string& path, struct stat* st, int* error = nullptr) const;
  /// Opens a directory beneath a root for listing (O_RDONLY|O_DIRECTORY), or a negative code.
  int OpenDir(const std::string& path) const;

  /// Tests: false makes every lookup use the portable walk instead of openat2.
  static void UseOpenat2(bool on);

 private:
  struct Root {
    std::string abs;   ///< Lexically normalized absolute path as given.
    std::string real;  ///< realpath().
    int fd = -1;       ///< O_PATH|O_DIRECTORY.
  };
  /// The root `path` is under and the path relative to it; nullptr when outside all.
  const Root* Find(const std::string& path, std::string* rel) const;
  Resolved Walk(const Root& root, const std::string& rel) const;

  std::vector<Root> roots_;
  std::string cwd_;
};

/// The repository holding `dir`: the nearest directory at or above it with a `.git` entry owned
/// by the same user as `dir` (git's own safe.directory rule: a `.git` planted by another user on a
/// shared machine does not count). Empty when there is none.
std::string RepositoryRoot(const std::string& dir);

/// The tree the scanned directory `dir` belongs to, for containment and the config search: the
/// repository holding it; outside any repository, the working directory when `dir` is at or
/// below it (the operator chose to work there), else `dir` itself. Real and absolute; empty when
/// `dir` does not exist.
std::string ContainingTree(const std::string& dir);

}  // namespace shipshape

#endif  // SHIPSHAPE_CORE_BENEATH_H_
