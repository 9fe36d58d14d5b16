// Services not in alphabetical order (preview, style).
#include <algorithm>

#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  if (!f.root) return;
  const yaml::Entry* e = f.root->Find("services");
  if (!e || e->merged_via || e->value_is_alias || !e->value->IsMapping()) return;
  std::vector<std::string> names;
  std::vector<TextRange> ranges;
  for (const yaml::Entry& s : e->value->entries) {
    if (s.merged_via || !s.key->IsScalar()) continue;
    names.push_back(s.key->value);
    ranges.push_back(s.key_range);
  }
  if (names.size() < 2) return;
  std::vector<std::string> sorted = names;
  std::sort(sorted.begin(), sorted.end());
  std::vector<int> rank;
  for (const std::string& n : names)
    rank.push_back(static_cast<int>(std::lower_bound(sorted.begin(), sorted.end(), n) - sorted.begin()));
  crules::ReportOrder(ctx, f, *e->value, rank, ranges, names, "services");
}

}  // namespace

extern constinit const Rule kServicesUnsorted{
    .code = "DC084",
    .name = "services-unsorted",
    .summary = "Services are not in alphabetical order",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kStyle,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .aliases = {{"dclint", "services-alphabetical-order"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:16\n", .after = "services:\n  db:\n    image: postgres:16\n  web:\n    image: nginx:1.27\n"},
    .docs = R"md(## What it does
Checks that the services of the file are sorted by name. Preview rule (opt-in): many projects
prefer a logical order (proxy, app, database), so enable it only if you want dclint's
convention.

## Why is this bad
In long files a sorted list makes services easy to find and merges less conflict-prone.

## Example
```yaml
services:
  web:
    image: nginx:1.27
  db:
    image: postgres:16
```

## Use instead
```yaml
services:
  db:
    image: postgres:16
  web:
    image: nginx:1.27
```

## Fix safety
Safe: whole service blocks move with the comment lines directly above them. Files where
services define or use anchors get no fix (an alias must follow its anchor).

## References
- dclint `services-alphabetical-order`
)md",
};

}  // namespace shipshape
