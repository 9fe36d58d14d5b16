// uv / poetry keeping their download caches in the layer.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

bool ClearsCache(const Cmd& c, std::string_view tool) {
  if (c.name() == tool) {
    std::vector<const shell::Word*> pos = shell::Positionals(c.args());
    return pos.size() >= 2 && pos[0]->Is("cache") && WordIs(pos[1], {"clean", "clear"});
  }
  if (c.name() != "rm") return false;
  for (std::string_view dir : {"/root/.cache", "~/.cache", "$HOME/.cache", "${HOME}/.cache",
                               "$UV_CACHE_DIR", "${UV_CACHE_DIR}", "$POETRY_CACHE_DIR",
                               "${POETRY_CACHE_DIR}"})
    if (shell::RemovesPath(c.inv(), dir)) return true;
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  const shell::OptionSyntax& syn = shell::OptionSyntaxFor(shell::PackageManager::kPip);
  for (const auto& r : an.runs()) {
    if (!r->onbuild && (r->stage == nullptr || !an.InFinalImage(*r->stage))) continue;
    if (r->HasDiscardMount(".cache") || r->HasDiscardMount("uv") ||
        r->HasDiscardMount("pypoetry"))
      continue;
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      const shell::Word* sub = nullptr;
      Applicability a = Applicability::kSafe;
      if (c.name() == "uv") {
        if (auto v = an.EnvAt(r->ins, "UV_NO_CACHE"); v && Truthy(*v)) continue;
        if (auto v = AssignedIn(c, "UV_NO_CACHE"); v && Truthy(*v)) continue;
        std::vector<const shell::Word*> pos = shell::Positionals(c.args(), syn);
        if (pos.size() >= 2 && pos[0]->Is("pip") && WordIs(pos[1], {"install", "sync"})) sub = pos[1];
        else if (pos.size() >= 2 && pos[0]->Is("tool") && pos[1]->Is("install")) sub = pos[1];
        else if (!pos.empty() && WordIs(pos[0], {"sync", "add"})) sub = pos[0];
        if (!sub || shell::HasFlag(c.args(), 'n', {"no-cache", "cache-dir"}, syn)) continue;
      } else if (c.name() == "poetry") {
        std::vector<const shell::Word*> pos = shell::Positionals(
            c.args(), shell::OptionSyntaxFor(shell::PackageManager::kPoetry));
        if (pos.empty() || !WordIs(pos[0], {"install", "add", "update"})) continue;
        sub = pos[0];
        if (shell::HasFlag(c.args(), 0, {"no-cache"})) continue;
        if (an.EnvAt(r->ins, "POETRY_CACHE_DIR") && r->AnyAfter(i, [](const Cmd& x) {
              return x.name() == "rm";
            }))
          continue;
        a = Applicability::kUnsafe;  // --no-cache needs Poetry >= 1.2
      } else {
        continue;
      }
      std::string tool(c.name());
      if (r->AnyAfter(i, [&](const Cmd& x) { return ClearsCache(x, tool); })) continue;
      Emit(ctx, NameToSubcommand(c, sub),
           tool + " keeps downloaded packages in ~/.cache; add --no-cache or use a cache mount",
           MakeFix("Add --no-cache", a, {InsertAfter(c, *sub, "--no-cache")}));
    }
  }
}

}  // namespace

extern constinit const Rule kPythonInstallerCacheKept{
    .code = "DF078",
    .name = "python-installer-cache-kept",
    .summary = "uv or poetry keeps its download cache in the image layer",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM python:3.12\nRUN uv pip install --system -r requirements.txt\n", .after = "FROM python:3.12\nRUN uv pip install --no-cache --system -r requirements.txt\n"},
    .docs = R"md(## What it does
Flags `uv pip install`, `uv sync`, `uv add`, `uv tool install` and `poetry install`/`add`/
`update` without `--no-cache`. Not flagged: `UV_NO_CACHE` set, an explicit `--cache-dir`, a
later `uv cache clean` or `rm` of `~/.cache` (or `$POETRY_CACHE_DIR`), a cache/tmpfs mount on
`~/.cache` or the tool's cache, and stages whose filesystem does not reach the final image.

## Why is this bad
Both tools keep every downloaded wheel under `~/.cache/uv` or `~/.cache/pypoetry`; in an image
that is dead weight as large as the environment itself.

## Example
```dockerfile
RUN uv pip install --system -r requirements.txt
```

## Use instead
```dockerfile
RUN uv pip install --no-cache --system -r requirements.txt
```
or `RUN --mount=type=cache,target=/root/.cache/uv uv pip install --system -r requirements.txt`.

## Fix safety
Inserts `--no-cache` after the subcommand: safe for uv; unsafe for Poetry, whose `--no-cache`
option needs Poetry 1.2 or later.

## References
- https://docs.astral.sh/uv/concepts/cache/
- https://python-poetry.org/docs/cli/#global-options
)md",
};

}  // namespace shipshape
