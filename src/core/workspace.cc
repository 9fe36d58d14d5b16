#include "core/workspace.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace shipshape {

int RealFileSystem::OpenFile(const std::string& path, struct stat* st) const {
  if (roots_) return roots_->OpenRead(path, st);
  // O_NONBLOCK: opening a FIFO must not hang the scan; O_NOCTTY: a terminal never becomes ours.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return -errno;
  if (::fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
    const bool dir = S_ISDIR(st->st_mode);
    ::close(fd);
    return dir ? -EISDIR : kNotRegular;
  }
  return fd;
}

bool RealFileSystem::StatPath(const std::string& path, struct stat* st) const {
  return roots_ ? roots_->Stat(path, st) : ::stat(path.c_str(), st) == 0;
}

bool RealFileSystem::Exists(const std::string& path) const {
  struct stat st;
  return StatPath(path, &st);
}

bool RealFileSystem::IsDirectory(const std::string& path) const {
  struct stat st;
  return StatPath(path, &st) && S_ISDIR(st.st_mode);
}

namespace {
/// Reads up to `size` bytes of `fd` into `out`; returns 0 or the errno of a failed read.
int ReadFd(int fd, size_t size, std::string* out) {
  out->assign(size, '\0');
  size_t got = 0;
  while (got < out->size()) {
    ssize_t n = ::read(fd, out->data() + got, out->size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  // A file that shrank while it was read (truncated by an editor mid-save) is taken as read.
  out->resize(got);
  return 0;
}
}  // namespace

std::optional<std::string> RealFileSystem::Read(const std::string& path, size_t limit) const {
  struct stat st;
  const int fd = OpenFile(path, &st);
  if (fd < 0) return std::nullopt;
  std::string out;
  const bool ok = static_cast<size_t>(st.st_size) <= limit &&
                  ReadFd(fd, static_cast<size_t>(st.st_size), &out) == 0;
  ::close(fd);
  if (!ok) return std::nullopt;
  return out;
}

std::optional<uint32_t> RealFileSystem::Mode(const std::string& path) const {
  struct stat st;
  if (!StatPath(path, &st)) return std::nullopt;
  return static_cast<uint32_t>(st.st_mode & 07777);
}

std::vector<std::string> RealFileSystem::List(const std::string& path) const {
  std::vector<std::string> out;
  DIR* d = nullptr;
  if (roots_) {
    const int fd = roots_->OpenDir(path);
    if (fd >= 0 && !(d = ::fdopendir(fd))) ::close(fd);
  } else {
    d = ::opendir(path.c_str());
  }
  if (!d) return out;
  while (dirent* e = ::readdir(d)) {
    std::string n = e->d_name;
    if (n != "." && n != "..") out.push_back(std::move(n));
  }
  ::closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

bool LooksBinary(std::string_view text) {
  return std::memchr(text.data(), '\0', std::min<size_t>(text.size(), 8192)) != nullptr;
}

bool FileSystem::Load(const std::string& path, size_t limit, std::string* text, uint32_t* mode,
                      std::string* reason, int* error) const {
  *error = 0;
  if (IsDirectory(path)) {
    *reason = "is a directory";
    return false;
  }
  std::optional<std::string> content = Read(path, limit);
  if (!content) {
    if (!Exists(path)) {
      *error = ENOENT;
      *reason = std::string("cannot read: ") + std::strerror(ENOENT);
    } else {
      *reason = "skipped: file too large or unreadable (limit " + std::to_string(limit) +
                " bytes, see --max-file-size)";
    }
    return false;
  }
  *text = std::move(*content);
  *mode = Mode(path).value_or(0644);
  return true;
}

bool RealFileSystem::Load(const std::string& path, size_t limit, std::string* text,
                          uint32_t* mode, std::string* reason, int* error) const {
  *error = 0;
  struct stat st;
  const int fd = OpenFile(path, &st);
  if (fd < 0) {
    if (fd == -EISDIR) {
      *reason = "is a directory";
    } else if (fd == kOutside) {
      *reason = "skipped: symlink or path leads outside the scanned tree; not read";
    } else if (fd == kNotRegular) {
      *reason = "skipped: not a regular file (a FIFO, device or socket); not read";
    } else {
      *error = -fd;
      *reason = "cannot read: " + BeneathError(fd);
    }
    return false;
  }
  if (static_cast<size_t>(st.st_size) > limit) {
    ::close(fd);
    *reason = "skipped: file too large (" + std::to_string(st.st_size) + " bytes; limit " +
              std::to_string(limit) + ", see --max-file-size)";
    return false;
  }
  *mode = static_cast<uint32_t>(st.st_mode & 07777);
  const int read_errno = ReadFd(fd, static_cast<size_t>(st.st_size), text);
  ::close(fd);
  if (read_errno != 0) {
    // EIO from a failing disk, EISDIR from odd file systems: better said than checked half-read.
    *error = read_errno;
    *reason = std::string("cannot read: ") + std::strerror(read_errno);
    text->clear();
    return false;
  }
  return true;
}

void MemoryFileSystem::Add(std::string path, std::string content, uint32_t mode) {
  files_[NormalizePath(path)] = {std::move(content), mode};
}

bool MemoryFileSystem::Exists(const std::string& path) const {
  return files_.count(NormalizePath(path)) || IsDirectory(path);
}

bool MemoryFileSystem::IsDirectory(const std::string& path) const {
  std::string p = NormalizePath(path);
  if (p == ".") return !files_.empty();
  std::string prefix = p + "/";
  auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

std::optional<std::string> MemoryFileSystem::Read(const std::string& path, size_t limit) const {
  auto it = files_.find(NormalizePath(path));
  if (it == files_.end() || it->second.content.size() > limit) return std::nullopt;
  return it->second.content;
}

std::optional<uint32_t> MemoryFileSystem::Mode(const std::string& path) const {
  auto it = files_.find(NormalizePath(path));
  if (it == files_.end()) return IsDirectory(path) ? std::optional<uint32_t>(0755) : std::nullopt;
  return it->second.mode;
}

std::vector<std::string> MemoryFileSystem::List(const std::string& path) const {
  std::string p = NormalizePath(path);
  std::string prefix = p == "." ? "" : p + "/";
  std::vector<std::string> out;
  for (auto it = files_.lower_bound(prefix); it != files_.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    std::string rest = it->first.substr(prefix.size());
    std::string name = rest.substr(0, rest.find('/'));
    if (out.empty() || out.back() != name) out.push_back(name);
  }
  return out;
}

std::string NormalizePath(std::string_view path) {
  const bool abs = !path.empty() && path[0] == '/';
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view part = path.substr(i, j - i);
    if (part.empty() || part == ".") {
    } else if (part == "..") {
      if (!parts.empty() && parts.back() != "..") parts.pop_back();
      else if (!abs) parts.push_back(part);
    } else {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out = abs ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k) out += '/';
    out += parts[k];
  }
  if (out.empty()) out = ".";
  return out;
}

std::string DirName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return std::string(path.substr(0, slash));
}

std::string JoinPath(std::string_view dir, std::string_view rel) {
  if (!rel.empty() && rel[0] == '/') return NormalizePath(rel);
  std::string s(dir);
  s += '/';
  s += rel;
  return NormalizePath(s);
}

}  // namespace shipshape
