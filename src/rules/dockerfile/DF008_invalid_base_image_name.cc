// FROM whose image name is invalid once global ARG defaults are applied.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const rules::VarScope scope(df);
  for (const dockerfile::Stage& st : df.stages) {
    if (!st.from || st.base.empty() || st.parent) continue;
    rules::Expansion e = scope.Expand(st.base);
    if (!e.undefined.empty()) continue;  // DF007 reports undeclared ARGs.
    if (rules::IsValidImageReference(e.text)) continue;
    const bool uses_args = st.base.find('$') != std::string::npos;
    std::string msg;
    if (uses_args && e.text.empty())
      msg = "with the default ARG values, FROM " + st.base +
            " expands to an empty image name; give the ARG a default";
    else if (uses_args)
      msg = "with the default ARG values, FROM " + st.base + " expands to \"" + e.text +
            "\", which is not a valid image reference";
    else
      msg = "\"" + e.text + "\" is not a valid image reference (repository names are lower-case)";
    ctx.Report(st.base_range, std::move(msg));
  }
}

}  // namespace

extern constinit const Rule kInvalidBaseImageName{
    .code = "DF008",
    .name = "invalid-base-image-name",
    .summary = "FROM image name is empty or invalid with the default ARG values",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"buildkit", "InvalidDefaultArgInFrom"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Expands each `FROM` image with the global `ARG` defaults, as a build without `--build-arg` would,
and flags results that are empty or not a valid reference (`node:`, `MyImage`, `a//b`). A global
`ARG` without a default expands to the empty string.

## Why is this bad
The build fails unless every user remembers the right `--build-arg`. A default keeps
`docker build .` working and documents the expected value.

## Example
```dockerfile
ARG TAG
FROM alpine:${TAG}
```

## Use instead
```dockerfile
ARG TAG=3.20
FROM alpine:${TAG}
```

## Fix safety
No automatic fix: the right default is a human decision.

## References
- https://docs.docker.com/reference/build-checks/invalid-default-arg-in-from/
)md",
};

}  // namespace shipshape
