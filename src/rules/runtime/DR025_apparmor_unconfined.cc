// AppArmor confinement disabled.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  bool reported = false;
  for (size_t i = 0; i < c.security_opt.size(); ++i) {
    const std::string& opt = c.security_opt[i];
    if (opt != "apparmor=unconfined" && opt != "apparmor:unconfined") continue;
    reported = true;
    runtime::ReportAt(ctx, c, "/HostConfig/SecurityOpt/" + std::to_string(i),
                      "AppArmor confinement is disabled (" + runtime::Quote(opt) +
                          "): the container runs without the `docker-default` profile",
                      {.run = "recreate it without `--security-opt apparmor=unconfined`",
                       .compose = "remove `apparmor:unconfined` from `security_opt`"});
  }
  // A privileged container is always unconfined; DR004 says so already. An empty profile means the
  // host has no AppArmor (e.g. SELinux distributions), which is not this container's doing.
  if (!reported && !c.privileged && c.apparmor_profile == "unconfined") {
    runtime::ReportAt(ctx, c, "/AppArmorProfile",
                      "AppArmor confinement is disabled (`AppArmorProfile` is `unconfined`)",
                      {.run = "recreate it with the `docker-default` profile",
                       .compose = "remove `apparmor:unconfined` from `security_opt`"});
  }
}

}  // namespace

extern constinit const Rule kApparmorUnconfined{
    .code = "DR025",
    .name = "apparmor-unconfined",
    .summary = "AppArmor confinement disabled",
    .target = Target::kRuntime,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.2"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags `apparmor=unconfined` (or `apparmor:unconfined`) in `HostConfig.SecurityOpt`, and a
top-level `AppArmorProfile` of `unconfined` on a container that is not privileged.

## Why is this bad
On AppArmor hosts (Debian, Ubuntu, SUSE) Docker confines every container with the
`docker-default` profile, which denies writes to `/proc` and `/sys` files and mounts that escapes
rely on. Unconfined containers lose that layer. CIS Docker Benchmark 5.2.

An empty `AppArmorProfile` means the host has no AppArmor (SELinux distributions use
`label=...` options instead) and is not flagged; privileged containers are DR004.

## Example
```json
"AppArmorProfile": "unconfined",
"HostConfig": {
    "SecurityOpt": ["apparmor=unconfined"]
}
```

## Use instead
```json
"AppArmorProfile": "docker-default",
"HostConfig": {
    "SecurityOpt": null
}
```

## Fix safety
No automatic fix: the running container is not edited.

## References
- CIS Docker Benchmark v1.6.0, 5.2 (5.1 in v1.5.0)
- https://docs.docker.com/engine/security/apparmor/
)md",
};

}  // namespace shipshape
