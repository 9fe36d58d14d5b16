#include "core/git_index.h"

#include <algorithm>
#include <cstdint>

namespace shipshape {
namespace {

uint32_t Be32(std::string_view b, size_t at) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(b[at])) << 24) |
         (static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16) |
         (static_cast<uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8) |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 3]));
}

uint16_t Be16(std::string_view b, size_t at) {
  return static_cast<uint16_t>((static_cast<unsigned>(static_cast<unsigned char>(b[at])) << 8) |
                               static_cast<unsigned char>(b[at + 1]));
}

constexpr size_t kHeader = 12;
constexpr size_t kStat = 62;  // ctime, mtime, dev, ino, mode, uid, gid, size, SHA-1, flags

// Where the `.git` of `dir` keeps its index: `dir/.git/index`, or for a `gitdir:` file (worktrees,
// submodules) the index of the directory it names.
std::optional<std::string> IndexPath(const FileSystem& fs, const std::string& top) {
  const std::string dot_git = JoinPath(top, ".git");
  if (fs.IsDirectory(dot_git)) return JoinPath(dot_git, "index");
  std::optional<std::string> link = fs.Read(dot_git, 4096);
  if (!link || link->rfind("gitdir:", 0) != 0) return std::nullopt;
  std::string target = link->substr(7);
  while (!target.empty() && (target.back() == '\n' || target.back() == '\r' || target.back() == ' '))
    target.pop_back();
  while (!target.empty() && target.front() == ' ') target.erase(0, 1);
  if (target.empty()) return std::nullopt;
  return JoinPath(JoinPath(top, target), "index");
}

}  // namespace

std::optional<std::vector<std::string>> ParseGitIndex(std::string_view b) {
  if (b.size() < kHeader || b.substr(0, 4) != "DIRC") return std::nullopt;
  const uint32_t version = Be32(b, 4);
  if (version < 2 || version > 4) return std::nullopt;
  const uint32_t count = Be32(b, 8);
  if (count > b.size() / kStat) return std::nullopt;  // cannot fit: not an index
  std::vector<std::string> out;
  out.reserve(count);
  size_t p = kHeader;
  std::string prev;
  for (uint32_t i = 0; i < count; ++i) {
    const size_t start = p;
    if (p + kStat > b.size()) return std::nullopt;
    const uint16_t flags = Be16(b, p + kStat - 2);
    p += kStat;
    if (version >= 3 && (flags & 0x4000)) {
      if (p + 2 > b.size()) return std::nullopt;
      p += 2;
    }
    std::string path;
    if (version == 4) {
      // Prefix compression: drop N bytes from the end of the previous path, then a NUL-ended suffix.
      if (p >= b.size()) return std::nullopt;
      uint64_t strip = static_cast<unsigned char>(b[p]) & 0x7f;
      while (static_cast<unsigned char>(b[p]) & 0x80) {
        if (++p >= b.size() || strip > (1u << 20)) return std::nullopt;
        strip = ((strip + 1) << 7) | (static_cast<unsigned char>(b[p]) & 0x7f);
      }
      ++p;
      if (strip > prev.size()) return std::nullopt;
      const size_t nul = b.find('\0', p);
      if (nul == std::string_view::npos) return std::nullopt;
      path = prev.substr(0, prev.size() - strip) + std::string(b.substr(p, nul - p));
      p = nul + 1;
    } else {
      const size_t nul = b.find('\0', p);
      if (nul == std::string_view::npos) return std::nullopt;
      path = std::string(b.substr(p, nul - p));
      // Entries are padded with 1-8 NULs to a multiple of 8 bytes.
      p = start + ((nul - start + 8) & ~static_cast<size_t>(7));
      if (p > b.size()) return std::nullopt;
    }
    if (path.empty()) return std::nullopt;
    prev = path;
    out.push_back(std::move(path));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> GitWorkTree(const FileSystem& fs, const std::string& dir) {
  std::string d = NormalizePath(dir.empty() ? "." : dir);
  for (int guard = 0; guard < 64; ++guard) {
    if (fs.Exists(JoinPath(d, ".git"))) return d;
    const std::string up = JoinPath(d, "..");
    if (up == d || !fs.IsDirectory(up)) return std::nullopt;
    d = up;
  }
  return std::nullopt;
}

std::optional<bool> GitTracks(const Workspace& ws, const std::string& path) {
  if (!ws.fs) return std::nullopt;
  const std::string norm = NormalizePath(path);
  std::optional<std::string> top = GitWorkTree(*ws.fs, DirName(norm));
  if (!top) return std::nullopt;
  // The memo holds the index as "\n"-joined paths with a leading "+" (a readable index) or "-".
  auto load = [&]() -> std::string {
    std::optional<std::string> at = IndexPath(*ws.fs, *top);
    std::optional<std::string> bytes = at ? ws.fs->Read(*at, size_t{256} << 20) : std::nullopt;
    std::optional<std::vector<std::string>> paths = bytes ? ParseGitIndex(*bytes) : std::nullopt;
    if (!paths) return "-";
    std::string joined = "+\n";
    for (const std::string& p : *paths) joined += p + "\n";
    return joined;
  };
  const std::string index = ws.memo ? ws.memo->Get("git-index:" + *top, load) : load();
  if (index.empty() || index[0] != '+') return std::nullopt;
  // The path relative to the work tree.
  std::string rel = norm;
  if (*top != ".") {
    const std::string prefix = *top + "/";
    if (rel.compare(0, prefix.size(), prefix) != 0) return std::nullopt;  // e.g. `..` levels: unknown
    rel = rel.substr(prefix.size());
  }
  if (rel.empty() || rel.rfind("../", 0) == 0) return std::nullopt;
  return index.find("\n" + rel + "\n") != std::string::npos;
}

}  // namespace shipshape
