#include "patterns/gitignore.h"

#include <algorithm>

namespace shipshape::patterns {
namespace {

// Parent directories of `path`, shortest first ("a", "a/b" for "a/b/c").
template <typename F>
bool AnyParent(std::string_view path, F pred) {
  for (size_t k = path.find('/'); k != std::string_view::npos; k = path.find('/', k + 1))
    if (k > 0 && pred(path.substr(0, k))) return true;
  return false;
}

std::string StripDotSlash(std::string_view p) {
  while (p.starts_with("./")) p.remove_prefix(2);
  while (p.starts_with("/")) p.remove_prefix(1);
  return std::string(p);
}

}  // namespace

GitignoreFile::GitignoreFile(std::string_view text) {
  size_t pos = 0;
  if (text.starts_with("\xEF\xBB\xBF")) pos = 3;  // git skips a UTF-8 BOM
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    // Trailing spaces go unless escaped: count the backslashes before the last kept space.
    while (line.ends_with(' ')) {
      size_t bs = 0;
      while (bs + 1 < line.size() && line[line.size() - 2 - bs] == '\\') ++bs;
      if (bs % 2 == 1) break;
      line.remove_suffix(1);
    }
    Line l;
    if (line.starts_with('!')) {
      l.negated = true;
      line.remove_prefix(1);
    }
    if (line.ends_with('/')) {
      l.dir_only = true;
      line.remove_suffix(1);
    }
    if (line.empty()) continue;
    l.anchored = line.find('/') != std::string_view::npos;
    if (line.starts_with('/')) line.remove_prefix(1);
    l.glob = GlobPattern(line, GlobDialect::kGit);
    if (!l.glob.ok()) continue;
    lines_.push_back(std::move(l));
  }
}

int GitignoreFile::MatchPath(std::string_view path, bool is_dir) const {
  const size_t slash = path.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (auto it = lines_.rbegin(); it != lines_.rend(); ++it) {
    if (it->dir_only && !is_dir) continue;
    if (it->glob.Match(it->anchored ? path : base)) return it->negated ? -1 : 1;
  }
  return 0;
}

int GitignoreFile::Decide(std::string_view raw, bool is_dir) const {
  const std::string path = StripDotSlash(raw);
  if (AnyParent(path, [&](std::string_view d) { return MatchPath(d, true) > 0; })) return 1;
  return MatchPath(path, is_dir);
}

void GitignoreStack::Add(std::string dir, std::string_view text) {
  std::string d = StripDotSlash(dir);
  while (d.ends_with('/')) d.pop_back();
  if (d == ".") d.clear();
  files_.emplace_back(std::move(d), GitignoreFile(text));
  std::stable_sort(files_.begin(), files_.end(), [](const auto& a, const auto& b) {
    return std::count(a.first.begin(), a.first.end(), '/') + !a.first.empty() <
           std::count(b.first.begin(), b.first.end(), '/') + !b.first.empty();
  });
}

int GitignoreStack::DecideOne(std::string_view path, bool is_dir) const {
  for (auto it = files_.rbegin(); it != files_.rend(); ++it) {
    const std::string& dir = it->first;
    std::string_view rel = path;
    if (!dir.empty()) {
      if (path.size() <= dir.size() || !path.starts_with(dir) || path[dir.size()] != '/') continue;
      rel = path.substr(dir.size() + 1);
    }
    if (const int d = it->second.MatchPath(rel, is_dir)) return d;
  }
  return 0;
}

int GitignoreStack::Decide(std::string_view raw, bool is_dir) const {
  const std::string path = StripDotSlash(raw);
  if (AnyParent(path, [&](std::string_view d) { return DecideOne(d, true) > 0; })) return 1;
  return DecideOne(path, is_dir);
}

GitignoreVerdict GitignoreDecide(const Workspace& ws, std::string_view raw_path) {
  GitignoreVerdict v;
  if (!ws.fs) return v;
  const std::string path = NormalizePath(raw_path);
  const std::string root = NormalizePath(ws.root.empty() ? "." : ws.root);
  // Directories from the file's own upwards.
  std::vector<std::string> dirs;
  std::string d = DirName(path);
  int above_root = -1;
  for (int guard = 0; guard < 64; ++guard) {
    dirs.push_back(d);
    if (ws.fs->Exists(JoinPath(d, ".git"))) {
      v.in_repo = true;
      break;
    }
    if (d == root) above_root = 0;
    const std::string up = JoinPath(d, "..");
    if (up == d || !ws.fs->IsDirectory(up)) break;
    if (above_root >= 0 && ++above_root > 8) break;
    d = up;
  }
  if (!v.in_repo) {
    // Not in a repository: only the scanned tree's .gitignore files count.
    auto it = std::find(dirs.begin(), dirs.end(), root);
    if (it != dirs.end()) dirs.erase(it + 1, dirs.end());
  }
  // Each directory relative to the top one; the file relative to the top. Levels reached by
  // `..` above the path's own first segment get a placeholder name.
  const std::string& top = dirs.back();
  auto relative = [&](const std::string& p) -> std::string {
    if (top == ".") return p == "." ? std::string() : p;
    if (p == top) return {};
    if (p.size() > top.size() && p.starts_with(top) && p[top.size()] == '/') return p.substr(top.size() + 1);
    // `top` is `..`, `../..`...: one placeholder per level, then `p` (itself inside ".").
    std::string out;
    for (size_t k = 0; k + 1 < top.size() + 1; k += 3) out += "\x01/";
    if (p != ".") out += p;
    else if (!out.empty()) out.pop_back();
    return out;
  };
  GitignoreStack stack;
  for (auto it = dirs.rbegin(); it != dirs.rend(); ++it)
    if (auto text = ws.fs->Read(JoinPath(*it, ".gitignore"), 1 << 20)) stack.Add(relative(*it), *text);
  v.decision = stack.Decide(relative(path), false);
  return v;
}

}  // namespace shipshape::patterns
