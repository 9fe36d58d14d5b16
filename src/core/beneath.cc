#include "core/beneath.h"

#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "core/workspace.h"

namespace shipshape {
namespace {

std::atomic<bool> g_use_openat2{true};

constexpr int kMaxSymlinks = 40;  // the kernel's own limit (MAXSYMLINKS)

/// Pushes the components of `p` onto `todo` so that the first one is on top; "" and "." dropped.
void PushParts(std::string_view p, std::vector<std::string>* todo) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string_view::npos) j = p.size();
    std::string_view part = p.substr(i, j - i);
    if (!part.empty() && part != ".") parts.emplace_back(part);
    i = j + 1;
  }
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) todo->push_back(std::move(*it));
}

bool Under(const std::string& abs, const std::string& base, std::string* rel) {
  if (abs == base) {
    rel->clear();
    return true;
  }
  if (base == "/") {
    *rel = abs.substr(1);
    return true;
  }
  if (abs.size() > base.size() && abs.compare(0, base.size(), base) == 0 && abs[base.size()] == '/') {
    *rel = abs.substr(base.size() + 1);
    return true;
  }
  return false;
}

}  // namespace

std::string BeneathError(int code) {
  if (code == kOutside) return "leads outside the scanned tree (through a symlink or ..); not opened";
  if (code == kNotRegular) return "not a regular file (a FIFO, device or socket); not opened";
  return std::strerror(code < 0 ? -code : code);
}

Resolved& Resolved::operator=(Resolved&& o) noexcept {
  if (this != &o) {
    if (dir >= 0) ::close(dir);
    dir = o.dir;
    leaf = std::move(o.leaf);
    via_symlink = o.via_symlink;
    error = o.error;
    o.dir = -1;
  }
  return *this;
}

Resolved::~Resolved() {
  if (dir >= 0) ::close(dir);
}

ScanRoots::~ScanRoots() {
  for (Root& r : roots_)
    if (r.fd >= 0) ::close(r.fd);
}

void ScanRoots::UseOpenat2(bool on) { g_use_openat2 = on; }

bool ScanRoots::Add(const std::string& dir, std::string* err) {
  if (cwd_.empty()) {
    char buf[PATH_MAX];
    if (::getcwd(buf, sizeof buf)) cwd_ = buf;
  }
  Root r;
  r.fd = ::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (r.fd < 0) {
    *err = dir + ": " + std::strerror(errno);
    return false;
  }
  char buf[PATH_MAX];
  if (!::realpath(dir.c_str(), buf)) {
    *err = dir + ": " + std::strerror(errno);
    ::close(r.fd);
    return false;
  }
  r.real = buf;
  r.abs = !dir.empty() && dir[0] == '/' ? NormalizePath(dir) : NormalizePath(cwd_ + "/" + dir);
  roots_.push_back(std::move(r));
  return true;
}

std::vector<std::string> ScanRoots::RealPaths() const {
  std::vector<std::string> out;
  for (const Root& r : roots_) out.push_back(r.real);
  return out;
}

const ScanRoots::Root* ScanRoots::Find(const std::string& path, std::string* rel) const {
  if (path.empty()) return nullptr;
  const std::string abs = path[0] == '/' ? NormalizePath(path) : NormalizePath(cwd_ + "/" + path);
  for (const Root& r : roots_)
    if (Under(abs, r.abs, rel) || Under(abs, r.real, rel)) return &r;
  return nullptr;
}

bool ScanRoots::Lexically(const std::string& path) const {
  std::string rel;
  return Find(path, &rel) != nullptr;
}

Resolved ScanRoots::Walk(const Root& root, const std::string& rel) const {
  Resolved out;
  std::vector<int> dirs{::fcntl(root.fd, F_DUPFD_CLOEXEC, 0)};
  auto fail = [&](int code) {
    for (int fd : dirs)
      if (fd >= 0) ::close(fd);
    out.error = code;
    return std::move(out);
  };
  if (dirs[0] < 0) return fail(-errno);
  auto to_root = [&] {
    while (dirs.size() > 1) {
      ::close(dirs.back());
      dirs.pop_back();
    }
  };
  std::vector<std::string> todo;
  PushParts(rel, &todo);
  int hops = 0;
  std::string leaf;
  while (!todo.empty()) {
    std::string c = std::move(todo.back());
    todo.pop_back();
    if (c == "..") {
      if (dirs.size() == 1) return fail(kOutside);
      ::close(dirs.back());
      dirs.pop_back();
      continue;
    }
    const bool last = todo.empty();
    struct stat st;
    if (::fstatat(dirs.back(), c.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
      if (!last) return fail(-errno);
      leaf = std::move(c);  // a missing last component: the caller may create it
      break;
    }
    if (S_ISLNK(st.st_mode)) {
      if (++hops > kMaxSymlinks) return fail(-ELOOP);
      std::string target(PATH_MAX, '\0');
      const ssize_t n = ::readlinkat(dirs.back(), c.c_str(), target.data(), target.size());
      if (n < 0) return fail(-errno);
      target.resize(static_cast<size_t>(n));
      if (last) out.via_symlink = true;
      if (!target.empty() && target[0] == '/') {
        // An absolute target is beneath only when it names a place under the root's real path.
        std::string inside;
        if (!Under(NormalizePath(target), root.real, &inside)) return fail(kOutside);
        to_root();
        PushParts(inside, &todo);
      } else {
        PushParts(target, &todo);
      }
      continue;
    }
    if (last) {
      leaf = std::move(c);
      break;
    }
    if (!S_ISDIR(st.st_mode)) return fail(-ENOTDIR);
    // O_NOFOLLOW: swapped for a symlink since the fstatat, this fails instead of following it.
    const int fd = ::openat(dirs.back(), c.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return fail(-errno);
    dirs.push_back(fd);
  }
  if (leaf.empty()) leaf = ".";  // the path names a directory reached by the walk
  out.dir = dirs.back();
  dirs.pop_back();
  for (int fd : dirs) ::close(fd);
  out.leaf = std::move(leaf);
  return out;
}

Resolved ScanRoots::Resolve(const std::string& path) const {
  std::string rel;
  const Root* root = Find(path, &rel);
  if (!root) {
    Resolved out;
    out.error = kOutside;
    return out;
  }
  const size_t slash = rel.find_last_of('/');
  const std::string leaf = slash == std::string::npos ? rel : rel.substr(slash + 1);
  if (g_use_openat2 && !leaf.empty()) {
    const std::string parent = slash == std::string::npos ? "." : rel.substr(0, slash);
    struct open_how how;
    std::memset(&how, 0, sizeof how);
    how.flags = O_PATH | O_DIRECTORY | O_CLOEXEC;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    const long fd = ::syscall(SYS_openat2, root->fd, parent.c_str(), &how, sizeof how);
    if (fd >= 0) {
      struct stat st;
      if (::fstatat(static_cast<int>(fd), leaf.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 ||
          !S_ISLNK(st.st_mode)) {
        Resolved out;
        out.dir = static_cast<int>(fd);
        out.leaf = leaf;
        return out;
      }
      ::close(static_cast<int>(fd));  // a symlink as last component: the walk follows it
    } else if (errno == ENOSYS) {
      g_use_openat2 = false;
    }
    // Any other failure (EXDEV for an absolute symlink, EPERM from a seccomp filter, ...): the
    // portable walk gives the definitive answer.
  }
  return Walk(*root, rel);
}

int ScanRoots::OpenRead(const std::string& path, struct stat* st_out) const {
  Resolved r = Resolve(path);
  if (!r.ok()) return r.error;
  struct stat st;
  if (::fstatat(r.dir, r.leaf.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return -errno;
  if (S_ISLNK(st.st_mode)) return -ENOENT;  // swapped in since the walk
  if (S_ISDIR(st.st_mode)) return -EISDIR;
  if (!S_ISREG(st.st_mode)) return kNotRegular;
  const int fd =
      ::openat(r.dir, r.leaf.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return -errno;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return kNotRegular;
  }
  if (st_out) *st_out = st;
  return fd;
}

bool ScanRoots::Stat(const std::string& path, struct stat* st, int* error) const {
  Resolved r = Resolve(path);
  int e = r.error;
  if (r.ok() && ::fstatat(r.dir, r.leaf.c_str(), st, AT_SYMLINK_NOFOLLOW) != 0) e = -errno;
  if (r.ok() && e == 0) return true;
  if (error) *error = e;
  return false;
}

int ScanRoots::OpenDir(const std::string& path) const {
  Resolved r = Resolve(path);
  if (!r.ok()) return r.error;
  const int fd =
      ::openat(r.dir, r.leaf.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  return fd < 0 ? -errno : fd;
}

std::string RepositoryRoot(const std::string& dir) {
  char buf[PATH_MAX];
  if (!::realpath(dir.c_str(), buf)) return {};
  std::string d = buf;
  struct stat self;
  if (::stat(d.c_str(), &self) != 0) return {};
  for (int depth = 0; depth < 256; ++depth) {
    struct stat git;
    const std::string p = d == "/" ? "/.git" : d + "/.git";
    if (::lstat(p.c_str(), &git) == 0 && git.st_uid == self.st_uid) return d;
    if (d == "/") break;
    d = DirName(d);
  }
  return {};
}

std::string ContainingTree(const std::string& dir) {
  std::string repo = RepositoryRoot(dir);
  if (!repo.empty()) return repo;
  char buf[PATH_MAX], cwd[PATH_MAX];
  if (!::realpath(dir.c_str(), buf)) return {};
  std::string rel;
  if (::realpath(".", cwd) && Under(buf, cwd, &rel)) return cwd;
  return buf;
}

}  // namespace shipshape
