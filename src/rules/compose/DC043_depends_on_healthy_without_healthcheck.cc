// `condition: service_healthy` on a service that has no healthcheck: `docker compose up` fails.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    for (const compose::Dependency& d : s.depends_on) {
      if (d.source != 0 || d.condition != "service_healthy") continue;
      const compose::Service* dep = f.FindService(d.service);
      if (!dep) continue;
      const crules::Health h = crules::HealthOf(f, *dep);
      if (h == crules::Health::kDefined) continue;
      if (h == crules::Health::kNone) {
        if (crules::CannotJudgeMissing(f, *dep, ctx.file().path, {"healthcheck"})) continue;
        // The image may declare a HEALTHCHECK: only report when it certainly does not.
        if (crules::ImageHasHealthcheck(ctx, f, *dep) != false) continue;
      }
      std::optional<DiagnosticBuilder> b = once.Report(
          ctx, f, &s, d.range, "service `" + s.name + "` waits for `" + d.service + "` to be healthy, but `" + d.service + "` " +
                       (h == crules::Health::kDisabled ? "disables its healthcheck" : "has no healthcheck") +
                       ": `docker compose up` fails with \"has no healthcheck configured\"");
      if (b && h == crules::Health::kNone)
        if (std::optional<Fix> fix = crules::KnownHealthcheckFix(f, *dep)) b->WithFix(std::move(*fix));
    }
  }
}

}  // namespace

extern constinit const Rule kDependsOnHealthyWithoutHealthcheck{
    .code = "DC043",
    .name = "depends-on-healthy-without-healthcheck",
    .summary = "`condition: service_healthy` on a service without a healthcheck",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n", .after = "services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n"
                  "    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U $${POSTGRES_USER:-postgres}\"]\n      interval: 10s\n"
                  "      timeout: 5s\n      retries: 5\n      start_period: 30s\n"},
    .docs = R"md(## What it does
Flags `depends_on: {X: {condition: service_healthy}}` when service X disables its healthcheck,
or has none and its image certainly declares none (an image from shipshape's known-images
table, or a build whose Dockerfile has no `HEALTHCHECK` and starts from such an image). When the
image might declare one, nothing is reported.

## Why is this bad
`docker compose up` refuses to start the dependent service: "dependency failed to start:
container X has no healthcheck configured". The file looks fine until the first deployment.

## Example
```yaml
services:
  api:
    image: myorg/api:1.4
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres:16
```

## Use instead
```yaml
services:
  db:
    image: postgres:16
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]
      interval: 10s
      timeout: 5s
      retries: 5
      start_period: 30s
```

## Fix safety
When the dependency runs a known image, the fix adds that image's healthcheck to it (see DC041,
with the same safety). Otherwise no fix: write a healthcheck, or use `service_started`.

## References
- https://docs.docker.com/compose/how-tos/startup-order/
)md",
};

}  // namespace shipshape
