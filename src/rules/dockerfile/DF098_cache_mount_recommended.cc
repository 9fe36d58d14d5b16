// Package installs that a BuildKit cache mount would speed up.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;
using PM = shell::PackageManager;

struct CacheSpec {
  std::string_view tool;
  std::vector<std::string_view> targets;  ///< suggested mount targets
  std::vector<std::string_view> accept;   ///< an existing cache mount containing one of these
};

std::optional<CacheSpec> SpecFor(const Cmd& c) {
  if (auto pi = InstallOf(c, {PM::kAptGet, PM::kApt, PM::kApk, PM::kPip, PM::kUv, PM::kNpm,
                              PM::kYarn, PM::kPnpm, PM::kYum, PM::kDnf, PM::kMicrodnf,
                              PM::kZypper, PM::kPoetry, PM::kCargo, PM::kGo})) {
    switch (pi->manager) {
      case PM::kAptGet: case PM::kApt:
        return CacheSpec{"apt", {"/var/cache/apt", "/var/lib/apt"}, {"/var/cache/apt", "/var/lib/apt"}};
      case PM::kApk: return CacheSpec{"apk", {"/etc/apk/cache"}, {"apk"}};
      case PM::kPip: return CacheSpec{"pip", {"/root/.cache/pip"}, {".cache"}};
      case PM::kUv: return CacheSpec{"uv", {"/root/.cache/uv"}, {".cache", "uv"}};
      case PM::kNpm: return CacheSpec{"npm", {"/root/.npm"}, {".npm"}};
      case PM::kYarn: return CacheSpec{"yarn", {"/usr/local/share/.cache/yarn"}, {"yarn", ".cache"}};
      case PM::kPnpm: return CacheSpec{"pnpm", {"/root/.local/share/pnpm/store"}, {"pnpm"}};
      case PM::kYum: return CacheSpec{"yum", {"/var/cache/yum"}, {"/var/cache/yum"}};
      case PM::kDnf: case PM::kMicrodnf: return CacheSpec{"dnf", {"/var/cache/dnf"}, {"/var/cache/dnf", "libdnf5"}};
      case PM::kZypper: return CacheSpec{"zypper", {"/var/cache/zypp"}, {"zypp"}};
      case PM::kPoetry: return CacheSpec{"poetry", {"/root/.cache/pypoetry"}, {".cache", "pypoetry"}};
      case PM::kCargo: return CacheSpec{"cargo", {"/usr/local/cargo/registry"}, {"cargo", "registry"}};
      case PM::kGo: return CacheSpec{"go", {"/root/.cache/go-build", "/go/pkg/mod"}, {"go-build", "pkg/mod"}};
      default: break;
    }
  }
  if (c.name() == "go") {
    const shell::Word* sub = Subcommand(c, shell::OptionSyntaxFor(PM::kGo));
    if (WordIs(sub, {"build", "mod"}))
      return CacheSpec{"go", {"/root/.cache/go-build", "/go/pkg/mod"}, {"go-build", "pkg/mod"}};
  }
  if (c.name() == "cargo" && WordIs(Subcommand(c), {"build", "fetch"}))
    return CacheSpec{"cargo", {"/usr/local/cargo/registry"}, {"cargo", "registry"}};
  return std::nullopt;
}

bool UsesBuildKit(const dockerfile::Dockerfile& df) {
  if (df.FindDirective("syntax")) return true;
  for (const dockerfile::Instruction& ins : df.instructions) {
    if (!ins.heredocs.empty()) return true;
    for (const dockerfile::Flag& f : ins.flags)
      if (f.name == "mount" || f.name == "link" || f.name == "chmod" || f.name == "parents" ||
          f.name == "exclude" || f.name == "checksum" || f.name == "network" ||
          f.name == "security")
        return true;
  }
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  if (!UsesBuildKit(df)) return;
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    if (r->onbuild) continue;
    for (const Cmd& c : r->cmds) {
      std::optional<CacheSpec> spec = SpecFor(c);
      if (!spec) continue;
      bool has = false;
      for (std::string_view a : spec->accept) has = has || r->HasDiscardMount(a);
      if (has) break;
      std::string mounts;
      for (std::string_view t : spec->targets)
        mounts += " --mount=type=cache,target=" + std::string(t) +
                  (spec->tool == "apt" ? ",sharing=locked" : "");
      Emit(ctx, c.Range(c.inv().name_word()),
           std::string(spec->tool) +
               " downloads could be cached across builds with a BuildKit cache mount:" + mounts,
           MakeFix("Add a cache mount", Applicability::kDisplayOnly,
                   {Edit::Insert(r->ins->keyword_range.end, mounts)}));
      break;  // one suggestion per RUN
    }
  }
}

}  // namespace

extern constinit const Rule kCacheMountRecommended{
    .code = "DF098",
    .name = "cache-mount-recommended",
    .summary = "A package install in a BuildKit Dockerfile could use a cache mount",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .skips_onbuild = true,
    .aliases = {},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
In a Dockerfile that already relies on BuildKit (a `# syntax=` directive, `RUN --mount`,
`COPY --link`/`--chmod`, heredocs...), suggests a `--mount=type=cache` for `RUN`s that install
with apt, apk, pip, uv, poetry, npm, yarn, pnpm, yum, dnf, zypper, go or cargo and have no cache
mount for that tool yet.

## Why is this bad
Without a cache mount every rebuild of the step downloads everything again. A cache mount keeps
the downloads on the builder between builds and out of the image, so cleanup flags such as
`--no-cache-dir` become unnecessary.

## Example
```dockerfile
# syntax=docker/dockerfile:1
RUN pip install -r requirements.txt
```

## Use instead
```dockerfile
# syntax=docker/dockerfile:1
RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
```
For apt on Debian/Ubuntu images, also remove `/etc/apt/apt.conf.d/docker-clean`, which otherwise
deletes the cached packages after each install.

## Fix safety
Suggestion only: the right target depends on the user the step runs as, and on the tool's
configuration (`PIP_CACHE_DIR`, `npm_config_cache`...).

## References
- https://docs.docker.com/build/cache/optimize/#use-cache-mounts
- hadolint#1139 asks for this check
)md",
};

}  // namespace shipshape
