// No PIDs limit: a fork bomb in one container exhausts the host's process table.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

using compose::edit::YamlValue;

constexpr std::string_view kDefault = "1024";

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  const bool swarm = crules::FileRoleOf(f, ctx).role == compose::FileRole::kSwarmStack;
  for (const compose::Service& s : f.services) {
    if (s.source != 0 || crules::CannotJudgeMissing(f, s, ctx.file().path, {"pids_limit", "deploy"}) || crules::SkipProductionOnly(f, s, ctx))
      continue;
    bool unlimited = false;
    const bool limited = crules::InChain(f, s, [&](const compose::Service& x) {
      for (const compose::Value* v : {&x.pids_limit, &x.limits_pids}) {
        if (!v->present()) continue;
        std::optional<int64_t> n = v->AsInt();
        if (v->known && n && *n <= 0) {
          unlimited = true;
          return false;
        }
        return true;
      }
      return false;
    });
    if (limited) continue;
    DiagnosticBuilder b = ctx.Report(s.name_range, "service `" + s.name + "` has " +
                                                       (unlimited ? std::string("an unlimited") : std::string("no")) +
                                                       " PIDs limit: a fork bomb or thread leak in it exhausts the "
                                                       "host's process table" +
                                                       (swarm ? std::string("; in a Swarm stack set "
                                                                            "`deploy.resources.limits.pids` (Docker "
                                                                            "23+), `pids_limit` is ignored there")
                                                              : std::string()));
    if (unlimited || !crules::OwnsMapping(f, s)) continue;
    // Swarm ignores `pids_limit` (older engines reject the service over it); its own
    // `deploy.resources.limits.pids` needs Docker 23+: a stack file gets advice only.
    if (swarm) continue;
    // Always the service-level key, even beside `deploy.resources.limits`: `limits.pids` is
    // newer than docker-compose 1.29's schema, which rejects the whole file over it (found by
    // the corpus invariant test); `pids_limit` is read by every Compose implementation.
    std::optional<Edit> e =
        crules::InsertIntoService(f, s, {{"pids_limit", YamlValue::Raw(std::string(kDefault))}});
    if (e) b.WithFix("Limit the service to " + std::string(kDefault) + " processes", Applicability::kUnsafe, {*e});
  }
}

}  // namespace

extern constinit const Rule kPidsLimitMissing{
    .code = "DC050",
    .name = "pids-limit-missing",
    .summary = "A service has no PIDs limit",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"cis", "5.29"}, {"kics", "Pids Limit Not Set"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  worker:\n    image: myorg/worker:3.0\n", .after = "services:\n  worker:\n    image: myorg/worker:3.0\n    pids_limit: 1024\n"},
    .docs = R"md(## What it does
Flags services without `pids_limit` or `deploy.resources.limits.pids` (here or inherited), and
those that set it to 0 or -1 (unlimited).

## Why is this bad
Processes and threads share one table per host. A fork bomb, or a thread leak in a busy
server, inside one container makes `fork()` fail everywhere, including for sshd and dockerd.
CIS Docker Benchmark 5.29 (5.28 before v1.6.0).

## Example
```yaml
services:
  worker:
    image: myorg/worker:3.0
```

## Use instead
```yaml
services:
  worker:
    image: myorg/worker:3.0
    pids_limit: 1024
```

## Fix safety
Unsafe: adds `pids_limit: 1024` (processes and threads) to the service; also beside an existing
`deploy.resources.limits`, whose `pids` key docker-compose 1.29 rejects. `docker stack deploy`
ignores `pids_limit`, so Swarm stack files get advice only (set `deploy.resources.limits.pids`,
Docker 23+). One-shot jobs and test/CI files are not reported. Thread-heavy servers
(JVMs with large pools) may need more; check `docker stats` (PIDS column) first.

## References
- https://docs.docker.com/reference/compose-file/services/#pids_limit
- CIS Docker Benchmark v1.6.0, 5.29
)md",
};

}  // namespace shipshape
