// A stage named `scratch` or `context`.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    if (st.name != "scratch" && st.name != "context") continue;
    ctx.Report(st.name_range, "\"" + st.name + "\" is a reserved name and cannot name a stage");
  }
}

}  // namespace

extern constinit const Rule kReservedStageName{
    .code = "DF034",
    .name = "reserved-stage-name",
    .summary = "A stage uses a reserved name",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3063"}, {"buildkit", "ReservedStageName"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags stages named `scratch` or `context`.

## Why is this bad
`scratch` is the empty base image and `context` is the build context in `COPY --from` and
`RUN --mount=from=`; a stage with either name makes references ambiguous, and BuildKit rejects
or misinterprets them.

## Example
```dockerfile
FROM alpine:3.20 AS scratch
```

## Use instead
```dockerfile
FROM alpine:3.20 AS base
```

## Fix safety
No automatic fix: references to the stage must be renamed with it.

## References
- https://docs.docker.com/reference/build-checks/reserved-stage-name/
- hadolint DL3063
)md",
};

}  // namespace shipshape
