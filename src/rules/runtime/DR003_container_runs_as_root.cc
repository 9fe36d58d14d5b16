// The container's processes run as root.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

// Config.User is "user", "uid", "user:group" or "uid:gid"; the image's USER is already merged in.
bool IsRoot(std::string_view user) {
  std::string_view who = user.substr(0, user.find(':'));
  return who.empty() || who == "root" || who == "0";
}

void Check(const runtime::Container& c, RuleContext& ctx) {
  if (!IsRoot(c.user)) return;
  std::string problem = c.user.empty() ? "the container runs as root: no user is set here or in "
                                         "the image (`Config.User` is empty)"
                                       : "the container runs as root (`Config.User` is " +
                                             runtime::Quote(c.user) + ")";
  runtime::ReportAt(ctx, c, "/Config/User", std::move(problem),
                    {.run = "recreate it with `--user 10001:10001` (or set USER in the image)",
                     .compose = "set `user: \"10001:10001\"` (a non-root UID:GID)"});
}

}  // namespace

extern constinit const Rule kRuntimeContainerRunsAsRoot{
    .code = "DR003",
    .name = "running-container-runs-as-root",
    .summary = "Container processes run as root",
    .target = Target::kRuntime,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "4.1"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a container whose `Config.User` is empty, `root` or UID `0` (with any group). The
container's `Config` already merges the image's `USER`, so an empty value means neither the image
nor the run command chose a user.

## Why is this bad
Root in a container is root on the host's kernel, limited only by capabilities, seccomp and
namespaces. A process escape, a writable host mount or a kernel bug then hands over the host.
Running as an unprivileged UID removes most of that. CIS Docker Benchmark 4.1.

Not visible here: engine-wide user-namespace remapping (`userns-remap`), which maps container root
to an unprivileged host UID; with it in place this finding can be ignored.

## Example
```json
"Config": {
    "User": ""
}
```

## Use instead
```json
"Config": {
    "User": "10001:10001"
}
```
Compose: `user: "10001:10001"`; `docker run --user 10001:10001`; or `USER` in the Dockerfile.

## Fix safety
No automatic fix: the running container is not edited, and a new user may lack permissions on
files and volumes.

## References
- CIS Docker Benchmark v1.6.0, 4.1
- https://docs.docker.com/reference/cli/docker/container/run/#user
)md",
};

}  // namespace shipshape
