// The same limit set both as a service key and under `deploy.resources`.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

struct Pair {
  compose::Value compose::Service::*legacy;
  compose::Value compose::Service::*deploy;
  std::string_view legacy_key, deploy_key;
  bool bytes;  // memory sizes (else numbers)
};

constexpr Pair kPairs[] = {
    {&compose::Service::mem_limit, &compose::Service::limits_memory, "mem_limit", "deploy.resources.limits.memory", true},
    {&compose::Service::cpus, &compose::Service::limits_cpus, "cpus", "deploy.resources.limits.cpus", false},
    {&compose::Service::mem_reservation, &compose::Service::reservations_memory, "mem_reservation",
     "deploy.resources.reservations.memory", true},
    {&compose::Service::pids_limit, &compose::Service::limits_pids, "pids_limit", "deploy.resources.limits.pids", false},
};

std::optional<double> Number(const compose::Value& v, bool bytes) {
  if (!v.known) return std::nullopt;
  if (bytes) return crules::ParseBytes(v.text);
  return v.AsDouble();
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    for (const Pair& p : kPairs) {
      const compose::Value& a = s.*p.legacy;
      const compose::Value& d = s.*p.deploy;
      if (!a.present() || !d.present() || a.source != 0) continue;
      std::optional<double> x = Number(a, p.bytes), y = Number(d, p.bytes);
      if (!x || !y) continue;
      if (*x != *y) {
        once.Report(
            ctx, f, &s, a.range,
            "service `" + s.name + "` sets `" + std::string(p.legacy_key) + ": " + a.text + "` and `" +
                std::string(p.deploy_key) + ": " + d.text + "`: docker compose refuses conflicting values");
        continue;
      }
      std::optional<DiagnosticBuilder> b = once.Report(
          ctx, f, &s, a.range,
          "service `" + s.name + "` sets the same limit twice (`" + std::string(p.legacy_key) + "` and `" +
              std::string(p.deploy_key) + "`); keep one");
      if (!b) continue;
      b->diagnostic().severity = Severity::kWarning;
      const yaml::Entry* e = s.Find(p.legacy_key);
      std::optional<size_t> i = crules::EntryIndex(*s.node, p.legacy_key);
      if (!e || !i || e->merged_via || !crules::OwnsMapping(f, s)) continue;
      if (std::optional<Edit> del = crules::EditorFor(f).DeleteEntry(*s.node, *i))
        b->WithFix("Remove the duplicate `" + std::string(p.legacy_key) + "`", Applicability::kSafe, {*del});
    }
  }
}

}  // namespace

extern constinit const Rule kResourceLimitConflict{
    .code = "DC045",
    .name = "resource-limit-conflict",
    .summary = "A limit set both as a service key and in `deploy.resources`",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  api:\n    image: a:1\n    cpus: 0.5\n    mem_limit: 512m\n    deploy:\n      resources:\n        limits:\n"
                  "          cpus: \"0.5\"\n          memory: 512M\n", .after = "services:\n  api:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          cpus: \"0.5\"\n"
                  "          memory: 512M\n"},
    .docs = R"md(## What it does
Compares `mem_limit`, `cpus`, `mem_reservation` and `pids_limit` with their
`deploy.resources` counterparts when a service sets both. Different values are an error
(`512m` and `512M` are equal; `1g` and `1024m` too); equal values are a warning about a
redundant key.

## Why is this bad
docker compose refuses a service whose two forms disagree ("mem_limit and
deploy.resources.limits.memory must be equal"). When they agree, the duplicate is a trap: the
next edit changes one of them and the file stops loading.

## Example
```yaml
services:
  api:
    image: myorg/api:1.4
    mem_limit: 512m
    deploy:
      resources:
        limits:
          memory: 1G
```

## Use instead
```yaml
services:
  api:
    image: myorg/api:1.4
    deploy:
      resources:
        limits:
          memory: 1G
```

## Fix safety
When the values are equal the fix deletes the service-level key (safe: nothing changes). When
they differ there is no fix: which limit was intended is not known.

## References
- https://docs.docker.com/reference/compose-file/deploy/#resources
- compose-go `checkConsistency`
)md",
};

}  // namespace shipshape
