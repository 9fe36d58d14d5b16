// No healthcheck.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  if (c.has_healthcheck) return;
  const bool disabled = !c.healthcheck_test.empty() && c.healthcheck_test[0] == "NONE";
  runtime::ReportAt(
      ctx, c, disabled ? "/Config/Healthcheck/Test" : "/Config/Healthcheck",
      std::string(disabled ? "the healthcheck is disabled (`NONE`)" : "no healthcheck") +
          ": the engine cannot tell a hung process from a working one, and dependants cannot "
          "wait for it to be ready",
      {.run = "recreate it with `--health-cmd` (or add HEALTHCHECK to the image)",
       .compose = "add a `healthcheck:`"});
}

}  // namespace

extern constinit const Rule kNoHealthcheck{
    .code = "DR011",
    .name = "no-healthcheck",
    .summary = "Container has no healthcheck",
    .target = Target::kRuntime,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.27"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container whose `Config.Healthcheck` is absent or has the test `["NONE"]`. The
container's `Config` already merges the image's `HEALTHCHECK`.

## Why is this bad
Without a healthcheck the engine only knows whether the main process exists. A deadlocked server
stays "running", `depends_on: condition: service_healthy` cannot be used, and orchestration and
monitoring see nothing. CIS Docker Benchmark 5.27 (and 4.6 for images). A container that has a
healthcheck and fails it is DR012.

## Example
```json
"Config": {
    "Image": "nginx:1.27"
}
```

## Use instead
```json
"Config": {
    "Image": "nginx:1.27",
    "Healthcheck": {
        "Test": ["CMD", "curl", "-fsS", "http://localhost/"],
        "Interval": 30000000000
    }
}
```

## Fix safety
No automatic fix: the running container is not edited, and a good check command depends on the
application.

## References
- CIS Docker Benchmark v1.6.0, 5.27 (5.26 in v1.5.0)
- https://docs.docker.com/reference/dockerfile/#healthcheck
- https://docs.docker.com/reference/compose-file/services/#healthcheck
)md",
};

}  // namespace shipshape
