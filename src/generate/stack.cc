#include "generate/stack.h"
#include "core/strings.h"

#include <algorithm>

#include "dockerfile/dockerfile.h"
#include "patterns/dockerignore.h"

namespace shipshape::generate {
namespace {

constexpr Stacks kNode = Bit(Stack::kNode);
constexpr Stacks kPython = Bit(Stack::kPython);
constexpr Stacks kGo = Bit(Stack::kGo);
constexpr Stacks kMaven = Bit(Stack::kMaven);
constexpr Stacks kGradle = Bit(Stack::kGradle);
constexpr Stacks kRuby = Bit(Stack::kRuby);
constexpr Stacks kRust = Bit(Stack::kRust);
constexpr Stacks kPhp = Bit(Stack::kPhp);
constexpr Stacks kDotnet = Bit(Stack::kDotnet);

using G = IgnoreGroup;

// Patterns use `**/` where the artifact appears in every package directory (caches, nested
// node_modules in workspaces); root-level outputs stay anchored so a same-named source folder
// deeper down (`src/build/`) is not swallowed.
const IgnoreEntry kCatalog[] = {
    // Version control: history and hooks never belong in an image.
    {".git", ".git/HEAD", G::kVcs},
    {".hg", ".hg/store", G::kVcs, 0, true},
    {".svn", ".svn/entries", G::kVcs, 0, true},
    // Local environment files hold credentials; the example stays (it documents the variables).
    {".env", ".env", G::kEnv},
    {".env.*", ".env.local", G::kEnv},
    {"!.env.example", "", G::kEnv},
    // Private keys and certificates' keys.
    {"**/*.pem", "server.pem", G::kKeys},
    {"**/*.key", "server.key", G::kKeys},
    {"**/id_rsa*", "id_rsa", G::kKeys},
    {"**/id_ed25519*", "id_ed25519", G::kKeys},
    // Dependencies installed on the host: the image installs its own (for the right platform).
    {"**/node_modules", "node_modules/x", G::kDependencies, kNode},
    {".venv", ".venv/bin/python", G::kDependencies, kPython},
    {"venv", "venv/bin/python", G::kDependencies, 0, true},
    {"vendor/bundle", "vendor/bundle/ruby", G::kDependencies, kRuby},
    {".bundle", ".bundle/config", G::kDependencies, kRuby, true},
    {"vendor", "vendor/autoload.php", G::kDependencies, kPhp},
    // Build outputs: rebuilt inside the image; stale host copies cause "works on my machine".
    {"dist", "dist/index.js", G::kBuildOutput, kNode},
    {"**/*.egg-info", "app.egg-info/PKG-INFO", G::kBuildOutput, kPython},
    {"bin", "bin/app", G::kBuildOutput, kGo, false, false},
    {"target", "target/classes", G::kBuildOutput, kMaven | kRust},
    {"build", "build/libs", G::kBuildOutput, kGradle},
    {"**/bin", "bin/Debug", G::kBuildOutput, kDotnet},
    {"**/obj", "obj/Debug", G::kBuildOutput, kDotnet},
    // Caches.
    {"**/__pycache__", "__pycache__", G::kCache, kPython},
    {"**/*.py[cod]", "app.pyc", G::kCache, kPython},
    {".pytest_cache", ".pytest_cache/README.md", G::kCache, kPython},
    {".mypy_cache", ".mypy_cache/3.12", G::kCache, kPython, true},
    {".ruff_cache", ".ruff_cache/CACHEDIR.TAG", G::kCache, kPython, true},
    {".tox", ".tox/py312", G::kCache, kPython, true},
    {".cache", ".cache/x", G::kCache, kNode, true},
    {".npm", ".npm/_cacache", G::kCache, 0, true},
    {".gradle", ".gradle/caches", G::kCache, kGradle},
    {"coverage", "coverage/lcov.info", G::kCache, kNode, false, false},
    {".coverage", ".coverage", G::kCache, kPython, false, false},
    {"htmlcov", "htmlcov/index.html", G::kCache, kPython, false, false},
    // Editors and operating systems.
    {".idea", ".idea/workspace.xml", G::kEditor, 0, false, false},
    {".vscode", ".vscode/settings.json", G::kEditor, 0, false, false},
    {"**/*.swp", "a.swp", G::kEditor, 0, false, false},
    {"**/.DS_Store", ".DS_Store", G::kEditor, 0, false, false},
    {"**/Thumbs.db", "Thumbs.db", G::kEditor, 0, false, false},
    // Logs.
    {"**/*.log", "app.log", G::kLogs, 0, false, false},
    {"npm-debug.log*", "npm-debug.log", G::kLogs, kNode, false, false},
    {"yarn-error.log*", "yarn-error.log", G::kLogs, kNode, false, false},
    // Compose files describe how to run the image, not what goes in it. The Dockerfile itself is
    // left alone: some builds COPY it (labels, provenance).
    {"docker-compose*.yml", "docker-compose.yml", G::kCompose, 0, false, false},
    {"docker-compose*.yaml", "docker-compose.yaml", G::kCompose, 0, false, false},
    {"compose.yml", "compose.yml", G::kCompose, 0, false, false},
    {"compose.yaml", "compose.yaml", G::kCompose, 0, false, false},
    {"compose.*.yml", "compose.override.yml", G::kCompose, 0, false, false},
    {"compose.*.yaml", "compose.override.yaml", G::kCompose, 0, false, false},
};

bool IsDockerfileName(std::string_view name) {
  const std::string n = Lower(name);
  if (n.ends_with(".dockerignore")) return false;
  if (n.ends_with(".j2") || n.ends_with(".tmpl") || n.ends_with(".template") || n.ends_with(".md"))
    return false;
  return n == "dockerfile" || n == "containerfile" || n.starts_with("dockerfile.") ||
         n.starts_with("containerfile.") || n.ends_with(".dockerfile") ||
         n.ends_with(".containerfile");
}

std::string NormalizeSource(std::string_view s) {
  while (s.starts_with("./")) s.remove_prefix(2);
  while (!s.empty() && s.front() == '/') s.remove_prefix(1);
  return dockerignore::CleanPath(s);
}

/// Git subcommands that read the repository (so the build needs `.git` in its context).
bool RunsGitOnRepo(std::string_view cmd) {
  static const std::string_view kUses[] = {"git describe", "git rev-parse", "git log",
                                           "git status",   "git submodule", "git archive",
                                           "git diff",     "git show",      "git rev-list",
                                           "git tag"};
  for (std::string_view u : kUses)
    if (cmd.find(u) != std::string_view::npos) return true;
  return false;
}

void CollectSources(const dockerfile::Instruction& ins, std::vector<std::string>* out) {
  using dockerfile::Keyword;
  if (ins.onbuild) CollectSources(*ins.onbuild, out);
  if (ins.kind == Keyword::kRun) {
    if (RunsGitOnRepo(ins.rest.text)) out->push_back(".git");
    for (const dockerfile::Flag& f : ins.flags) {
      if (f.name != "mount") continue;
      // --mount=type=bind,source=x,target=y (bind is the default type).
      std::string_view v = f.value;
      bool bind = v.find("type=") == std::string_view::npos ||
                  v.find("type=bind") != std::string_view::npos;
      if (!bind || v.find("from=") != std::string_view::npos) continue;
      for (std::string_view key : {"source=", "src="}) {
        size_t p = v.find(key);
        if (p == std::string_view::npos || (p > 0 && v[p - 1] != ',')) continue;
        size_t e = v.find(',', p);
        std::string src = NormalizeSource(v.substr(p + key.size(), e == std::string_view::npos
                                                                       ? std::string_view::npos
                                                                       : e - p - key.size()));
        if (src != ".") out->push_back(src);
      }
    }
    return;
  }
  if (ins.kind != Keyword::kCopy && ins.kind != Keyword::kAdd) return;
  if (ins.HasFlag("from")) return;
  if (ins.args.size() < 2) return;
  for (size_t i = 0; i + 1 < ins.args.size(); ++i) {
    std::string_view a = ins.args[i].value;
    if (a.find("://") != std::string_view::npos || a.starts_with("git@") || a.starts_with("<<"))
      continue;
    std::string src = NormalizeSource(a);
    if (src == "." || src.empty()) continue;
    out->push_back(std::move(src));
  }
}

}  // namespace

std::string_view StackName(Stack s) {
  switch (s) {
    case Stack::kNode: return "Node.js";
    case Stack::kPython: return "Python";
    case Stack::kGo: return "Go";
    case Stack::kMaven: return "Java (Maven)";
    case Stack::kGradle: return "Java/Kotlin (Gradle)";
    case Stack::kRuby: return "Ruby";
    case Stack::kRust: return "Rust";
    case Stack::kPhp: return "PHP (Composer)";
    case Stack::kDotnet: return ".NET";
  }
  return "?";
}

std::string_view IgnoreGroupTitle(IgnoreGroup g) {
  switch (g) {
    case G::kVcs: return "Version control";
    case G::kEnv: return "Local environment files (may hold secrets); the example documents the variables";
    case G::kKeys: return "Private keys";
    case G::kDependencies: return "Dependencies installed on the host (the image installs its own)";
    case G::kBuildOutput: return "Build outputs (rebuilt inside the image)";
    case G::kCache: return "Caches and test artifacts";
    case G::kEditor: return "Editor and OS files";
    case G::kLogs: return "Logs";
    case G::kCompose: return "Compose files (how to run the image, not part of it)";
  }
  return "";
}

Stacks DetectStacksFromNames(std::span<const std::string> names) {
  Stacks s = 0;
  for (const std::string& raw : names) {
    const std::string n = Lower(raw);
    if (n == "package.json") s |= kNode;
    if (n == "pyproject.toml" || n == "setup.py" || n == "setup.cfg" || n == "pipfile" ||
        n == "poetry.lock" || n == "uv.lock" ||
        (n.starts_with("requirements") && n.ends_with(".txt")))
      s |= kPython;
    if (n == "go.mod") s |= kGo;
    if (n == "pom.xml") s |= kMaven;
    if (n == "build.gradle" || n == "build.gradle.kts" || n == "settings.gradle" ||
        n == "settings.gradle.kts" || n == "gradlew")
      s |= kGradle;
    if (n == "gemfile") s |= kRuby;
    if (n == "cargo.toml") s |= kRust;
    if (n == "composer.json") s |= kPhp;
    if (n.ends_with(".csproj") || n.ends_with(".fsproj") || n.ends_with(".vbproj") ||
        n.ends_with(".sln"))
      s |= kDotnet;
  }
  return s;
}

Stacks DetectStacks(const FileSystem& fs, std::string_view dir) {
  std::vector<std::string> names = fs.List(std::string(dir));
  return DetectStacksFromNames(names);
}

std::span<const IgnoreEntry> IgnoreCatalog() { return kCatalog; }

bool EntryApplies(const IgnoreEntry& entry, Stacks stacks, std::span<const std::string> names) {
  if (entry.if_present) {
    std::string_view first = entry.probe.substr(0, entry.probe.find('/'));
    return std::find(names.begin(), names.end(), first) != names.end();
  }
  return entry.stacks == 0 || (entry.stacks & stacks) != 0;
}

std::vector<std::string> DockerfilesInDir(const Workspace& ws, std::string_view dir) {
  std::vector<std::string> out;
  const std::string want = NormalizePath(dir);
  for (const SourceFile* f : ws.files)
    if (f && f->kind == FileKind::kDockerfile && NormalizePath(DirName(f->path)) == want)
      out.push_back(f->text);
  if (!out.empty() || !ws.fs) return out;
  for (const std::string& name : ws.fs->List(want)) {
    if (!IsDockerfileName(name)) continue;
    if (auto text = ws.fs->Read(JoinPath(want, name), 1 << 20)) out.push_back(std::move(*text));
  }
  return out;
}

std::vector<std::string> ExplicitContextSources(std::span<const std::string> dockerfiles) {
  std::vector<std::string> out;
  for (const std::string& text : dockerfiles) {
    auto df = dockerfile::Parse(text);
    for (const dockerfile::Instruction& ins : df->instructions) CollectSources(ins, &out);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool PatternHidesSource(std::string_view pattern, std::span<const std::string> sources) {
  if (pattern.empty() || pattern.front() == '!') return false;
  const dockerignore::Matcher m = dockerignore::Matcher::FromLines({std::string(pattern)});
  for (const std::string& s : sources)
    if (m.Excluded(s)) return true;
  return false;
}

}  // namespace shipshape::generate
