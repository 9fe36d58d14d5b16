// Service keys not in dclint's conventional order (preview, style).
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

int Rank(std::string_view key) {
  static const std::string_view kOrder[] = {
      "image",    "build",       "container_name",                           // core
      "depends_on",                                                          // dependencies
      "volumes",  "volumes_from", "configs", "secrets",                      // data
      "environment", "env_file",                                             // environment
      "ports",    "networks",    "network_mode", "extra_hosts",              // networking
      "command",  "entrypoint",  "working_dir", "restart", "healthcheck",    // runtime
      "logging",  "labels",                                                  // metadata
      "user",     "isolation",                                               // security
  };
  for (size_t i = 0; i < std::size(kOrder); ++i)
    if (kOrder[i] == key) return static_cast<int>(i);
  return 1000;  // everything else, in its own order, after the known keys
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  for (const compose::Service& s : f.services) {
    if (!crules::OwnsMapping(f, s) || !s.node->merge_ranges.empty()) continue;
    std::vector<int> rank;
    std::vector<TextRange> ranges;
    std::vector<std::string> names;
    for (const yaml::Entry& e : s.node->entries) {
      if (e.merged_via || !e.key->IsScalar()) continue;
      rank.push_back(Rank(e.key->value));
      ranges.push_back(e.key_range);
      names.push_back(e.key->value);
    }
    crules::ReportOrder(ctx, f, *s.node, rank, ranges, names, "keys of service `" + s.name + "`");
  }
}

}  // namespace

extern constinit const Rule kServiceKeysOutOfOrder{
    .code = "DC080",
    .name = "service-keys-out-of-order",
    .summary = "Service keys are not in the conventional order",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kStyle,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .aliases = {{"dclint", "service-keys-order"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  web:\n    ports: [\"80:80\"]\n    image: nginx:1.27\n", .after = "services:\n  web:\n    image: nginx:1.27\n    ports: [\"80:80\"]\n"},
    .docs = R"md(## What it does
Checks that the keys of each service follow dclint's default grouping: `image`, `build`,
`container_name`; `depends_on`; `volumes`, `volumes_from`, `configs`, `secrets`;
`environment`, `env_file`; `ports`, `networks`, `network_mode`, `extra_hosts`; `command`,
`entrypoint`, `working_dir`, `restart`, `healthcheck`; `logging`, `labels`; `user`,
`isolation`; then everything else in its original order. Preview rule (opt-in).

## Why is this bad
A shared order makes large files scannable and diffs small: the image is always first, the
runtime knobs always in the same place.

## Example
```yaml
services:
  web:
    ports: ["80:80"]
    image: nginx:1.27
```

## Use instead
```yaml
services:
  web:
    image: nginx:1.27
    ports: ["80:80"]
```

## Fix safety
Safe: whole entries (with the comment lines directly above them) are moved; nothing else
changes. Services using merge keys (`<<:`), anchors or aliases, and flow-style services, are
reported without a fix.

## References
- dclint `service-keys-order`
)md",
};

}  // namespace shipshape
