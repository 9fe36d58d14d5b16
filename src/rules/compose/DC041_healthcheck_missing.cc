// A long-running service without a healthcheck.
#include "compose/swarm_schema.h"
#include "rules/compose/compose_util.h"
#include "compose/image_notes.h"
#include "rules/compose/build_facts_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  for (const compose::Service& s : f.services) {
    if (s.source != 0 || crules::CannotJudgeMissing(f, s, ctx.file().path, {"healthcheck"}) ||
        crules::SkipProductionOnly(f, s, ctx, /*sidecars=*/true))
      continue;
    if (crules::HealthOf(f, s) != crules::Health::kNone) continue;  // defined, or explicitly disabled
    bool read = false;
    const std::optional<bool> in_image = crules::ImageHasHealthcheck(ctx, f, s, &read);
    if (in_image == true) continue;
    const bool built = crules::IsBuilt(f, s);
    if (built && !read) continue;  // the Dockerfile may declare one; cannot look
    const compose::KnownImage* img = crules::KnownImageOf(f, s);
    std::string msg = "service `" + s.name + "` has no healthcheck";
    if (built) msg += " (its Dockerfile declares none)";
    else if (!img) msg += " (unless its image declares one)";
    msg += ": Docker cannot tell a hung process from a working one, and `depends_on` cannot wait for it";
    // A fix needs a probe that exists in the image; when there is none, say what is missing.
    std::optional<Fix> fix;
    std::string missing;
    if (built) {
      if (std::optional<compose::BuildFacts> facts = crules::BuildFactsOf(ctx, f, s, /*health=*/true))
        fix = crules::BuiltHealthcheckFix(f, s, *facts, &missing);
    } else {
      fix = crules::KnownHealthcheckFix(f, s);
      if (img && !img->healthcheck && !compose::NotesOf(*img).no_probe.empty())
        missing = "no probe: " + compose::NotesOf(*img).no_probe;
    }
    if (!fix && !missing.empty()) msg += " (" + missing + ")";
    DiagnosticBuilder b = ctx.Report(s.name_range, std::move(msg));
    // `start_period` needs 3.4 in a Swarm stack's declared schema.
    if (compose::SwarmSchemaBelow(f, ctx.file().path, 4)) continue;
    if (fix) b.WithFix(std::move(*fix));
  }
}

}  // namespace

extern constinit const Rule kHealthcheckMissing{
    .code = "DC041",
    .name = "healthcheck-missing",
    .summary = "A long-running service has no healthcheck",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"cis", "5.27"}, {"cis", "4.6"}, {"kics", "Healthcheck Not Set"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  db:\n    image: postgres:16\n", .after = "services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U $${POSTGRES_USER:-postgres}\"]\n"
                  "      interval: 10s\n      timeout: 5s\n      retries: 5\n      start_period: 30s\n"},
    .docs = R"md(## What it does
Flags services with no `healthcheck:` (here, in a merged anchor or an `extends` base) whose
image does not declare a `HEALTHCHECK` either. For a `build:` service the Dockerfile is read when
shipshape can see the files (no finding when it cannot). An explicit `healthcheck: {disable:
true}` is a decision and is not reported. One-shot services and partial definitions completed by
another Compose file are skipped.

## Why is this bad
Without a healthcheck Docker only knows whether the process exists. A deadlocked server, a
database still replaying its WAL, an app that lost its database connection all look "Up".
`depends_on: {condition: service_healthy}` cannot be used, orchestrators and load balancers
route traffic to broken containers, and monitoring has nothing to watch. CIS Docker Benchmark
5.27 and 4.6.

## Example
```yaml
services:
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
For images in shipshape's known-images table the fix adds that image's usual probe with
interval, timeout, retries and start period: `pg_isready` for postgres, `redis-cli ping`,
`mysqladmin ping`, mariadb's `healthcheck.sh`, `mongosh ... ping`, `rabbitmq-diagnostics ping`,
Prometheus `/-/healthy`, Grafana `/api/health`... `$$` keeps `${POSTGRES_USER}` for the
container's shell rather than Compose. The fix is safe when the probe's tool ships in every tag
of the image (for mariadb from 11, mongo from 5), unsafe when it relies on `curl`/`wget` that a
variant may lack or on an HTTP endpoint the configuration may change. An image referenced with
an interpolated tag is matched by the tag's default (`postgres:${PG_VERSION:-16}`), or by its
repository when the tag is unset (the tag then counts as unknown).

A service built from a local Dockerfile (the stage named by `build.target`, else the final one)
gets an unsafe fix only from facts its build gives: the probe of its known base image when the
Dockerfile keeps the base's process (`FROM nginx` with the site copied in); otherwise a GET of the
app's health endpoint found in its sources (`/healthz`, `/health`, `/ping`..., or Spring Boot's
`/actuator/health` when the actuator is a dependency) on the one port it EXPOSEs (or publishes),
with curl or wget when the image has one (installed by a RUN, busybox in an alpine base, the
full Debian tags of the official language images). When a fact is missing the finding says
which (no endpoint, no port, neither curl nor wget) and no probe is invented; images in the table
without a usable probe (keycloak, traefik without `--ping`) say why.

## References
- https://docs.docker.com/reference/compose-file/services/#healthcheck
- https://docs.docker.com/reference/dockerfile/#healthcheck
- CIS Docker Benchmark v1.6.0, 4.6 and 5.27
)md",
};

}  // namespace shipshape
