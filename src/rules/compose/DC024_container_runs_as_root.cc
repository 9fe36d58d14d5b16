// `user: root` / `user: 0`.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    const compose::Value& v = s.user;
    if (!v.present() || v.source != 0 || !v.known) continue;
    std::string u = Lower(v.text);
    u = u.substr(0, u.find(':'));
    if (u != "root" && u != "0") continue;
    once.Report(ctx, f, &s, v.range,
                "service `" + s.name + "` explicitly runs as root (`user: " + v.text +
                    "`): a compromise of the process is root in the container");
  }
}

}  // namespace

extern constinit const Rule kContainerRunsAsRoot{
    .code = "DC024",
    .name = "container-runs-as-root",
    .summary = "`user: root` or `user: 0`",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "4.1"}},
    .check_compose = Check,
    .docs = R"md(## What it does
Flags a service `user:` of `root` or `0` (with any group: `0:0`, `root:docker`).

## Why is this bad
The image author may have chosen a non-root user; this overrides it. Root in a container shares
UID 0 with the host: a kernel bug or a writable host mount turns a compromise into host root.
CIS Docker Benchmark 4.1 asks for a non-root user.

## Example
```yaml
services:
  app:
    image: myorg/app:2.0
    user: root
```

## Use instead
```yaml
services:
  app:
    image: myorg/app:2.0
    user: "10001:10001"
```

## Fix safety
No automatic fix: the right UID depends on file ownership in the image and the volumes.

## References
- https://docs.docker.com/reference/compose-file/services/#user
- CIS Docker Benchmark v1.6.0, 4.1
)md",
};

}  // namespace shipshape
