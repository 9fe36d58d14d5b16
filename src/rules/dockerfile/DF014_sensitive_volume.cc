// VOLUME on a kernel file system.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    rules::VarScope scope(df, st);
    for (const dockerfile::Instruction* ins : st.instructions) {
      scope.Apply(*ins);
      if (ins->kind != dockerfile::Keyword::kVolume) continue;
      for (const dockerfile::Arg& a : ins->args) {
        std::string p = scope.Expand(a.value).text;
        while (p.size() > 1 && p.back() == '/') p.pop_back();
        for (std::string_view d : {"/proc", "/sys", "/dev", "/boot"}) {
          if (p.substr(0, d.size()) != d || (p.size() > d.size() && p[d.size()] != '/')) continue;
          ctx.Report(a.range, "VOLUME " + p + " declares a volume over " + std::string(d) +
                                  ", a kernel file system the runtime mounts itself");
          break;
        }
      }
    }
  }
}

}  // namespace

extern constinit const Rule kSensitiveVolume{
    .code = "DF014",
    .name = "sensitive-volume",
    .summary = "VOLUME declared on /proc, /sys, /dev or /boot",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"dockle", "DKL-DI-0002"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `VOLUME` paths (after variable expansion) at or under `/proc`, `/sys`, `/dev` or `/boot`.

## Why is this bad
A volume there either shadows the kernel interfaces the runtime mounts (breaking tools that read
`/proc`), or, when someone binds the host directory to satisfy the volume, hands the container
the host's kernel or device tree.

## Example
```dockerfile
FROM alpine:3.20
VOLUME /sys/fs/cgroup
```

## Use instead
Remove the `VOLUME`; if the application truly needs host devices, grant exactly those at run time
(`--device`), reviewed.

## Fix safety
No automatic fix.

## References
- dockle DKL-DI-0002
)md",
};

}  // namespace shipshape
