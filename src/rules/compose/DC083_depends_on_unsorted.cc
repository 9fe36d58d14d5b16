// `depends_on` entries not in alphabetical order (preview, style).
#include <algorithm>

#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

std::vector<int> AlphaRanks(const std::vector<std::string>& names) {
  std::vector<std::string> sorted = names;
  std::sort(sorted.begin(), sorted.end());
  std::vector<int> rank;
  for (const std::string& n : names)
    rank.push_back(static_cast<int>(std::lower_bound(sorted.begin(), sorted.end(), n) - sorted.begin()));
  return rank;
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  for (const compose::Service& s : f.services) {
    const yaml::Entry* e = s.Find("depends_on");
    if (!e || e->merged_via || e->value_is_alias || e->value->source != 0) continue;
    const yaml::Node& v = *e->value;
    std::vector<std::string> names;
    std::vector<TextRange> ranges;
    if (v.IsSequence()) {
      for (const yaml::Item& it : v.items) {
        if (!it.node->IsScalar()) return;
        names.push_back(it.node->value);
        ranges.push_back(it.node->range);
      }
    } else if (v.IsMapping()) {
      for (const yaml::Entry& d : v.entries) {
        if (d.merged_via || !d.key->IsScalar()) continue;
        names.push_back(d.key->value);
        ranges.push_back(d.key_range);
      }
    }
    if (names.size() < 2) continue;
    crules::ReportOrder(ctx, f, v, AlphaRanks(names), ranges, names, "`depends_on` of service `" + s.name + "`");
  }
}

}  // namespace

extern constinit const Rule kDependsOnUnsorted{
    .code = "DC083",
    .name = "depends-on-unsorted",
    .summary = "`depends_on` entries are not in alphabetical order",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kStyle,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .aliases = {{"dclint", "service-dependencies-alphabetical-order"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  api:\n    image: a:1\n    depends_on:\n      - redis\n      - db\n", .after = "services:\n  api:\n    image: a:1\n    depends_on:\n      - db\n      - redis\n"},
    .docs = R"md(## What it does
Checks that the entries of each `depends_on` (short list or long mapping) are sorted
alphabetically. Preview rule (opt-in).

## Why is this bad
Sorted dependency lists are easier to compare across services and produce smaller diffs.

## Example
```yaml
services:
  api:
    image: myorg/api:1.4
    depends_on: [redis, db]
```

## Use instead
```yaml
services:
  api:
    image: myorg/api:1.4
    depends_on: [db, redis]
```

## Fix safety
Safe for block style (entries move with their comment lines); flow lists and lists using
anchors are reported without a fix. Compose does not start services in `depends_on` order.

## References
- dclint `service-dependencies-alphabetical-order`
)md",
};

}  // namespace shipshape
