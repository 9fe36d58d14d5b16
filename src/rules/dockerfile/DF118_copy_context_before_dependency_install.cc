// COPY of the whole context before the dependency install: every source edit re-installs.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "core/workspace.h"
#include "rules/util.h"

namespace shipshape {
namespace {

struct Installer {
  std::string_view command;   ///< Text that identifies the install in a RUN.
  std::string_view manifest;  ///< What to copy first (for the message).
  /// Files the fix copies first; a trailing `*` makes one optional (`COPY` of a pattern that
  /// matches nothing is fine as long as another source matches).
  std::vector<std::string_view> copy;
  /// Why the manifests alone are not enough for this install, or empty.
  std::string_view refuse = {};
  /// An option that makes the install work without the source (`--no-root`); without it, refuse.
  std::string_view needs_flag = {};
};

const std::vector<Installer>& Installers() {
  static const std::vector<Installer> k = {
      {"npm ci", "package.json package-lock.json", {"package.json", "package-lock.json*", "npm-shrinkwrap.json*", ".npmrc*"}},
      {"npm install", "package.json package-lock.json", {"package.json", "package-lock.json*", "npm-shrinkwrap.json*", ".npmrc*"}},
      {"npm i ", "package.json package-lock.json", {"package.json", "package-lock.json*", ".npmrc*"}},
      {"yarn install", "package.json yarn.lock", {"package.json", "yarn.lock*", ".npmrc*", ".yarnrc*"}},
      {"pnpm install", "package.json pnpm-lock.yaml", {"package.json", "pnpm-lock.yaml*", ".npmrc*"}},
      {"pip install -r", "requirements.txt", {}},
      {"pip3 install -r", "requirements.txt", {}},
      {"pip install --no-cache-dir -r", "requirements.txt", {}},
      {"pip3 install --no-cache-dir -r", "requirements.txt", {}},
      {"poetry install", "pyproject.toml poetry.lock", {"pyproject.toml", "poetry.lock*"}, {}, "--no-root"},
      {"pipenv install", "Pipfile Pipfile.lock", {"Pipfile", "Pipfile.lock*"}},
      {"uv sync", "pyproject.toml uv.lock", {"pyproject.toml", "uv.lock*"}, {}, "--no-install-project"},
      {"bundle install", "Gemfile Gemfile.lock", {"Gemfile", "Gemfile.lock*"}},
      {"go mod download", "go.mod go.sum", {"go.mod", "go.sum*"}},
      {"composer install", "composer.json composer.lock", {"composer.json", "composer.lock*"}, {}, "--no-autoloader"},
      {"mvn dependency:go-offline", "pom.xml", {"pom.xml"}},
      {"mvn dependency:resolve", "pom.xml", {"pom.xml"}},
      {"dotnet restore", "*.csproj", {"*.csproj"}},
      {"cargo fetch", "Cargo.toml Cargo.lock", {},
       "cargo reads the crate's targets under src/ even to fetch: the manifests alone do not make a "
       "dependency layer (cargo-chef or a stub main.rs does)"},
  };
  return k;
}

bool CopiesContext(const dockerfile::Instruction& ins) {
  if ((ins.kind != dockerfile::Keyword::kCopy && ins.kind != dockerfile::Keyword::kAdd) ||
      ins.HasFlag("from") || ins.args.size() < 2)
    return false;
  for (size_t i = 0; i + 1 < ins.args.size(); ++i) {
    std::string_view s = ins.args[i].value;
    if (s == "." || s == "./" || s == "*" || s == "./*") return true;
  }
  return false;
}

const Installer* FindInstall(const dockerfile::Instruction& run) {
  std::string text = run.rest.text;
  for (const dockerfile::Heredoc& h : run.heredocs) text += "\n" + h.content;
  for (const Installer& inst : Installers())
    if (text.find(inst.command) != std::string::npos) return &inst;
  return nullptr;
}

/// The requirements file named after `-r` in `cmd` (`-r requirements/prod.txt`).
std::string RequirementsFile(std::string_view cmd) {
  size_t p = cmd.find(" -r ");
  if (p == std::string_view::npos) p = cmd.find(" --requirement ");
  if (p == std::string_view::npos) return {};
  p = cmd.find(' ', p + 1);
  while (p < cmd.size() && cmd[p] == ' ') ++p;
  size_t e = cmd.find_first_of(" \t;&|", p);
  std::string f(cmd.substr(p, e == std::string_view::npos ? std::string_view::npos : e - p));
  if (f.size() >= 2 && (f.front() == '"' || f.front() == '\'')) f = f.substr(1, f.size() - 2);
  return f;
}

struct Plan {
  std::vector<Edit> edits;
  std::string refuse;  ///< Why no fix, when edits is empty.
};

/// The restructuring: `COPY <manifests> <dest>` and the install moved above the context copy.
Plan Restructure(const dockerfile::Dockerfile& df, const dockerfile::Stage& st,
                 const dockerfile::Instruction& copy, const dockerfile::Instruction& run,
                 const Installer& inst, RuleContext& ctx) {
  Plan plan;
  const std::string_view src = df.source;
  if (!inst.refuse.empty()) return {{}, std::string(inst.refuse)};
  if (!run.heredocs.empty()) return {{}, "the install is a heredoc script"};
  const std::string cmd = run.rest.text;
  if (!inst.needs_flag.empty() && cmd.find(inst.needs_flag) == std::string::npos)
    return {{}, "`" + std::string(inst.command) + "` also installs the project itself, which needs the "
                "source; with `" + std::string(inst.needs_flag) + "` it would not"};
  // The install must be all the RUN does: a build or script after it needs the source.
  for (std::string_view sep : {"&&", ";", "||", "|"}) {
    size_t p = cmd.find(sep);
    if (p == std::string::npos) continue;
    std::string_view other = std::string_view(cmd).substr(p + sep.size());
    (void)other;
    // Allowed companions: cache cleanup after the install.
    std::string rest = cmd.substr(p);
    for (std::string_view ok : {"npm cache clean --force", "yarn cache clean", "rm -rf /root/.cache",
                                "rm -rf /tmp/*", "pnpm store prune", "composer clear-cache"}) {
      size_t q;
      while ((q = rest.find(ok)) != std::string::npos) rest.erase(q, ok.size());
    }
    for (std::string_view s2 : {"&&", ";", " ", "\t", "\\"}) {
      size_t q;
      while ((q = rest.find(s2)) != std::string::npos) rest.erase(q, s2.size());
    }
    if (!rest.empty())
      return {{}, "the install's RUN does more than install (`" + cmd.substr(p) +
                      "`): split it so the rest runs after `COPY . .`"};
  }
  // Nothing between the copy and the install may matter to the install.
  bool between = false;
  for (const dockerfile::Instruction* ins : st.instructions) {
    if (ins == &copy) { between = true; continue; }
    if (ins == &run) break;
    if (!between) continue;
    if (ins->kind == dockerfile::Keyword::kLabel || ins->kind == dockerfile::Keyword::kExpose) continue;
    return {{}, "`" + ins->keyword + "` between the copy and the install may be needed by the install"};
  }
  // What to copy, checked against the build context when shipshape can see it.
  std::vector<std::string> files;
  const Workspace* ws = ctx.workspace();
  const std::string dir = DirName(ctx.file().path);
  auto exists = [&](std::string_view f) { return ws && ws->fs && ws->fs->Exists(JoinPath(dir, f)); };
  std::string dest(copy.args.back().value);
  if (dest == ".") dest = "./";
  if (dest.back() != '/') dest += '/';
  if (inst.copy.empty()) {
    std::string req = RequirementsFile(cmd);
    if (req.empty() || req.front() == '/' || req.find("..") != std::string::npos || req.find('$') != std::string::npos)
      return {{}, "the requirements file is not a plain relative path"};
    if (dest != "./")
      return {{}, "the context is copied to `" + dest + "`, not the working directory the install reads from"};
    if (ws && ws->fs) {
      auto text = ws->fs->Read(JoinPath(dir, req), 1 << 20);
      if (!text) return {{}, "`" + req + "` is not in the build context"};
      for (std::string_view bad : {"-e ", "-r ", "--requirement", "-c ", "file:", "\n.", "./", "git+"})
        if (("\n" + *text).find(bad) != std::string::npos)
          return {{}, "`" + req + "` refers to other files or local paths (`" + std::string(bad) + "`)"};
    }
    files.push_back(req);
    size_t slash = req.rfind('/');
    if (slash != std::string::npos) dest += req.substr(0, slash + 1);
  } else {
    if (ws && ws->fs) {
      if (inst.command.find("pnpm") != std::string_view::npos && exists("pnpm-workspace.yaml"))
        return {{}, "a pnpm workspace installs packages from its subdirectories"};
      if (inst.command.find("yarn") != std::string_view::npos && exists(".yarnrc.yml"))
        return {{}, "Yarn Berry needs its .yarn/ directory and plugins"};
      const std::string manifest(inst.copy.front());
      if (!exists(manifest)) return {{}, "`" + manifest + "` is not beside the Dockerfile"};
      auto text = ws->fs->Read(JoinPath(dir, manifest), 1 << 20).value_or("");
      for (std::string_view bad : {"\"workspaces\"", "\"preinstall\"", "\"postinstall\"", "\"prepare\"",
                                   "gemspec", "path:", "=> ./", "=> ../", "<modules>"})
        if (text.find(bad) != std::string::npos)
          return {{}, "`" + manifest + "` needs more than itself to install (`" + std::string(bad) + "`)"};
    }
    for (std::string_view f : inst.copy) {
      // Optional files: copied only when the context has them (else the pattern form keeps the
      // COPY valid when shipshape cannot see the context).
      if (f.back() == '*' && ws && ws->fs) {
        if (exists(f.substr(0, f.size() - 1))) files.emplace_back(f.substr(0, f.size() - 1));
        continue;
      }
      files.emplace_back(f);
    }
  }
  const std::string nl(rules::Newline(src));
  std::string line(src.substr(copy.keyword_range.start, copy.keyword_range.size()));
  for (const dockerfile::Flag& f : copy.flags)
    if (f.name == "chown" || f.name == "chmod" || f.name == "link") line += " " + std::string(f.range.Of(src));
  for (const std::string& f : files) line += " " + f;
  line += " " + dest + nl;
  // The install moves with the comments directly above it.
  const uint32_t run_from = rules::LineStartOf(src, run.leading_comments.empty() ? run.range.start
                                                                               : run.leading_comments.front().start);
  const uint32_t run_to = rules::LineEndOf(src, run.range.end > 0 ? run.range.end - 1 : 0);
  std::string moved(src.substr(run_from, run_to - run_from));
  if (moved.empty() || moved.back() != '\n') moved += nl;
  const uint32_t at = rules::LineStartOf(src, copy.leading_comments.empty() ? copy.range.start
                                                                           : copy.leading_comments.front().start);
  plan.edits = {Edit::Insert(at, line + moved), Edit::Delete({run_from, run_to})};
  return plan;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    const dockerfile::Instruction* context_copy = nullptr;
    for (const dockerfile::Instruction* ins : st.instructions) {
      if (ins->kind == dockerfile::Keyword::kRun) {
        const Installer* inst = FindInstall(*ins);
        if (!inst) continue;
        // The install already ran before the full copy: the layout is right.
        if (!context_copy) break;
        Plan plan = Restructure(df, st, *context_copy, *ins, *inst, ctx);
        std::string msg = "the whole build context is copied before `" + std::string(inst->command) +
                          "`, so any source change re-runs the dependency install; copy " +
                          std::string(inst->manifest) + " first, install, then copy the rest";
        if (plan.edits.empty()) msg += " (no automatic fix: " + plan.refuse + ")";
        auto b = ctx.Report(context_copy->keyword_range, std::move(msg));
        if (plan.edits.empty())
          b.WithFix("COPY " + std::string(inst->manifest) + " ./ ; RUN <install> ; COPY . .",
                    Applicability::kDisplayOnly, {});
        else
          b.WithFix("Copy " + std::string(inst->manifest) + " and install before copying the source",
                    Applicability::kUnsafe, std::move(plan.edits));
        break;
      }
      if (!context_copy && CopiesContext(*ins)) context_copy = ins;
    }
  }
}

}  // namespace

extern constinit const Rule kCopyContextBeforeDependencyInstall{
    .code = "DF118",
    .name = "copy-context-before-dependency-install",
    .summary = "The whole context is copied before dependencies are installed",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n", .after = "FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json* npm-shrinkwrap.json* .npmrc* ./\n"
                  "RUN npm ci\nCOPY . .\n"},
    .docs = R"md(## What it does
Flags a stage that copies the whole build context (`COPY . .`, `COPY . /app`) and *then* installs
dependencies from a manifest (`npm ci`/`install`, `yarn install`, `pnpm install`,
`pip install -r`, `poetry install`, `pipenv install`, `uv sync`, `bundle install`,
`go mod download`, `composer install`, `mvn dependency:go-offline`, `dotnet restore`,
`cargo fetch`), with no install before the copy.

## Why is this bad
Docker reuses a layer only while everything before it is unchanged. With the full copy first,
editing one source file invalidates the install layer, and every build downloads and installs
all dependencies again: minutes instead of seconds, and more load on package registries.

## Example
```dockerfile
FROM node:22
WORKDIR /app
COPY . .
RUN npm ci
```

## Use instead
```dockerfile
FROM node:22
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
```

## Fix safety
Unsafe: the fix inserts `COPY <manifests> <dest>` above the context copy and moves the install
`RUN` (with the comments directly above it) after it; every other instruction and comment stays
where it is. Optional files (lockfiles, `.npmrc`) are copied only when the build context has
them. It refuses, and the message says why, when the manifests are not enough: the RUN also
builds or runs scripts, an instruction between the copy and the install may matter to it,
`requirements.txt` includes other files or local paths, `package.json` has workspaces or install
scripts, a pnpm workspace or Yarn Berry, `poetry install` without `--no-root`, `uv sync` without
`--no-install-project`, `composer install` without `--no-autoloader`, a multi-module Maven build,
local `replace` directives in go.mod, or `cargo fetch` (cargo needs the sources to read the
manifest).

## References
- https://docs.docker.com/build/cache/optimize/#order-your-layers
)md",
};

}  // namespace shipshape
