// pip install keeping its download cache.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

bool IsPipName(std::string_view n) {
  if (!n.starts_with("pip")) return false;
  for (char c : n.substr(3))
    if (!((c >= '0' && c <= '9') || c == '.')) return false;
  return true;
}

bool ClearsPipCache(const Cmd& c) {
  if (c.name() == "rm") {
    for (std::string_view dir : {"/root/.cache", "~/.cache", "$HOME/.cache", "${HOME}/.cache"})
      if (shell::RemovesPath(c.inv(), dir)) return true;
    return false;
  }
  // pip cache purge / python -m pip cache purge
  if (IsPipName(c.name())) return shell::IsCacheCleanup(c.inv());
  if (c.name().starts_with("python")) {
    bool pip = false, cache = false, purge = false;
    for (const shell::Word& w : c.args()) {
      pip |= IsPipName(w.value());
      cache |= w.Is("cache");
      purge |= w.Is("purge") || w.Is("remove");
    }
    return pip && cache && purge;
  }
  return false;
}

/// pip reads PIP_NO_CACHE_DIR as a boolean: `0`, `off`, `no` and `false` (any case, quoted or
/// not) keep the cache; any other non-empty value disables it.
bool DisablesCache(const std::optional<std::string>& v) {
  if (!v) return false;
  const std::string_view s = Unquote(*v);
  return !s.empty() && !Falsy(s);
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    if (!r->onbuild && (r->stage == nullptr || !an.InFinalImage(*r->stage))) continue;
    // A cache mount on ~/.cache (or ~/.cache/pip) keeps the cache out of the layer.
    if (r->HasDiscardMount(".cache")) continue;
    // ENV/ARG value, until the RUN assigns or exports its own.
    bool disabled = DisablesCache(an.EnvAt(r->ins, "PIP_NO_CACHE_DIR"));
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      if (auto v = AssignedIn(c, "PIP_NO_CACHE_DIR")) disabled = DisablesCache(v);
      auto pi = InstallOf(c, {shell::PackageManager::kPip});
      if (!pi || !pi->subcommand || disabled) continue;
      if (pi->HasFlag(0, {"no-cache-dir", "cache-dir"})) continue;
      if (r->AnyAfter(i, ClearsPipCache)) continue;
      Emit(ctx, NameToSubcommand(c, pi->subcommand),
           "pip install keeps downloaded packages in ~/.cache/pip; add --no-cache-dir",
           MakeFix("Add --no-cache-dir", Applicability::kSafe,
                   {InsertAfter(c, *pi->subcommand, "--no-cache-dir")}));
    }
  }
}

}  // namespace

extern constinit const Rule kPipInstallWithoutNoCacheDir{
    .code = "DF063",
    .name = "pip-install-without-no-cache-dir",
    .summary = "pip install keeps its download cache in the image layer",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {{"hadolint", "DL3042"}, {"kics", "Pip install Keeping Cached Packages"},
                {"parfum", "pipUseNoCacheDir"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM python:3.12\nRUN pip install -r requirements.txt\n", .after = "FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n"},
    .docs = R"md(## What it does
Flags `pip install` (also `pip3`, `python -m pip`) without `--no-cache-dir`. Not flagged:
`PIP_NO_CACHE_DIR` set to a true value by `ENV`/`ARG` in the stage (or a stage it builds on) or
in the `RUN` itself (`PIP_NO_CACHE_DIR=1 pip ...`, `export PIP_NO_CACHE_DIR=1`), an explicit `--cache-dir`, `pip cache purge` or an `rm` of `~/.cache` later in the `RUN`,
a `--mount=type=cache|tmpfs` on `~/.cache` or `~/.cache/pip`, and stages whose filesystem does
not reach the final image. pip reads the variable as a boolean: `0`, `off`, `no` and `false`
keep the cache, so they are flagged like no setting at all.

## Why is this bad
pip stores every wheel it downloads or builds under `~/.cache/pip`. In an image that cache is
dead weight, often as large as the installed packages themselves.

## Example
```dockerfile
RUN pip install -r requirements.txt
```

## Use instead
```dockerfile
RUN pip install --no-cache-dir -r requirements.txt
```
or `RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt`.

## Fix safety
Safe: inserts `--no-cache-dir` after `install`.

## References
- https://pip.pypa.io/en/stable/topics/caching/
- hadolint DL3042
)md",
};

}  // namespace shipshape
