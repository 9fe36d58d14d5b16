// Two services with the same `container_name`.
#include <map>

#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  std::map<std::string, std::vector<const compose::Service*>> seen;
  for (const compose::Service& s : f.services) {
    const compose::Value& v = s.container_name;
    if (!v.present() || !v.known || v.source != 0 || v.text.empty()) continue;
    std::vector<const compose::Service*>& users = seen[v.text];
    for (const compose::Service* o : users)
      if (crules::CanRunTogether(*o, s)) {
        ctx.Report(v.range, "container name `" + v.text + "` is already used by service `" + o->name +
                                "`: the second container cannot be created");
        break;
      }
    users.push_back(&s);
  }
}

}  // namespace

extern constinit const Rule kDuplicateContainerName{
    .code = "DC065",
    .name = "duplicate-container-name",
    .summary = "Two services use the same `container_name`",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"dclint", "no-duplicate-container-names"}},
    .check_compose = Check,
    .docs = R"md(## What it does
Finds a `container_name` used by two services of the file that can run together (services in
disjoint `profiles` never do).

## Why is this bad
Container names are unique per host: `docker compose up` fails with a name conflict on the
second service.

## Example
```yaml
services:
  api:
    image: myorg/api:1.4
    container_name: app
  worker:
    image: myorg/worker:1.4
    container_name: app
```

## Use instead
Distinct names, or none at all (see DC047).

## Fix safety
No automatic fix.

## References
- dclint `no-duplicate-container-names`
)md",
};

}  // namespace shipshape
