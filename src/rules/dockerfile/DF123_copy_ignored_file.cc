// COPY/ADD of a path that .dockerignore excludes: the build fails or copies nothing.
#include "core/workspace.h"
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

// Docker's pattern matching: `*` and `?` stay within a path segment, `**` spans segments,
// `[...]` classes, `\` escapes.
bool Match(std::string_view p, std::string_view s) {
  size_t pi = 0, si = 0;
  while (pi < p.size()) {
    const char c = p[pi];
    if (c == '*') {
      if (pi + 1 < p.size() && p[pi + 1] == '*') {
        // `**` (optionally followed by `/`) matches any number of segments, including none.
        size_t rest = pi + 2;
        if (rest < p.size() && p[rest] == '/') ++rest;
        for (size_t k = si; k <= s.size(); ++k)
          if ((k == si || s[k - 1] == '/' || rest == p.size()) && Match(p.substr(rest), s.substr(k)))
            return true;
        return false;
      }
      for (size_t k = si; k <= s.size(); ++k) {
        if (Match(p.substr(pi + 1), s.substr(k))) return true;
        if (k < s.size() && s[k] == '/') break;
      }
      return false;
    }
    if (si >= s.size()) return false;
    if (c == '?') {
      if (s[si] == '/') return false;
    } else if (c == '[') {
      size_t end = p.find(']', pi + 1);
      if (end == std::string_view::npos) return false;
      std::string_view cls = p.substr(pi + 1, end - pi - 1);
      bool negate = !cls.empty() && (cls[0] == '^' || cls[0] == '!');
      if (negate) cls.remove_prefix(1);
      bool in = false;
      for (size_t k = 0; k < cls.size(); ++k) {
        if (k + 2 < cls.size() && cls[k + 1] == '-') {
          in |= s[si] >= cls[k] && s[si] <= cls[k + 2];
          k += 2;
        } else {
          in |= s[si] == cls[k];
        }
      }
      if (in == negate) return false;
      pi = end;
    } else {
      char want = c;
      if (c == '\\' && pi + 1 < p.size()) want = p[++pi];
      if (s[si] != want) return false;
    }
    ++pi;
    ++si;
  }
  return si == s.size();
}

std::string Clean(std::string_view p) {
  std::string out = NormalizePath(p);
  while (!out.empty() && out.front() == '/') out.erase(0, 1);
  while (out.size() > 2 && out.compare(0, 2, "./") == 0) out.erase(0, 2);
  if (out.empty()) out = ".";
  return out;
}

void IgnoreConfig(MemoryFileSystem& fs) { fs.Add(".dockerignore", "# local\nconfig/\n*.log\n**/secret.txt\n"); }
void IgnoreWithException(MemoryFileSystem& fs) { fs.Add(".dockerignore", "config/\n!config/app.yaml\n"); }
void PerDockerfile(MemoryFileSystem& fs) {
  fs.Add(".dockerignore", "config/\n");
  fs.Add("Dockerfile.dockerignore", "build/\n");
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Workspace* ws = ctx.workspace();
  if (!ws || !ws->fs) return;
  const std::string& path = ctx.file().path;
  std::optional<std::string> ignore = ws->fs->Read(path + ".dockerignore");
  if (!ignore) ignore = ws->fs->Read(JoinPath(DirName(path), ".dockerignore"));
  if (!ignore) return;
  std::vector<std::string> patterns;
  size_t p = 0;
  while (p < ignore->size()) {
    size_t e = ignore->find('\n', p);
    if (e == std::string::npos) e = ignore->size();
    std::string_view line = std::string_view(*ignore).substr(p, e - p);
    p = e + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    // BuildKit skips the check when exceptions exist: they are too hard to judge statically.
    if (line.front() == '!') return;
    patterns.push_back(Clean(line));
  }
  if (patterns.empty()) return;
  for (const dockerfile::Stage& st : df.stages) {
    rules::VarScope scope(df, st);
    for (const dockerfile::Instruction* ins : st.instructions) {
      scope.Apply(*ins);
      if ((ins->kind != dockerfile::Keyword::kCopy && ins->kind != dockerfile::Keyword::kAdd) ||
          ins->HasFlag("from") || ins->args.size() < 2)
        continue;
      for (size_t i = 0; i + 1 < ins->args.size(); ++i) {
        const std::string& raw = ins->args[i].value;
        if (raw.rfind("<<", 0) == 0 || raw.find("://") != std::string::npos ||
            raw.rfind("git@", 0) == 0)
          continue;
        rules::Expansion e = scope.Expand(raw);
        if (!e.complete) continue;
        const std::string src = Clean(e.text);
        if (src == ".") continue;
        // The source is excluded when a pattern matches it or one of its parent directories.
        std::string matched;
        for (const std::string& pat : patterns) {
          std::string_view cur = src;
          while (!cur.empty()) {
            if (Match(pat, cur)) {
              matched = pat;
              break;
            }
            size_t slash = cur.rfind('/');
            if (slash == std::string_view::npos) break;
            cur = cur.substr(0, slash);
          }
          if (!matched.empty()) break;
        }
        if (matched.empty()) continue;
        ctx.Report(ins->args[i].range, rules::ToUpper(ins->keyword) + " " + e.text +
                                           " is excluded by the .dockerignore pattern \"" +
                                           matched + "\": the builder never receives it");
      }
    }
  }
}

}  // namespace

extern const Rule kCopyIgnoredFile{
    .code = "DF123",
    .name = "copy-ignored-file",
    .summary = "COPY/ADD source is excluded by .dockerignore",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"buildkit", "CopyIgnoredFile"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Reads the `.dockerignore` that applies to the Dockerfile (`<Dockerfile>.dockerignore`, else
`.dockerignore` beside it) and flags `COPY`/`ADD` sources from the build context that one of its
patterns excludes (the path itself or a parent directory). As in BuildKit, nothing is reported
when the ignore file has `!` exceptions. Needs the workspace.

## Why is this bad
Excluded files are never sent to the builder: the `COPY` fails with "not found", or, with a
wildcard, silently copies nothing. Usually either the ignore file is too broad or the `COPY` is
stale.

## Example
With `.dockerignore` containing `config/`:
```dockerfile
FROM alpine:3.20
COPY config/app.yaml /etc/app/
```

## Use instead
Narrow the pattern (`config/*.local.yaml`) or stop copying the file.

## Fix safety
No automatic fix: which side is wrong needs a human.

## References
- https://docs.docker.com/reference/build-checks/copy-ignored-file/
- https://docs.docker.com/build/concepts/context/#dockerignore-files
)md",
    .cases = {WithFiles(IgnoreConfig, Bad("FROM alpine:3.20\nCOPY config/app.yaml /etc/app/\n")),
              WithFiles(IgnoreConfig, Bad("FROM alpine:3.20\nCOPY ./debug.log /x/\n")),
              WithFiles(IgnoreConfig, Bad("FROM alpine:3.20\nCOPY a/b/secret.txt /x\n")),
              WithFiles(PerDockerfile, Bad("FROM alpine:3.20\nCOPY build/out /app/\n")),
              WithFiles(PerDockerfile, Good("FROM alpine:3.20\nCOPY config/app.yaml /etc/app/\n")),
              WithFiles(IgnoreConfig, Good("FROM alpine:3.20\nCOPY configs/app.yaml /etc/app/\n"
                                           "COPY . /src\nCOPY --from=x config/a /b\n")),
              WithFiles(IgnoreWithException, Good("FROM alpine:3.20\nCOPY config/app.yaml /etc/\n")),
              Good("FROM alpine:3.20\nCOPY config/app.yaml /etc/app/\n")},
};

}  // namespace shipshape
