// WORKDIR inside a kernel or boot file system.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

bool UnderSystemDir(std::string_view p, std::string_view* which) {
  static const std::string_view kDirs[] = {"/proc", "/sys", "/dev", "/boot", "/initrd",
                                           "/lost+found"};
  for (std::string_view d : kDirs) {
    if (p.substr(0, d.size()) == d && (p.size() == d.size() || p[d.size()] == '/')) {
      *which = d;
      return true;
    }
  }
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    rules::VarScope scope(df, st);
    for (const dockerfile::Instruction* ins : st.instructions) {
      scope.Apply(*ins);
      if (ins->kind != dockerfile::Keyword::kWorkdir || ins->args.empty()) continue;
      rules::Expansion e = scope.Expand(ins->args[0].value);
      std::string_view which;
      if (!UnderSystemDir(e.text, &which)) continue;
      ctx.Report(ins->args[0].range, "WORKDIR " + e.text + " is inside " + std::string(which) +
                                         ", a kernel or boot file system; use an application "
                                         "directory such as /app");
    }
  }
}

}  // namespace

extern constinit const Rule kWorkdirInSystemDir{
    .code = "DF013",
    .name = "workdir-in-system-dir",
    .summary = "WORKDIR points into /proc, /sys, /dev, /boot or similar",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"trivy", "DS-0030"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `WORKDIR` paths (after variable expansion) under `/proc`, `/sys`, `/dev`, `/boot`,
`/initrd` or `/lost+found`.

## Why is this bad
At run time these directories are kernel pseudo-file systems or belong to the host boot process.
Files written there during the build are hidden by the runtime mounts, and an application that
works inside them touches kernel interfaces it should never see.

## Example
```dockerfile
FROM alpine:3.20
WORKDIR /proc/app
```

## Use instead
```dockerfile
FROM alpine:3.20
WORKDIR /app
```

## Fix safety
No automatic fix: other instructions depend on the directory.

## References
- Trivy DS-0030
)md",
};

}  // namespace shipshape
