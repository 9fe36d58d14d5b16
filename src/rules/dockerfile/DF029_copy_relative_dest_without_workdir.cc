// COPY/ADD to a relative destination while the working directory is the base image's.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    if (rules::LooksWindows(df, st)) continue;
    std::vector<const dockerfile::Stage*> chain = rules::StageChain(df, st);
    // scratch starts in "/", so a relative destination is well defined there.
    if (rules::IsScratch(chain.front()->base_resolved)) continue;
    bool workdir = false;
    for (size_t i = 0; i + 1 < chain.size(); ++i)
      workdir |= rules::LastOf(*chain[i], dockerfile::Keyword::kWorkdir) != nullptr;
    rules::VarScope scope(df, st);
    for (const dockerfile::Instruction* ins : st.instructions) {
      scope.Apply(*ins);
      if (ins->kind == dockerfile::Keyword::kWorkdir) workdir = true;
      if (workdir) break;
      if ((ins->kind != dockerfile::Keyword::kCopy && ins->kind != dockerfile::Keyword::kAdd) ||
          ins->args.size() < 2)
        continue;
      const dockerfile::Arg& dest = ins->args.back();
      rules::Expansion e = scope.Expand(dest.value);
      if (!e.complete || e.text.empty() || rules::IsAbsolutePath(e.text)) continue;
      ctx.Report(dest.range, Upper(ins->keyword) + " destination " + e.text +
                                 " is relative, and no WORKDIR is set: it lands wherever the base "
                                 "image's working directory happens to be")
          .WithFix("Set WORKDIR to an absolute path first, or use an absolute destination",
                   Applicability::kDisplayOnly, {});
    }
  }
}

}  // namespace

extern constinit const Rule kCopyRelativeDestWithoutWorkdir{
    .code = "DF029",
    .name = "copy-relative-dest-without-workdir",
    .summary = "COPY to a relative destination before any WORKDIR",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3045"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `COPY` and `ADD` with a relative destination (`.`, `app/`) when no `WORKDIR` was set before
it in the stage or in a stage it builds `FROM`. Stages built on `scratch` (working directory
`/`) and Windows images are skipped; destinations from unknown variables are skipped.

## Differences from hadolint
hadolint DL3045 also checks Windows images (`FROM microsoft/windowsservercore` with
`COPY foo bar`). shipshape skips them: their working directory and drive-relative paths are not
modelled.

## Why is this bad
The files land in the base image's working directory: `/` for most images, `/go` for golang,
`/usr/src/app` for some others. A base image update can move them, and readers cannot tell where
they go.

## Example
```dockerfile
FROM python:3.12
COPY requirements.txt .
```

## Use instead
```dockerfile
FROM python:3.12
WORKDIR /app
COPY requirements.txt .
```

## Fix safety
No automatic fix: choosing the directory is a design decision.

## References
- https://docs.docker.com/reference/dockerfile/#workdir
- hadolint DL3045
)md",
};

}  // namespace shipshape
