// The final stage switches to root last.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const dockerfile::Stage* final_stage = df.final_stage();
  if (!final_stage) return;
  const dockerfile::Instruction* user =
      rules::LastInChain(df, *final_stage, dockerfile::Keyword::kUser);
  if (!user || user->args.empty()) return;
  const dockerfile::Stage* owner = rules::StageOf(df, user);
  if (!owner) return;
  const std::string& raw = user->args[0].value;
  rules::VarScope scope = rules::ScopeBefore(df, *owner, user);
  // A user supplied by a build ARG is whatever the builder passes: not root by default.
  for (const std::string& name : scope.Names())
    if (scope.IsArg(name) && !rules::VariableRefs(raw, {0, static_cast<uint32_t>(raw.size())}, name,
                                                  df.escape)
                                  .empty())
      return;
  rules::Expansion e = scope.Expand(raw);
  if (!e.complete) return;
  std::string_view u = e.text;
  u = u.substr(0, u.find(':'));
  if (u != "root" && u != "0") return;
  ctx.Report(user->range, "the final stage runs as root (USER " + e.text +
                              " is the last USER); switch to an unprivileged user at the end");
}

}  // namespace

extern constinit const Rule kRootFinalUser{
    .code = "DF010",
    .name = "root-final-user",
    .summary = "The last USER of the final stage is root",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3002"}, {"trivy", "DS-0002"}, {"checkov", "CKV_DOCKER_8"},
                {"kics", "Last User Is 'root'"}, {"cis", "4.1"}, {"parfum", "DL3002"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags the final stage when its last `USER` (looking through stages it builds `FROM`) is `root` or
`0`. Only the final stage matters: intermediate build stages do not ship. `USER root` followed by
`USER app` later is fine, and so is a user taken from a build `ARG`.

## Differences from hadolint
hadolint DL3002 also reports a `USER root` left at the end of a stage that the final image does
not build on (a `FROM debian AS base` whose last `USER` is root, followed by an unrelated
`FROM scratch`). Only the final stage's user runs the container, so shipshape checks that stage
and the stages it builds `FROM`.

## Why is this bad
A process running as root in a container is root on the host's kernel: one exploitable bug or
mis-mounted volume away from a host compromise. CIS Docker Benchmark 4.1 requires a non-root user.

## Example
```dockerfile
FROM debian:12
RUN useradd -r app
USER root
CMD ["/usr/bin/app"]
```

## Use instead
```dockerfile
FROM debian:12
RUN useradd -r app
USER app
CMD ["/usr/bin/app"]
```

## Fix safety
No automatic fix: the user must exist in the image and own the files the process needs.

## References
- https://docs.docker.com/build/building/best-practices/#user
- hadolint DL3002, Trivy DS-0002, Checkov CKV_DOCKER_8, CIS Docker Benchmark 4.1
)md",
};

}  // namespace shipshape
