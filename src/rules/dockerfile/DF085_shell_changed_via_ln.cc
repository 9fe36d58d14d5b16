// The default shell replaced with ln in RUN.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      // Exec form runs without a shell: typically the step that creates /bin/sh in an image
      // that has none, which SHELL could not do.
      if (c.name() != "ln" || c.seg->kind == Segment::Kind::kExecForm) continue;
      std::vector<const shell::Word*> pos = shell::Positionals(c.args(), {"St", {}});
      if (pos.size() < 2) continue;
      std::string_view dest = pos.back()->value();
      if (dest != "/bin/sh" && dest != "/usr/bin/sh") continue;
      Emit(ctx, c.Range(),
           "the default shell is replaced with ln; use the SHELL instruction so the change is "
           "explicit and does not break the base image's scripts");
    }
  }
}

}  // namespace

extern constinit const Rule kShellChangedViaLn{
    .code = "DF085",
    .name = "shell-changed-via-ln",
    .summary = "/bin/sh is relinked in RUN instead of using SHELL",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL4005"}, {"kics", "Changing Default Shell Using RUN Command"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `ln ... /bin/sh` in `RUN`.

## Why is this bad
Relinking `/bin/sh` changes the shell for every script in the image, including the base image's
maintainer scripts that expect the original shell. `SHELL` changes only what the Dockerfile's own
shell-form instructions use, and says so where readers look.

## Example
```dockerfile
RUN ln -sf /bin/bash /bin/sh
```

## Use instead
```dockerfile
SHELL ["/bin/bash", "-c"]
```

## Fix safety
No fix: the two are not equivalent for programs inside the image.

## References
- https://docs.docker.com/reference/dockerfile/#shell
- hadolint DL4005
)md",
};

}  // namespace shipshape
