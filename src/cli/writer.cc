#include "cli/writer.h"

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>
#include <vector>

namespace shipshape {
namespace {

bool WriteAll(int fd, std::string_view content, std::string* err) {
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *err = std::strerror(n < 0 ? errno : EIO);
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

std::string DirOf(const std::string& path) {
  size_t s = path.find_last_of('/');
  return s == std::string::npos ? "." : (s == 0 ? "/" : path.substr(0, s));
}

}  // namespace

bool AtomicWrite(const std::string& path, std::string_view content, std::string* err) {
  // Every failure leaves `path` as it was; the message says so, since "cannot write" alone reads
  // as if the file might now be damaged.
  const std::string kept = " (" + path + " was not changed)";
  std::string target = path;
  struct stat st;
  bool exists = ::lstat(path.c_str(), &st) == 0;
  if (exists && S_ISLNK(st.st_mode)) {
    // Replace the file the link points to, not the link: renaming over the link would turn it
    // into a regular file and leave its target unfixed.
    char real[PATH_MAX];
    if (!::realpath(path.c_str(), real)) {
      *err = "cannot resolve the symlink " + path + ": " + std::strerror(errno) + kept;
      return false;
    }
    target = real;
    exists = ::stat(target.c_str(), &st) == 0;
  }
  // rename() only needs a writable directory, so a read-only file would be replaced anyway (and,
  // without root, change owner). A file the user cannot write is one they meant to protect.
  if (exists && ::faccessat(AT_FDCWD, target.c_str(), W_OK, AT_EACCESS) != 0) {
    *err = "cannot write " + path + ": " + std::strerror(errno) + " (the file is read-only; it was " +
           "not changed)";
    return false;
  }
  std::string tmpl = DirOf(target) + "/.shipshape-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    *err = "cannot create a temporary file beside " + path + ": " + std::strerror(errno) + kept;
    return false;
  }
  std::string tmp(name.data());
  auto fail = [&](const std::string& what) {
    *err = what + kept;
    ::close(fd);
    ::unlink(tmp.c_str());
    return false;
  };
  std::string werr;
  if (!WriteAll(fd, content, &werr)) return fail("cannot write " + path + ": " + werr);
  if (::fsync(fd) != 0) return fail("cannot write " + path + ": " + std::strerror(errno));
  if (exists) {
    ::fchmod(fd, st.st_mode & 07777);
    if (::fchown(fd, st.st_uid, st.st_gid) != 0) {
      // Not being able to keep the owner (not root) is fine: the writer owns the new file.
    }
  } else {
    ::fchmod(fd, 0644);
  }
  if (::close(fd) != 0) {
    const int e = errno;
    ::unlink(tmp.c_str());
    *err = "cannot write " + path + ": " + std::strerror(e) + kept;
    return false;
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const int e = errno;
    ::unlink(tmp.c_str());
    *err = "cannot replace " + path + ": " + std::strerror(e) + kept;
    return false;
  }
  return true;
}

bool ReplaceIfUnchanged(const std::string& path, std::string_view expected,
                        std::string_view content, std::string* err) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    *err = errno == ENOENT ? path + " disappeared before it could be fixed; not recreated"
                           : "cannot read " + path + ": " + std::strerror(errno) +
                                 " (" + path + " was not changed)";
    return false;
  }
  std::string now;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0 && now.size() <= expected.size())
    now.append(buf, static_cast<size_t>(n));
  ::close(fd);
  if (now != expected) {
    *err = path + " changed on disk while it was being fixed; not overwritten (run fix again)";
    return false;
  }
  return AtomicWrite(path, content, err);
}

bool CreateNew(const std::string& path, std::string_view content, unsigned mode, std::string* err) {
  // Write to a temp file first, then link it into place: link() fails if the target exists, so
  // an existing file is never touched and a partial file never appears under the real name.
  std::string tmpl = DirOf(path) + "/.shipshape-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    *err = "cannot create " + path + ": " + std::strerror(errno);
    return false;
  }
  std::string tmp(name.data());
  std::string werr;
  bool ok = WriteAll(fd, content, &werr) && ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) {
    ::unlink(tmp.c_str());
    *err = "cannot write " + path + ": " + (werr.empty() ? std::strerror(errno) : werr);
    return false;
  }
  if (::link(tmp.c_str(), path.c_str()) != 0) {
    *err = (errno == EEXIST ? path + " already exists; not overwritten"
                            : "cannot create " + path + ": " + std::strerror(errno));
    ::unlink(tmp.c_str());
    return false;
  }
  ::unlink(tmp.c_str());
  return true;
}

bool MergeLines(const std::string& path, std::string_view content, unsigned mode, bool* changed,
                std::string* err) {
  *changed = false;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno != ENOENT) {
      *err = "cannot read " + path + ": " + std::strerror(errno);
      return false;
    }
    if (content.empty()) return true;
    *changed = true;
    return CreateNew(path, content, mode, err);
  }
  std::string existing;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) existing.append(buf, static_cast<size_t>(n));
  ::close(fd);
  const bool crlf = existing.find("\r\n") != std::string::npos;
  std::set<std::string> have;
  size_t p = 0;
  while (p < existing.size()) {
    size_t e = existing.find('\n', p);
    if (e == std::string::npos) e = existing.size();
    std::string line = existing.substr(p, e - p);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    have.insert(line);
    p = e + 1;
  }
  std::string add;
  p = 0;
  while (p < content.size()) {
    size_t e = content.find('\n', p);
    if (e == std::string_view::npos) e = content.size();
    std::string line(content.substr(p, e - p));
    p = e + 1;
    if (have.count(line) && !line.empty()) continue;
    if (line.empty() && (add.empty())) continue;
    have.insert(line);
    add += line;
    add += crlf ? "\r\n" : "\n";
  }
  if (add.empty()) return true;
  std::string merged = existing;
  if (!merged.empty() && merged.back() != '\n') merged += crlf ? "\r\n" : "\n";
  merged += add;
  *changed = true;
  return AtomicWrite(path, merged, err);
}

}  // namespace shipshape
