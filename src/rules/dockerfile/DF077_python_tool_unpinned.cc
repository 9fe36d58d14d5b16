// pipx install / uv tool install without a version.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

bool Pinned(std::string_view v) {
  return v.find_first_of("=<>@/") != std::string_view::npos || v.find("~=") != std::string_view::npos ||
         v.ends_with(".whl") || v.ends_with(".tar.gz") || v == ".";
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  const shell::OptionSyntax& pip = shell::OptionSyntaxFor(shell::PackageManager::kPip);
  const shell::OptionSyntax& pipx = shell::OptionSyntaxFor(shell::PackageManager::kPipx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      std::vector<const shell::Word*> pos;
      std::string tool;
      if (c.name() == "pipx") {
        pos = shell::Positionals(c.args(), pipx);
        if (pos.empty() || !pos[0]->Is("install") ||
            shell::HasFlag(c.args(), 0, {"spec"}, pipx))
          continue;
        pos.erase(pos.begin());
        tool = "pipx install";
      } else if (c.name() == "uv") {
        pos = shell::Positionals(c.args(), pip);
        if (pos.size() < 2 || !pos[0]->Is("tool") || !WordIs(pos[1], {"install", "run"})) continue;
        if (pos[1]->Is("run") || shell::HasFlag(c.args(), 0, {"from"}, pip)) continue;
        pos.erase(pos.begin(), pos.begin() + 2);
        tool = "uv tool install";
      } else {
        continue;
      }
      for (const shell::Word* w : pos) {
        if (!w->IsStatic() || Pinned(w->value())) continue;
        Emit(ctx, c.Range(*w),
             tool + " " + std::string(w->value()) + " without a version; use `" +
                 std::string(w->value()) + "==X.Y.Z`");
      }
    }
  }
}

}  // namespace

extern constinit const Rule kPythonToolUnpinned{
    .code = "DF077",
    .name = "python-tool-unpinned",
    .summary = "pipx or uv tool install without a version",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `pipx install NAME` and `uv tool install NAME` when NAME has no version (`==`, `>=`,
`@`...). Paths, wheels, `--spec` and `--from` installs are not flagged. (`pip install` and
`uv pip install` are covered by DF064.)

## Why is this bad
Without a version, a rebuild installs whatever was released last.

## Example
```dockerfile
RUN pipx install poetry
```

## Use instead
```dockerfile
RUN pipx install poetry==1.8.3
```

## Fix safety
No fix.

## References
- https://pipx.pypa.io/stable/
- https://docs.astral.sh/uv/concepts/tools/
)md",
};

}  // namespace shipshape
