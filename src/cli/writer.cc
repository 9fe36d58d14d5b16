#include "cli/writer.h"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/source.h"
#include "core/workspace.h"

namespace shipshape {
namespace {

constexpr size_t kMaxTargetSize = 64u << 20;  // a side file or source larger than this is refused

bool WriteAll(int fd, std::string_view content, int* error) {
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = n < 0 ? errno : EIO;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

/// Reads what `leaf` in `dir` holds (a regular file, at most kMaxTargetSize bytes).
bool ReadAt(int dir, const std::string& leaf, std::string* out, int* error) {
  const int fd = ::openat(dir, leaf.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    *error = errno;
    return false;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<size_t>(st.st_size) > kMaxTargetSize) {
    *error = S_ISREG(st.st_mode) ? EFBIG : EINVAL;
    ::close(fd);
    return false;
  }
  out->clear();
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) *error = errno;
    if (n <= 0) break;
    out->append(buf, static_cast<size_t>(n));
    if (out->size() > kMaxTargetSize) break;
  }
  ::close(fd);
  return true;
}

/// Defers the signals that end a process by default (INT, TERM, HUP, QUIT) while files are being
/// replaced; a pending one is delivered when this goes out of scope, with every file complete.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t s;
    sigemptyset(&s);
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&s, sig);
    pthread_sigmask(SIG_BLOCK, &s, &old_);
  }
  ~SignalsHeld() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }

 private:
  sigset_t old_;
};

std::string TempName() {
  unsigned char b[6];
  if (::getrandom(b, sizeof b, GRND_NONBLOCK) != static_cast<ssize_t>(sizeof b)) {
    struct timespec ts;
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    unsigned long x = static_cast<unsigned long>(ts.tv_nsec) ^ (static_cast<unsigned long>(::getpid()) << 20);
    for (unsigned char& c : b) c = static_cast<unsigned char>(x >>= 5);
  }
  static const char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string n = ".shipshape-";
  for (unsigned char c : b) n += kChars[c % 62];
  return n;
}

/// Gives the nameless (O_TMPFILE) file `fd` the name `name` in `dir`; fails with EEXIST if taken.
bool LinkTmpfile(int fd, int dir, const std::string& name) {
  if (::linkat(fd, "", dir, name.c_str(), AT_EMPTY_PATH) == 0) return true;
  if (errno != EPERM && errno != ENOENT && errno != EACCES) return false;
  // AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH; the /proc link works for anyone.
  const std::string proc = "/proc/self/fd/" + std::to_string(fd);
  return ::linkat(AT_FDCWD, proc.c_str(), dir, name.c_str(), AT_SYMLINK_FOLLOW) == 0;
}

/// Test hooks, read from the environment: SHIPSHAPE_TEST_KILL_AFTER_WRITE=N SIGKILLs the process
/// right after the N-th file a fix writes; SHIPSHAPE_TEST_FAIL_WRITE=N fails the N-th write.
int TestHook(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::atoi(v) : 0;
}

struct WriteSpec {
  int dir;
  const std::string& leaf;
  const std::string& shown;  ///< The path in messages.
  std::string_view content;
  const struct stat* old;  ///< The file replaced; nullptr creates (failing if the name exists).
  uint32_t mode;           ///< For a created file.
};

/// Writes one file in `dir` so that it appears complete or not at all (see the header).
bool WriteAt(const WriteSpec& w, ino_t* ino, std::string* err) {
  const std::string kept = " (" + w.shown + (w.old ? " was not changed)" : " was not created)");
  if (w.old && ::faccessat(w.dir, w.leaf.c_str(), W_OK, AT_EACCESS) != 0) {
    // rename() only needs a writable directory: a file the user made read-only stays as it is.
    *err = "cannot write " + w.shown + ": " + std::strerror(errno) +
           " (the file is read-only; it was not changed)";
    return false;
  }
  std::string tmp;  // the temporary file's name, while it has one
  int fd = ::openat(w.dir, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
    // No O_TMPFILE on this file system: a named temporary file, removed on every failure.
    for (int tries = 0; fd < 0 && tries < 100; ++tries) {
      tmp = TempName();
      fd = ::openat(w.dir, tmp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST) break;
    }
  }
  if (fd < 0) {
    *err = (w.old ? "cannot create a temporary file beside " : "cannot create ") + w.shown + ": " +
           std::strerror(errno) + (w.old ? kept : "");
    return false;
  }
  auto fail = [&](int e, const std::string& what) {
    ::close(fd);
    if (!tmp.empty()) ::unlinkat(w.dir, tmp.c_str(), 0);
    *err = what + ": " + std::strerror(e) + kept;
    return false;
  };
  int e = 0;
  if (!WriteAll(fd, w.content, &e)) return fail(e, "cannot write " + w.shown);
  if (w.old) {
    ::fchmod(fd, w.old->st_mode & 07777);
    // Not being able to keep the owner (not root) is fine: the writer owns the new file.
    if (::fchown(fd, w.old->st_uid, w.old->st_gid) != 0) {
    }
  } else {
    ::fchmod(fd, w.mode);
  }
  if (::fsync(fd) != 0) return fail(errno, "cannot write " + w.shown);
  struct stat st;
  if (::fstat(fd, &st) == 0) *ino = st.st_ino;
  if (!w.old) {
    const bool linked = tmp.empty() ? LinkTmpfile(fd, w.dir, w.leaf)
                                    : ::linkat(w.dir, tmp.c_str(), w.dir, w.leaf.c_str(), 0) == 0;
    if (!linked) {
      if (errno == EEXIST) {
        fail(EEXIST, "");
        *err = w.shown + " already exists; not overwritten";
        return false;
      }
      return fail(errno, "cannot create " + w.shown);
    }
    if (!tmp.empty()) ::unlinkat(w.dir, tmp.c_str(), 0);
    ::close(fd);
    return true;
  }
  // Replacing: the new file needs a name (for an instant) to be renamed over the old one.
  for (int tries = 0; tmp.empty() && tries < 100; ++tries) {
    const std::string name = TempName();
    if (LinkTmpfile(fd, w.dir, name)) tmp = name;
    else if (errno != EEXIST) return fail(errno, "cannot create a temporary file beside " + w.shown);
  }
  if (tmp.empty()) return fail(EEXIST, "cannot create a temporary file beside " + w.shown);
  if (::renameat(w.dir, tmp.c_str(), w.dir, w.leaf.c_str()) != 0)
    return fail(errno, "cannot replace " + w.shown);
  ::close(fd);
  return true;
}

/// The operator's own path (outside the scanned tree): a regular file replaced atomically (a
/// symlink's target), a new one created; the directory must exist.
bool WriteUnconfined(const std::string& path, std::string_view content, std::string* err) {
  std::string target = path;
  struct stat st;
  bool exists = ::lstat(path.c_str(), &st) == 0;
  if (exists && S_ISLNK(st.st_mode)) {
    // Replace the file the link points to, not the link: renaming over the link would turn it
    // into a regular file and leave its target unfixed.
    char real[PATH_MAX];
    if (!::realpath(path.c_str(), real)) {
      *err = "cannot resolve the symlink " + path + ": " + std::strerror(errno) + " (" + path +
             " was not changed)";
      return false;
    }
    target = real;
    exists = ::stat(target.c_str(), &st) == 0;
  }
  if (exists && !S_ISREG(st.st_mode)) {
    *err = "cannot write " + path + ": not a regular file; not replaced";
    return false;
  }
  const std::string parent = DirName(target);
  const int dir = ::open(parent.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) {
    *err = errno == ENOENT ? "cannot write " + path + ": directory " + parent +
                                 " does not exist (create it first; it is never created for you)"
                           : "cannot create a temporary file beside " + path + ": " +
                                 std::strerror(errno) + " (" + path + " was not changed)";
    return false;
  }
  const std::string leaf = target.substr(target.find_last_of('/') + 1);
  ino_t ino = 0;
  const bool ok = WriteAt({dir, leaf, path, content, exists ? &st : nullptr, 0644}, &ino, err);
  ::close(dir);
  return ok;
}

bool IsIgnoreFile(const std::string& path) {
  const std::string name = path.substr(path.find_last_of('/') + 1);
  return name == ".gitignore" || ClassifyPath(path) == FileKind::kDockerignore;
}

/// The name a dotenv line sets (`KEY=value`, `export KEY=value`); empty for other lines.
std::string_view EnvKey(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  if (line.substr(0, 7) == "export ") line.remove_prefix(7);
  const size_t eq = line.find('=');
  if (line.empty() || line[0] == '#' || eq == std::string_view::npos) return {};
  std::string_view key = line.substr(0, eq);
  while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);
  return key;
}

template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  size_t p = 0;
  while (p < text.size()) {
    size_t e = text.find('\n', p);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(p, e - p);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    fn(line);
    p = e + 1;
  }
}

/// A `KEY=value` line of `add` (with a value) whose KEY `existing` sets to something else.
std::string ConflictingKey(std::string_view existing, std::string_view add) {
  std::string found;
  ForEachLine(add, [&](std::string_view line) {
    const std::string_view key = EnvKey(line);
    if (key.empty() || !found.empty() || line.size() == line.find('=') + 1) return;
    ForEachLine(existing, [&](std::string_view have) {
      if (found.empty() && EnvKey(have) == key && have != line) found = key;
    });
  });
  return found;
}

}  // namespace

bool AtomicWrite(const std::string& path, std::string_view content, std::string* err) {
  SignalsHeld hold;
  return WriteUnconfined(path, content, err);
}

namespace {

/// WriteOutputFile, or with `content` null only its checks (nothing is written or created).
bool Output(const std::string& path, const std::string_view* content, const ScanRoots& roots,
            std::string* err) {
  const std::string no_dir = "cannot write " + path + ": directory " + DirName(path) +
                             " does not exist (create it first; it is never created for you)";
  if (!roots.Lexically(path)) {
    struct stat st;
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
      *err = "cannot write " + path + ": it is a directory";
      return false;
    }
    if (exists && !S_ISREG(st.st_mode)) {
      // /dev/stdout, /dev/null, a pipe: written into as a stream, never replaced by a file.
      if (!content) return true;
      const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
      int e = 0;
      if (fd < 0 || !WriteAll(fd, *content, &e)) {
        *err = "cannot write " + path + ": " + std::strerror(fd < 0 ? errno : e);
        if (fd >= 0) ::close(fd);
        return false;
      }
      ::close(fd);
      return true;
    }
    if (content) return WriteUnconfined(path, *content, err);
    if (!exists && ::stat(DirName(path).c_str(), &st) != 0) {
      *err = no_dir;
      return false;
    }
    return true;
  }
  // Inside the scanned tree: the repository decides what is there, so nothing is followed out of
  // it and nothing but a regular file is written.
  Resolved r = roots.Resolve(path);
  if (!r.ok()) {
    if (r.error == kOutside)
      *err = "cannot write " + path +
             ": it leads outside the scanned tree (through a symlink or ..); not written";
    else if (r.error == -ENOENT)
      *err = no_dir;
    else
      *err = "cannot write " + path + ": " + BeneathError(r.error);
    return false;
  }
  struct stat st;
  ino_t ino = 0;
  if (::fstatat(r.dir, r.leaf.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
    if (errno != ENOENT) {
      *err = "cannot write " + path + ": " + std::strerror(errno);
      return false;
    }
    if (r.via_symlink) {
      *err = "cannot write " + path + ": it is a dangling symlink; not written";
      return false;
    }
    return !content || WriteAt({r.dir, r.leaf, path, *content, nullptr, 0644}, &ino, err);
  }
  if (!S_ISREG(st.st_mode)) {
    *err = "cannot write " + path + ": " +
           (S_ISDIR(st.st_mode) ? std::string("it is a directory")
                                : "not a regular file (a FIFO, device or socket in the scanned tree)") +
           "; not written";
    return false;
  }
  return !content || WriteAt({r.dir, r.leaf, path, *content, &st, 0644}, &ino, err);
}

}  // namespace

bool WriteOutputFile(const std::string& path, std::string_view content, const ScanRoots& roots,
                     std::string* err) {
  SignalsHeld hold;
  return Output(path, &content, roots, err);
}

bool CheckOutputFile(const std::string& path, const ScanRoots& roots, std::string* err) {
  return Output(path, nullptr, roots, err);
}

std::string MergedLines(std::string_view existing, std::string_view content) {
  const bool crlf = existing.find("\r\n") != std::string_view::npos;
  std::set<std::string, std::less<>> have;
  ForEachLine(existing, [&](std::string_view line) { have.emplace(line); });
  std::string add;
  size_t p = 0;
  while (p < content.size()) {
    size_t e = content.find('\n', p);
    if (e == std::string_view::npos) e = content.size();
    std::string line(content.substr(p, e - p));
    p = e + 1;
    if (have.count(line) && !line.empty()) continue;
    if (line.empty() && add.empty()) continue;
    have.insert(line);
    add += line;
    add += crlf ? "\r\n" : "\n";
  }
  std::string merged(existing);
  if (add.empty()) return merged;
  if (!merged.empty() && merged.back() != '\n') merged += crlf ? "\r\n" : "\n";
  return merged + add;
}

void FixTransaction::Inspect(Target* t) const {
  const std::string& p = t->path;
  t->where = roots_.Resolve(p);
  if (!t->where.ok()) {
    t->error = t->where.error == kOutside
                   ? p + " leads outside the scanned tree (through a symlink or ..); not written"
                   : "cannot write " + p + ": " + BeneathError(t->where.error);
    return;
  }
  const int dir = t->where.dir;
  const char* leaf = t->where.leaf.c_str();
  struct stat st;
  if (::fstatat(dir, leaf, &st, AT_SYMLINK_NOFOLLOW) != 0) {
    if (errno != ENOENT) t->error = "cannot write " + p + ": " + std::strerror(errno);
    else if (t->where.via_symlink)
      t->error = p + " is a dangling symlink; not written (a file would appear wherever it points)";
    else if (::faccessat(dir, ".", W_OK, AT_EACCESS) != 0)
      t->error = "cannot create " + p + ": " + std::strerror(errno);
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    t->error = p + " is a directory; not written";
  } else if (!S_ISREG(st.st_mode)) {
    t->error = p + " is not a regular file (a FIFO, device or socket); not written";
  } else if (::faccessat(dir, leaf, W_OK, AT_EACCESS) != 0) {
    t->error = "cannot write " + p + ": " + std::strerror(errno) +
               " (the file is read-only; it was not changed)";
  } else if (::faccessat(dir, ".", W_OK, AT_EACCESS) != 0) {
    t->error = "cannot create a temporary file beside " + p + ": " + std::strerror(errno) + " (" +
               p + " was not changed)";
  } else if (int e = 0; !ReadAt(dir, t->where.leaf, &t->original, &e)) {
    t->error = "cannot read " + p + ": " + std::strerror(e) + " (" + p + " was not changed)";
  } else {
    t->exists = true;
    t->st = st;
  }
}

void FixTransaction::Drop(const PlannedWrite& w, const std::string& why,
                          std::vector<std::string>* errors) {
  dropped_.insert(w.owner);
  if (std::find(errors->begin(), errors->end(), why) == errors->end()) errors->push_back(why);
}

bool FixTransaction::Compute(std::vector<std::string>* notes) {
  for (auto& [key, t] : targets_) {
    t.final_exists = t.exists;
    t.final = t.original;
  }
  // A target's own rewrite first (a fixed `.env`), then what other files' fixes add to it.
  for (const bool side : {false, true}) {
    for (const PlannedWrite& w : writes_) {
      const bool is_side = w.kind == PlannedWrite::Kind::kMerge ||
                           w.kind == PlannedWrite::Kind::kCreateIfAbsent;
      if (is_side != side || dropped_.count(w.owner)) continue;
      Target& t = targets_.at(NormalizePath(w.path));
      if (w.kind == PlannedWrite::Kind::kCreateIfAbsent) {
        if (t.final_exists) continue;
      } else if (w.kind == PlannedWrite::Kind::kMerge && ClassifyPath(w.path) == FileKind::kEnv) {
        // Two values under one name: whichever line came last would silently win, and one
        // environment would run with another's credentials.
        const std::string key = ConflictingKey(t.final, w.content);
        if (!key.empty()) {
          conflicted_.insert(w.owner);
          Drop(w, w.source + ": not fixed: " + w.path + " already gives " + key +
                      " another value, and a second value is never stored under the same name",
               notes);
          return false;
        }
      }
      t.final = w.kind == PlannedWrite::Kind::kMerge ? MergedLines(t.final, w.content) : w.content;
      t.final_exists = true;
    }
  }
  return true;
}

void FixTransaction::Prepare(std::vector<std::string>* errors, std::vector<std::string>* notes) {
  for (const PlannedWrite& w : writes_) {
    auto [it, fresh] = targets_.try_emplace(NormalizePath(w.path));
    Target& t = it->second;
    if (fresh) {
      t.path = w.path;
      t.mode = w.mode;
      Inspect(&t);
    }
    const bool side = w.kind == PlannedWrite::Kind::kMerge ||
                      w.kind == PlannedWrite::Kind::kCreateIfAbsent;
    if (side) t.stage = std::min(t.stage, IsIgnoreFile(w.path) ? 0 : 1);
    std::string why = t.error;
    if (why.empty() && w.kind == PlannedWrite::Kind::kReplace) {
      if (!t.exists) why = w.path + " disappeared before it could be fixed; not recreated";
      else if (t.original != w.expected)
        why = w.path + " changed on disk while it was being fixed; not overwritten (run fix again)";
    } else if (why.empty() && w.kind == PlannedWrite::Kind::kCreate && t.exists) {
      why = w.path + " already exists; not overwritten";
    }
    if (!why.empty()) Drop(w, why, errors);
  }
  for (size_t guard = 0; !Compute(notes) && guard <= writes_.size(); ++guard) {
  }
  for (auto& [key, t] : targets_)
    if (t.error.empty() && t.final_exists && (!t.exists || t.final != t.original))
      order_.push_back(&t);
  std::stable_sort(order_.begin(), order_.end(),
                   [](const Target* a, const Target* b) { return a->stage < b->stage; });
}

bool FixTransaction::Undo(size_t done, std::string* err) {
  bool ok = true;
  for (size_t j = done; j-- > 0;) {
    Target& t = *order_[j];
    std::string why;
    struct stat now;
    if (!t.exists) {
      // Removed only while it is still the file this run created.
      if (::fstatat(t.where.dir, t.where.leaf.c_str(), &now, AT_SYMLINK_NOFOLLOW) == 0 &&
          now.st_ino == created_inodes_[j] && ::unlinkat(t.where.dir, t.where.leaf.c_str(), 0) == 0)
        continue;
      why = std::strerror(errno);
    } else {
      ino_t ino = 0;
      if (WriteAt({t.where.dir, t.where.leaf, t.path, t.original, &t.st, t.mode}, &ino, &why)) continue;
    }
    *err += "; could not restore " + t.path + ": " + why;
    ok = false;
  }
  return ok;
}

bool FixTransaction::Commit(std::string* err) {
  SignalsHeld hold;
  const int kill_after = TestHook("SHIPSHAPE_TEST_KILL_AFTER_WRITE");
  const int fail_at = TestHook("SHIPSHAPE_TEST_FAIL_WRITE");
  written_.clear();
  created_inodes_.clear();
  for (size_t i = 0; i < order_.size(); ++i) {
    Target& t = *order_[i];
    std::string why, now;
    int e = 0;
    struct stat st;
    const bool there = ::fstatat(t.where.dir, t.where.leaf.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
    ino_t ino = 0;
    if (there != t.exists || (there && (!ReadAt(t.where.dir, t.where.leaf, &now, &e) || now != t.original))) {
      why = t.path + " changed on disk while it was being fixed; not overwritten (run fix again)";
    } else if (static_cast<int>(i) + 1 == fail_at) {
      why = "cannot write " + t.path + ": " + std::strerror(EIO) + " (SHIPSHAPE_TEST_FAIL_WRITE)";
    } else if (WriteAt({t.where.dir, t.where.leaf, t.path, t.final, t.exists ? &t.st : nullptr, t.mode},
                       &ino, &why)) {
      written_.push_back({t.path, !t.exists});
      created_inodes_.push_back(ino);
      if (static_cast<int>(i) + 1 == kill_after) ::raise(SIGKILL);
      continue;
    }
    *err = why;
    if (i > 0) {
      std::string undo;
      const bool restored = Undo(i, &undo);
      *err += restored ? "; the " + std::to_string(i) + " file(s) already written were restored"
                       : undo;
    }
    written_.clear();
    return false;
  }
  return true;
}

}  // namespace shipshape
