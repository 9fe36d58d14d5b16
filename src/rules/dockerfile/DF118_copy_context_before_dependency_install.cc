// COPY of the whole context before the dependency install: every source edit re-installs.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

struct Installer {
  std::string_view command;   ///< Text that identifies the install in a RUN.
  std::string_view manifest;  ///< What to copy first.
};

constexpr Installer kInstallers[] = {
    {"npm ci", "package.json package-lock.json"},
    {"npm install", "package.json package-lock.json"},
    {"npm i ", "package.json package-lock.json"},
    {"yarn install", "package.json yarn.lock"},
    {"pnpm install", "package.json pnpm-lock.yaml"},
    {"pip install -r", "requirements.txt"},
    {"pip3 install -r", "requirements.txt"},
    {"pip install --no-cache-dir -r", "requirements.txt"},
    {"pip3 install --no-cache-dir -r", "requirements.txt"},
    {"poetry install", "pyproject.toml poetry.lock"},
    {"pipenv install", "Pipfile Pipfile.lock"},
    {"uv sync", "pyproject.toml uv.lock"},
    {"bundle install", "Gemfile Gemfile.lock"},
    {"go mod download", "go.mod go.sum"},
    {"composer install", "composer.json composer.lock"},
    {"mvn dependency:go-offline", "pom.xml"},
    {"mvn dependency:resolve", "pom.xml"},
    {"dotnet restore", "*.csproj"},
    {"cargo fetch", "Cargo.toml Cargo.lock"},
};

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
  for (const Installer& inst : kInstallers)
    if (text.find(inst.command) != std::string::npos) return &inst;
  return nullptr;
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
        ctx.Report(context_copy->keyword_range,
                   "the whole build context is copied before `" + std::string(inst->command) +
                       "`, so any source change re-runs the dependency install; copy " +
                       std::string(inst->manifest) + " first, install, then copy the rest")
            .WithFix("COPY " + std::string(inst->manifest) + " ./ ; RUN <install> ; COPY . .",
                     Applicability::kDisplayOnly, {});
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
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .skips_onbuild = true,
    .aliases = {},
    .check_dockerfile = Check,
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
No automatic fix: some installs need more than the manifest (workspace packages, local paths,
post-install scripts).

## References
- https://docs.docker.com/build/cache/optimize/#order-your-layers
)md",
};

}  // namespace shipshape
