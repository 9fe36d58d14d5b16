// A top-level volume, network, secret or config that no service uses.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

struct Uses {
  std::set<std::string> names;
  bool unknown = false;  // a reference built from an unset variable: cannot tell what is unused
  void Add(const compose::Value& v) {
    if (!v.present()) return;
    if (!v.known) unknown = true;
    else names.insert(v.text);
  }
};

void Report(const compose::ComposeFile& f, RuleContext& ctx, const std::vector<compose::Named>& defs,
            const Uses& uses, std::string_view kind, std::string_view top_key) {
  if (uses.unknown || !f.root) return;
  const yaml::Entry* top = f.root->Find(top_key);
  if (!top || top->merged_via || top->value_is_alias || !top->value->IsMapping()) return;
  std::vector<const compose::Named*> unused;
  for (const compose::Named& d : defs) {
    if (d.source != 0 || uses.names.count(d.name) || (kind == "network" && d.name == "default")) continue;
    // An explicit `name:` is how other projects and tools attach to it (`docker run --network`).
    if (d.node && d.node->IsMapping() && d.node->Get("name")) continue;
    unused.push_back(&d);
  }
  for (const compose::Named* d : unused) {
    DiagnosticBuilder b = ctx.Report(d->name_range, std::string(kind) + " `" + d->name + "` is defined but no service uses it");
    const compose::edit::Editor ed = crules::EditorFor(f);
    std::optional<Edit> e;
    if (unused.size() == top->value->entries.size()) {  // all unused: the whole key goes
      std::optional<size_t> i = crules::EntryIndex(*f.root, top_key);
      if (i) e = ed.DeleteEntry(*f.root, *i);
    } else if (std::optional<size_t> i = crules::EntryIndex(*top->value, d->name)) {
      e = ed.DeleteEntry(*top->value, *i);
    }
    if (e) b.WithFix("Remove the unused " + std::string(kind) + " `" + d->name + "`", Applicability::kUnsafe, {*e});
  }
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  // Another Compose file may use what this one defines when services are only fragments here.
  for (const compose::Service& s : f.services)
    if (s.source != 0 || crules::CannotJudgeMissing(f, s, ctx.file().path)) return;
  if (!f.includes.empty()) return;
  Uses volumes, networks, secrets, configs;
  // The services of the other half of the default project use what this file defines too.
  std::vector<const compose::Service*> users;
  for (const compose::Service& s : f.services) users.push_back(&s);
  for (const compose::ComposeFile* c : {f.base_file.get(), f.override_file.get()})
    if (c)
      for (const compose::Service& s : c->services) users.push_back(&s);
  for (const compose::Service* sp : users) {
    const compose::Service& s = *sp;
    for (const compose::Mount& m : s.volumes)
      if (m.type == compose::MountType::kVolume) volumes.Add(m.source);
    for (const compose::Value& v : s.networks) networks.Add(v);
    for (const compose::Value& v : s.secrets) secrets.Add(v);
    for (const compose::Value& v : s.configs) configs.Add(v);
    if (s.build && s.build->node && s.build->node->IsMapping())
      if (const yaml::Node* bs = s.build->node->Get("secrets"); bs && bs->IsSequence())
        for (const yaml::Item& it : bs->items) {
          const yaml::Node* n = it.node->IsMapping() ? it.node->Get("source") : it.node;
          if (n && n->IsScalar()) secrets.names.insert(n->value);
        }
  }
  Report(f, ctx, f.volumes, volumes, "volume", "volumes");
  Report(f, ctx, f.networks, networks, "network", "networks");
  Report(f, ctx, f.secrets, secrets, "secret", "secrets");
  Report(f, ctx, f.configs, configs, "config", "configs");
}

}  // namespace

extern constinit const Rule kUnusedTopLevelResource{
    .code = "DC049",
    .name = "unused-top-level-resource",
    .summary = "A top-level volume, network, secret or config no service uses",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  db:\n    image: postgres:16\n    volumes:\n      - db-data:/data\nvolumes:\n  db-data:\n  dbdata:\n", .after = "services:\n  db:\n    image: postgres:16\n    volumes:\n      - db-data:/data\nvolumes:\n  db-data:\n"},
    .docs = R"md(## What it does
Lists top-level `volumes`, `networks`, `secrets` and `configs` entries that no service of the
file references (mounts, `networks:`, `secrets:`, `configs:`, `build.secrets`). The `default`
network is never reported (it configures the implicit network), nor are resources with an
explicit `name:` (other projects and tools attach to those by name). Nothing is reported when a
reference depends on an unset variable, when the file has `include:`, or when services are
fragments completed by another Compose file.

## Why is this bad
Dead definitions mislead readers ("where is this volume mounted?"), and an unused volume still
gets created, and kept, by `docker compose up`. Often it is the sign of a typo in the service
that was meant to use it.

## Example
```yaml
services:
  db:
    image: postgres:16
    volumes:
      - db-data:/var/lib/postgresql/data
volumes:
  db-data:
  dbdata:
```

## Use instead
```yaml
services:
  db:
    image: postgres:16
    volumes:
      - db-data:/var/lib/postgresql/data
volumes:
  db-data:
```

## Fix safety
Unsafe: the entry is deleted (the whole top-level key when it was the only one). Another
Compose file combined with this one (`-f a.yml -f b.yml`) might use it.

## References
- https://docs.docker.com/reference/compose-file/volumes/
- dclint issue #245 (requested rule)
)md",
};

}  // namespace shipshape
