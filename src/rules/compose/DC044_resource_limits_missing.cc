// No memory or CPU limit.
#include <cctype>

#include "rules/compose/build_facts_util.h"

namespace shipshape {
namespace {

using compose::edit::YamlValue;

// The service's own mapping entry `key` of `map` when it is a block/flow mapping written here.
const yaml::Node* OwnMap(const yaml::Node* map, std::string_view key, bool* blocked) {
  if (!map || !map->IsMapping()) return nullptr;
  const yaml::Entry* e = map->Find(key);
  if (!e) return nullptr;
  if (e->merged_via || e->value_is_alias || !e->value->IsMapping()) {
    *blocked = true;
    return nullptr;
  }
  return e->value;
}

std::string LegacyMemory(std::string m) {
  for (char& c : m) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return m;
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  const bool swarm = crules::FileRoleOf(f, ctx).role == compose::FileRole::kSwarmStack;
  for (const compose::Service& s : f.services) {
    if (s.source != 0 || crules::CannotJudgeMissing(f, s, ctx.file().path, {"deploy", "mem_limit", "cpus", "mem_reservation"}) || crules::SkipProductionOnly(f, s, ctx))
      continue;
    const bool has_mem = crules::InChain(f, s, [&](const compose::Service& x) {
      return (!swarm && x.mem_limit.present()) || x.limits_memory.present();
    });
    const bool has_cpu = crules::InChain(f, s, [&](const compose::Service& x) {
      return (!swarm && (x.cpus.present() || x.cpu_shares.present() || x.Find("cpu_quota"))) ||
             x.limits_cpus.present();
    });
    if (has_mem && has_cpu) continue;
    // A built image that keeps its known base's process (FROM postgres with init scripts) gets
    // the base's class.
    const compose::KnownImage* known = crules::KnownImageOf(f, s);
    std::optional<compose::BuildFacts> facts;
    if (!known && crules::IsBuilt(f, s) && (facts = crules::BuildFactsOf(ctx, f, s)) && facts->read() &&
        facts->KeepsBaseProcess())
      known = facts->base_image;
    const compose::ImageClass& cls = compose::KnownImages::Get().ClassOf(known);
    std::string what = !has_mem && !has_cpu ? "no memory or CPU limit" : !has_mem ? "no memory limit" : "no CPU limit";
    DiagnosticBuilder b = ctx.Report(s.name_range, "service `" + s.name + "` has " + what +
                                                       ": one runaway container can starve the host and every other "
                                                       "service on it");
    if (!crules::OwnsMapping(f, s)) continue;
    const compose::edit::Editor ed = crules::EditorFor(f);
    // Swarm ignores the service-level `mem_limit`/`cpus`: a stack file always gets `deploy.resources`.
    const bool legacy = !swarm && crules::InChain(f, s, [](const compose::Service& x) {
      return x.mem_limit.present() || x.cpus.present() || x.cpu_shares.present();
    });
    std::optional<Edit> edit;
    if (legacy) {
      // Keep to the style already used: add the missing top-level key.
      if (!has_mem) edit = ed.InsertEntry(*s.node, "mem_limit", YamlValue::Str(LegacyMemory(cls.memory)));
      else edit = ed.InsertEntry(*s.node, "cpus", YamlValue::Quoted(cls.cpus));
    } else {
      bool blocked = false;
      const yaml::Node* deploy = OwnMap(s.node, "deploy", &blocked);
      const yaml::Node* resources = OwnMap(deploy, "resources", &blocked);
      const yaml::Node* limits = OwnMap(resources, "limits", &blocked);
      if (blocked || (!deploy && s.Find("deploy")) ||
          crules::InChain(f, s, [&](const compose::Service& x) { return &x != &s && x.deploy; }))
        continue;
      auto limit_map = [&] {
        return YamlValue::Map({{"cpus", YamlValue::Quoted(cls.cpus)}, {"memory", YamlValue::Str(cls.memory)}});
      };
      auto reservation_map = [&] {
        return YamlValue::Map(
            {{"cpus", YamlValue::Quoted(cls.reservation_cpus)}, {"memory", YamlValue::Str(cls.reservation_memory)}});
      };
      if (limits) {
        if (!has_mem) edit = ed.InsertEntry(*limits, "memory", YamlValue::Str(cls.memory));
        else edit = ed.InsertEntry(*limits, "cpus", YamlValue::Quoted(cls.cpus));
      } else if (resources) {
        std::vector<std::pair<std::string, YamlValue>> add = {{"limits", limit_map()}};
        if (!resources->Find("reservations")) add.push_back({"reservations", reservation_map()});
        edit = ed.InsertEntries(*resources, add);
      } else {
        YamlValue res = YamlValue::Map({{"limits", limit_map()}, {"reservations", reservation_map()}});
        edit = deploy ? ed.InsertEntry(*deploy, "resources", res)
                      : ed.InsertEntry(*s.node, "deploy", YamlValue::Map({{"resources", res}}));
      }
    }
    if (edit)
      b.WithFix("Add " + cls.name + "-class limits (" + cls.cpus + " CPU, " + cls.memory + ")", Applicability::kUnsafe,
                {*edit});
  }
}

}  // namespace

extern constinit const Rule kResourceLimitsMissing{
    .code = "DC044",
    .name = "resource-limits-missing",
    .summary = "A service has no memory or CPU limit",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"cis", "5.11"}, {"cis", "5.12"}, {"kics", "Memory Not Limited"}, {"kics", "Cpus Not Limited"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  db:\n    image: postgres:16\n", .after = "services:\n  db:\n    image: postgres:16\n    deploy:\n      resources:\n        limits:\n          cpus: \"2\"\n"
                  "          memory: 2G\n        reservations:\n          cpus: \"0.5\"\n          memory: 512M\n"},
    .docs = R"md(## What it does
Flags services without a memory limit (`mem_limit` or `deploy.resources.limits.memory`) or
without a CPU limit (`cpus`, `cpu_shares`, `cpu_quota` or `deploy.resources.limits.cpus`), here
or inherited. Partial definitions completed by other Compose files are skipped.

## Why is this bad
Without limits a memory leak or a busy loop in one container takes the whole host down: the
kernel's OOM killer picks a victim (possibly the database, possibly dockerd), CPU starvation
makes healthchecks time out everywhere. CIS Docker Benchmark 5.11 and 5.12 (5.10 and 5.11
before v1.6.0).

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
    deploy:
      resources:
        limits:
          cpus: "2"
          memory: 2G
        reservations:
          cpus: "0.5"
          memory: 512M
```

## Fix safety
Unsafe: a limit below what the service really uses gets it OOM-killed or throttled. Defaults
come from the image's class in the known-images table: database and search 2 CPUs / 2G, cache
and web 1 CPU / 512M, queue and monitoring 1 CPU / 1G, anything else 1 CPU / 1G, with
reservations at about a quarter. A service built from a local Dockerfile that keeps its known
base image's process (`FROM postgres` with init scripts copied in) gets the base's class. The fix follows the style in use: `deploy.resources` (created,
or completed inside an existing `deploy:`/`resources:`/`limits:`), or the missing one of
`mem_limit`/`cpus` when the service already uses those (never in a Swarm stack file, where
only `deploy.resources` counts). One-shot jobs and test/CI files are not reported. Review the numbers against real usage
(`docker stats`).

## References
- https://docs.docker.com/reference/compose-file/deploy/#resources
- https://docs.docker.com/engine/containers/resource_constraints/
- CIS Docker Benchmark v1.6.0, 5.11 and 5.12
)md",
};

}  // namespace shipshape
