#include "cli/discover.h"

#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include "lint/linter.h"

namespace shipshape {
namespace {

const char* const kSkipDirs[] = {".git", ".hg", ".svn", "node_modules", "vendor", "third_party",
                                 ".venv", "venv", "__pycache__", ".tox", ".terraform",
                                 "bower_components", ".mypy_cache", ".pytest_cache", ".cache"};

bool SkipDir(const std::string& name) {
  for (const char* d : kSkipDirs)
    if (name == d) return true;
  return false;
}

std::string LowerName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string n(slash == std::string_view::npos ? path : path.substr(slash + 1));
  for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return n;
}

bool IsYaml(const std::string& lower) {
  return lower.size() > 4 && (lower.compare(lower.size() - 4, 4, ".yml") == 0 ||
                              (lower.size() > 5 && lower.compare(lower.size() - 5, 5, ".yaml") == 0));
}

/// Names worth reading to decide by content.
bool Candidate(const std::string& path) {
  if (ClassifyPath(path) != FileKind::kOther) return true;
  std::string lower = LowerName(path);
  return lower.find("dockerfile") != std::string::npos ||
         lower.find("containerfile") != std::string::npos || IsYaml(lower);
}

/// Strips a trailing '/' (directories only); false if the pattern cannot match this entry.
bool DirOnly(std::string* glob, bool is_dir) {
  if (glob->size() > 1 && glob->back() == '/') {
    glob->pop_back();
    return is_dir;
  }
  return true;
}

/// --exclude: `path` as discovered, `rel` relative to the scanned directory.
bool Excluded(const std::string& path, const std::string& rel, bool is_dir,
              const std::vector<std::string>& globs) {
  const std::string name = path.substr(path.find_last_of('/') + 1);
  for (std::string g : globs) {
    if (!DirOnly(&g, is_dir)) continue;
    if (fnmatch(g.c_str(), path.c_str(), 0) == 0 || fnmatch(g.c_str(), rel.c_str(), 0) == 0 ||
        fnmatch(g.c_str(), name.c_str(), 0) == 0)
      return true;
  }
  return false;
}

/// Config `exclude:`: `rel` is relative to the config directory, empty when outside it.
bool ConfigExcluded(const std::string& name, const std::string& rel, bool is_dir,
                    const std::vector<std::string>& globs) {
  for (std::string g : globs) {
    if (!DirOnly(&g, is_dir)) continue;
    const bool anchored = g.find('/') != std::string::npos;
    if (!g.empty() && g[0] == '/') g.erase(0, 1);
    if (anchored ? !rel.empty() && fnmatch(g.c_str(), rel.c_str(), 0) == 0
                 : fnmatch(g.c_str(), name.c_str(), 0) == 0)
      return true;
  }
  return false;
}

std::string RealPath(const std::string& p) {
  char buf[PATH_MAX];
  if (!::realpath(p.c_str(), buf)) return {};
  return buf;
}

bool Within(const std::string& path, const std::string& root) {
  if (root == "/") return true;
  return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                          path[root.size()] == '/');
}

class Walker {
 public:
  Walker(const DiscoverOptions& opts, Discovered* out)
      : opts_(opts), out_(out), real_fs_(opts.roots), fs_(opts.fs ? *opts.fs : real_fs_) {}

  void Root(const std::string& arg) {
    struct stat st;
    if (::stat(arg.c_str(), &st) != 0) {
      out_->errors.push_back(arg + ": " + std::strerror(errno));
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      root_real_ = RealPath(arg);
      root_arg_ = arg == "." ? std::string(".") : StripSlash(arg);
      Dir(root_arg_, 0);
    } else {
      Explicit(arg);
    }
  }

 private:
  static std::string StripSlash(std::string s) {
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
  }

  static std::string Join(const std::string& dir, const std::string& name) {
    if (dir == ".") return name;
    return dir + "/" + name;
  }

  void Explicit(const std::string& path) {
    std::string text, reason;
    uint32_t mode = 0;
    int error = 0;
    if (!fs_.Load(path, opts_.max_file_size, &text, &mode, &reason, &error)) {
      // Root() saw it a moment ago: it was deleted or renamed since.
      if (error == ENOENT) reason = kVanished;
      // Named on the command line: not checking it is an error, not a note (exit 2), or a
      // "No problems found" would cover a file nobody looked at.
      out_->errors.push_back(path + ": " + (reason.rfind("skipped: ", 0) == 0 ? reason.substr(9) : reason));
      return;
    }
    if (ClassifyPath(path) == FileKind::kOther && LooksBinary(text)) {
      out_->errors.push_back(path + ": binary file (contains NUL bytes); not checked");
      return;
    }
    FileKind kind = ClassifyFile(path, text);
    if (kind == FileKind::kOther) {
      // Named explicitly but not recognisable: assume a Dockerfile, as hadolint does.
      kind = FileKind::kDockerfile;
    }
    Add(path, std::move(text), kind, mode);
  }

  void Add(const std::string& path, std::string text, FileKind kind, uint32_t mode) {
    if (!seen_.insert(path).second) return;
    auto f = std::make_unique<SourceFile>();
    f->path = path;
    f->text = std::move(text);
    f->kind = kind;
    f->mode = mode;
    out_->files.push_back(std::move(f));
  }

  void Dir(const std::string& dir, int depth) {
    if (depth > 64) {
      out_->skipped.push_back({dir, "directory nesting deeper than 64 levels"});
      return;
    }
    DIR* d = ::opendir(dir.c_str());
    if (!d) {
      const std::string why = std::string("cannot open directory: ") + std::strerror(errno);
      // A directory named on the command line that cannot be read at all is an error (exit 2),
      // not a note: nothing the user asked for would be checked.
      if (depth == 0) out_->errors.push_back(dir + ": " + why);
      else out_->skipped.push_back({dir, why});
      return;
    }
    std::vector<std::string> names;
    while (dirent* e = ::readdir(d)) {
      std::string n = e->d_name;
      if (n != "." && n != "..") names.push_back(std::move(n));
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      std::string path = Join(dir, name);
      struct stat st;
      if (::lstat(path.c_str(), &st) != 0) {
        // Listed a moment ago: deleted or renamed since. Said only for files we would check.
        if (Candidate(path)) out_->skipped.push_back({path, kVanished});
        continue;
      }
      if (Skipped(path, name, S_ISDIR(st.st_mode))) continue;
      if (S_ISLNK(st.st_mode)) {
        // Symlinked directories are never entered (no loops); symlinked files are read only
        // when they resolve inside the scanned root.
        struct stat target;
        if (::stat(path.c_str(), &target) != 0) {
          if (Candidate(path)) out_->skipped.push_back({path, "dangling or looping symlink"});
          continue;
        }
        if (S_ISDIR(target.st_mode) || !Candidate(path)) continue;
        if (!S_ISREG(target.st_mode)) {
          out_->skipped.push_back({path, kNotRegular});
          continue;
        }
        std::string real = RealPath(path);
        if (real.empty() || !Within(real, root_real_)) {
          out_->skipped.push_back({path, "symlink points outside the scanned directory"});
          continue;
        }
        File(path);
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        if (SkipDir(name)) continue;
        Dir(path, depth + 1);
      } else if (S_ISREG(st.st_mode)) {
        if (Candidate(path)) File(path);
      } else if (Candidate(path)) {
        // Never opened: a FIFO would block the scan, a device is not a file to check.
        out_->skipped.push_back({path, kNotRegular});
      }
    }
  }

  void File(const std::string& path) {
    std::string text, reason;
    uint32_t mode = 0;
    int error = 0;
    if (!fs_.Load(path, opts_.max_file_size, &text, &mode, &reason, &error)) {
      if (error == ENOENT) reason = kVanished;  // listed, then deleted or renamed
      out_->skipped.push_back({path, reason.rfind("skipped: ", 0) == 0 ? reason.substr(9) : reason});
      return;
    }
    // A NUL byte rules out a file only found by its content: one named like a Docker file is
    // checked anyway (a NUL in a comment must not hide a Dockerfile from the audit).
    if (ClassifyPath(path) == FileKind::kOther && LooksBinary(text)) {
      out_->skipped.push_back({path, "binary file (contains NUL bytes)"});
      return;
    }
    FileKind kind = ClassifyFile(path, text);
    if (kind == FileKind::kOther) return;
    Add(path, std::move(text), kind, mode);
  }

  /// True if --exclude or the config's `exclude:` names this entry.
  bool Skipped(const std::string& path, const std::string& name, bool is_dir) const {
    const std::string rel = root_arg_ == "." ? path : path.substr(root_arg_.size() + 1);
    if (Excluded(path, rel, is_dir, opts_.exclude)) return true;
    if (opts_.config_exclude.empty()) return false;
    // Relative to the config directory: the scanned root is inside it (found upward) or not.
    std::string config_rel;
    const std::string abs = root_real_ == "/" ? "/" + rel : root_real_ + "/" + rel;
    if (Within(abs, opts_.config_dir) && abs != opts_.config_dir)
      config_rel = abs.substr(opts_.config_dir == "/" ? 1 : opts_.config_dir.size() + 1);
    return ConfigExcluded(name, config_rel, is_dir, opts_.config_exclude);
  }

  static constexpr const char* kNotRegular =
      "not a regular file (a FIFO, device or socket); not read";
  static constexpr const char* kVanished =
      "file disappeared during the scan (deleted or renamed after it was listed)";

  const DiscoverOptions& opts_;
  Discovered* out_;
  RealFileSystem real_fs_;
  const FileSystem& fs_;
  std::string root_real_;
  std::string root_arg_;
  std::set<std::string> seen_;
};

}  // namespace

FileKind ClassifyFile(const std::string& path, std::string_view text) {
  FileKind k = ClassifyPath(path);
  std::string lower = LowerName(path);
  if (k == FileKind::kOther) {
    if ((lower.find("dockerfile") != std::string::npos ||
         lower.find("containerfile") != std::string::npos) &&
        !IsYaml(lower) && LooksLikeDockerfile(text))
      return FileKind::kDockerfile;
    if (IsYaml(lower) && LooksLikeCompose(text)) return FileKind::kCompose;
  }
  // A compose-named YAML file that is not a Compose file (e.g. a CI config) is still checked:
  // the loader reports what it is.
  return k;
}

bool LoadFile(const std::string& path, size_t max_size, std::string* text, uint32_t* mode,
              std::string* reason) {
  int error = 0;
  return RealFileSystem().Load(path, max_size, text, mode, reason, &error);
}

Discovered Discover(const std::vector<std::string>& paths, const DiscoverOptions& opts) {
  Discovered out;
  Walker w(opts, &out);
  for (const std::string& p : paths) w.Root(p);
  std::sort(out.files.begin(), out.files.end(),
            [](const auto& a, const auto& b) { return a->path < b->path; });
  std::sort(out.skipped.begin(), out.skipped.end(),
            [](const SkippedFile& a, const SkippedFile& b) { return a.path < b.path; });
  return out;
}

}  // namespace shipshape
