// A long-running service without a restart policy.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  // Swarm restarts every task by default (`deploy.restart_policy.condition: any`) and ignores
  // `restart:`; nothing is missing in a stack file.
  if (crules::FileRoleOf(f, ctx).role == compose::FileRole::kSwarmStack) return;
  for (const compose::Service& s : f.services) {
    if (s.source != 0 || crules::CannotJudgeMissing(f, s, ctx.file().path, {"restart", "deploy"}) || crules::SkipProductionOnly(f, s, ctx))
      continue;
    if (crules::InChain(f, s, [](const compose::Service& x) {
          return x.restart.present() || x.restart_policy_condition.present() ||
                 (x.deploy && x.deploy->Get("restart_policy"));
        }))
      continue;
    DiagnosticBuilder b = ctx.Report(s.name_range, "service `" + s.name + "` has no restart policy: after a crash or "
                                                   "a daemon restart it stays down");
    if (std::optional<Edit> e =
            crules::InsertIntoService(f, s, {{"restart", compose::edit::YamlValue::Str("unless-stopped")}}))
      b.WithFix("Add `restart: unless-stopped`", Applicability::kSafe, {*e});
  }
}

}  // namespace

extern constinit const Rule kRestartPolicyMissing{
    .code = "DC040",
    .name = "restart-policy-missing",
    .summary = "A long-running service has no restart policy",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  api:\n    image: myorg/api:1.4\n", .after = "services:\n  api:\n    image: myorg/api:1.4\n    restart: unless-stopped\n"},
    .docs = R"md(## What it does
Flags services with neither `restart:` nor `deploy.restart_policy` (here, in a merged anchor or
an `extends` base). Services that run once are skipped: those another service waits for with
`condition: service_completed_successfully`, and those with an explicit `restart: "no"`. So are
partial service definitions that another Compose file completes (override files, services
without `image`/`build`).

## Why is this bad
The default policy is `no`: a service that crashes, is OOM-killed, or runs on a host that
reboots stays down until someone notices. Most outages of "it worked yesterday" Compose stacks
are exactly this.

## Example
```yaml
services:
  api:
    image: myorg/api:1.4
```

## Use instead
```yaml
services:
  api:
    image: myorg/api:1.4
    restart: unless-stopped
```

## Fix safety
Safe: adds `restart: unless-stopped`, which restarts after failures and daemon restarts but
respects a manual `docker compose stop`. A service that is meant to exit should say so with
`restart: "no"`.

## References
- https://docs.docker.com/reference/compose-file/services/#restart
- https://docs.docker.com/engine/containers/start-containers-automatically/
)md",
};

}  // namespace shipshape
