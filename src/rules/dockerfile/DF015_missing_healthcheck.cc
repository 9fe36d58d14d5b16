// A service image with no HEALTHCHECK.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const dockerfile::Stage* st = df.final_stage();
  if (!st || !st->from) return;
  // Inherited from an earlier stage, or explicitly disabled with HEALTHCHECK NONE: both decided.
  if (rules::LastInChain(df, *st, dockerfile::Keyword::kHealthcheck)) return;
  if (!rules::LooksLikeService(df, *st)) return;
  const dockerfile::Stage& root = rules::RootStage(df, *st);
  // An unknown base (ARG without default, named build context) may define its own.
  if (!rules::IsScratch(root.base_resolved) && !rules::ExternalBase(df, root)) return;
  ctx.Report(st->base_range, "the final stage runs a service but defines no HEALTHCHECK; the "
                             "runtime cannot tell a hung process from a healthy one");
}

}  // namespace

extern const Rule kMissingHealthcheck{
    .code = "DF015",
    .name = "missing-healthcheck",
    .summary = "A service image has no HEALTHCHECK",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3057"}, {"trivy", "DS-0026"}, {"checkov", "CKV_DOCKER_2"},
                {"kics", "Healthcheck Instruction Missing"}, {"dockle", "CIS-DI-0006"},
                {"cis", "4.6"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags the final stage of an image that looks like a long-running service (it `EXPOSE`s a port,
its `CMD`/`ENTRYPOINT` is something other than an interactive shell or REPL, or it builds on a
server image such as nginx) when neither it nor a stage it builds `FROM` has a `HEALTHCHECK`.
`HEALTHCHECK NONE` counts as a deliberate decision. Builder stages are never judged.

## Why is this bad
Without a health check, Docker, Swarm and Compose only know whether the process exists. A
deadlocked server stays "running" forever, `depends_on: condition: service_healthy` cannot work,
and rolling updates cannot wait for the new container to be ready. CIS Docker Benchmark 4.6 asks
for one.

## Example
```dockerfile
FROM nginx:1.27
COPY site/ /usr/share/nginx/html/
```

## Use instead
```dockerfile
FROM nginx:1.27
COPY site/ /usr/share/nginx/html/
HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost/ || exit 1
```

## Fix safety
No automatic fix: a useful probe depends on the service (and on the tools present in the image).
If the orchestrator defines the probe (Kubernetes, a Compose `healthcheck:`), suppress the rule.

## References
- https://docs.docker.com/reference/dockerfile/#healthcheck
- CIS Docker Benchmark 4.6, Checkov CKV_DOCKER_2, Trivy DS-0026
)md",
    .cases = {Bad("FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n"),
              Bad("FROM python:3.12\nEXPOSE 8000\nCMD [\"gunicorn\", \"app:app\"]\n"),
              Good("FROM python:3.12\nEXPOSE 8000\nHEALTHCHECK CMD curl -f http://localhost:8000/\n"),
              Good("FROM python:3.12 AS base\nHEALTHCHECK NONE\nFROM base\nEXPOSE 8000\n"),
              Good("FROM debian:12\nCMD [\"bash\"]\n"),
              Good("FROM golang:1.23 AS build\nEXPOSE 80\nFROM alpine:3.20\nCOPY --from=build /x /x\n")},
};

}  // namespace shipshape
