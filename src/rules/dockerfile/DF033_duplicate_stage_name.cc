// Two stages with the same name.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    if (st.name.empty()) continue;
    for (const dockerfile::Stage& prev : df.stages) {
      if (prev.index >= st.index) break;
      if (prev.name != st.name) continue;
      ctx.Report(st.name_range, "stage name \"" + st.name + "\" is already used by stage " +
                                    std::to_string(prev.index) +
                                    "; references to it become ambiguous");
      break;
    }
  }
}

}  // namespace

extern constinit const Rule kDuplicateStageName{
    .code = "DF033",
    .name = "duplicate-stage-name",
    .summary = "Two stages share a name",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3024"}, {"buildkit", "DuplicateStageName"}, {"trivy", "DS-0012"},
                {"checkov", "CKV_DOCKER_11"}, {"kics", "Same Alias In Different Froms"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags a `FROM ... AS <name>` whose name (compared case-insensitively, as Docker does) was already
given to an earlier stage.

## Why is this bad
`COPY --from=<name>`, `FROM <name>` and `--target <name>` then refer to an unspecified one of the
stages; BuildKit documents the behaviour as undefined.

## Example
```dockerfile
FROM node:22 AS build
FROM golang:1.23 AS build
```

## Use instead
```dockerfile
FROM node:22 AS build-web
FROM golang:1.23 AS build-api
```

## Fix safety
No automatic fix: which references belong to which stage needs a human.

## References
- https://docs.docker.com/reference/build-checks/duplicate-stage-name/
- hadolint DL3024
)md",
};

}  // namespace shipshape
