// `depends_on` a service with a healthcheck, without `condition: service_healthy`.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

using compose::edit::YamlValue;

bool Healthy(const compose::ComposeFile& f, std::string_view name) {
  const compose::Service* dep = f.FindService(name);
  return dep && crules::HealthOf(f, *dep) == crules::Health::kDefined;
}

// The whole-list conversion for short syntax: every dependency gets the condition it can use.
std::optional<Edit> ConvertShortList(const compose::ComposeFile& f, const compose::Service& s) {
  if (!crules::OwnsMapping(f, s)) return std::nullopt;
  std::optional<size_t> at = crules::EntryIndex(*s.node, "depends_on");
  if (!at) return std::nullopt;
  const yaml::Entry& e = s.node->entries[*at];
  if (e.merged_via || e.value_is_alias || !e.value->IsSequence()) return std::nullopt;
  std::vector<std::pair<std::string, YamlValue>> deps;
  for (const yaml::Item& it : e.value->items) {
    if (it.is_alias || !it.node->IsScalar()) return std::nullopt;
    // `- ${DB_HOST:-db}` is interpolated; a mapping key is not: as a key it would name a service
    // called `${DB_HOST:-db}` (docker-compose rejects the file; found by the corpus invariant test).
    if (it.node->value.find('$') != std::string::npos) return std::nullopt;
    const char* cond = Healthy(f, it.node->value) ? "service_healthy" : "service_started";
    deps.push_back({it.node->value, YamlValue::Map({{"condition", YamlValue::Str(cond)}})});
  }
  return crules::EditorFor(f).ReplaceValue(*s.node, *at, YamlValue::Map(std::move(deps)));
}

// Long syntax: set this dependency's condition.
std::optional<Edit> SetCondition(const compose::ComposeFile& f, const compose::Service& s, std::string_view dep) {
  const yaml::Entry* e = s.Find("depends_on");
  if (!e || e->merged_via || e->value_is_alias || !e->value->IsMapping()) return std::nullopt;
  const yaml::Node& map = *e->value;
  std::optional<size_t> i = crules::EntryIndex(map, dep);
  if (!i || map.entries[*i].merged_via) return std::nullopt;
  const yaml::Node* v = map.entries[*i].value;
  const compose::edit::Editor ed = crules::EditorFor(f);
  if (v->IsNull()) return ed.ReplaceValue(map, *i, YamlValue::Map({{"condition", YamlValue::Str("service_healthy")}}));
  if (!v->IsMapping() || map.entries[*i].value_is_alias) return std::nullopt;
  if (std::optional<size_t> c = crules::EntryIndex(*v, "condition")) {
    if (v->entries[*c].merged_via || !v->entries[*c].value->IsScalar()) return std::nullopt;
    return ed.ReplaceScalar(*v->entries[*c].value, "service_healthy");
  }
  return ed.InsertEntry(*v, "condition", YamlValue::Str("service_healthy"));
}

// True when the long form spells out a condition (an explicit `service_started` is a decision).
bool ExplicitCondition(const compose::Service& s, std::string_view dep) {
  const yaml::Entry* e = s.Find("depends_on");
  if (!e || !e->value->IsMapping()) return false;
  const yaml::Node* d = e->value->Get(dep);
  return d && d->IsMapping() && d->Get("condition");
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  // `docker stack deploy` ignores `depends_on` and its v3 schema rejects the long form with a
  // condition ("depends_on must be a list"): nothing to wait for, nothing to fix in a stack file.
  if (crules::FileRoleOf(f, ctx).role == compose::FileRole::kSwarmStack) return;
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    for (const compose::Dependency& d : s.depends_on) {
      if (d.source != 0 || d.condition != "service_started" || !Healthy(f, d.service)) continue;
      if (d.long_syntax && ExplicitCondition(s, d.service)) continue;
      std::optional<DiagnosticBuilder> b = once.Report(
          ctx, f, &s, d.range,
          "service `" + s.name + "` starts as soon as `" + d.service + "` is created, not when its "
          "healthcheck passes: add `condition: service_healthy`");
      if (!b) continue;
      std::optional<Edit> e = d.long_syntax ? SetCondition(f, s, d.service) : ConvertShortList(f, s);
      if (e) b->WithFix("Wait for `" + d.service + "` to be healthy", Applicability::kUnsafe, {*e});
    }
  }
}

}  // namespace

extern constinit const Rule kDependsOnNotWaitingForHealthy{
    .code = "DC042",
    .name = "depends-on-not-waiting-for-healthy",
    .summary = "`depends_on` a service with a healthcheck without `condition: service_healthy`",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  api:\n    image: a:1\n    depends_on:\n      - db\n      - cache\n  db:\n    image: postgres:16\n"
                  "    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n  cache:\n    image: redis:7\n", .after = "services:\n  api:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_healthy\n      cache:\n"
                  "        condition: service_started\n  db:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n"
                  "  cache:\n    image: redis:7\n"},
    .docs = R"md(## What it does
Flags a dependency in `depends_on` (short list, or long form without a `condition`) on a service
that defines a healthcheck. An explicit `condition: service_started` is a decision and passes.
Swarm stack files are skipped: `docker stack deploy` ignores `depends_on`, and its schema only
accepts the short list form.

## Why is this bad
Short `depends_on` orders container creation only: the application starts while the database is
still initialising, fails its first connection and crashes or, worse, caches a broken state. The
healthcheck exists; `service_healthy` makes Compose wait for it.

## Example
```yaml
services:
  api:
    image: myorg/api:1.4
    depends_on:
      - db
  db:
    image: postgres:16
    healthcheck:
      test: ["CMD-SHELL", "pg_isready"]
```

## Use instead
```yaml
services:
  api:
    image: myorg/api:1.4
    depends_on:
      db:
        condition: service_healthy
```

## Fix safety
Unsafe: `up` now waits for the dependency's healthcheck, and fails if it never passes. A short
list is converted to the long form as a whole: dependencies with a healthcheck get
`service_healthy`, the others `service_started` (what the short form meant). Comments inside the
list prevent the conversion.

## References
- https://docs.docker.com/compose/how-tos/startup-order/
- https://docs.docker.com/reference/compose-file/services/#depends_on
)md",
};

}  // namespace shipshape
