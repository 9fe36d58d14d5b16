// The same entry twice in a service list (preview, style).
#include "knowledge/capabilities.h"
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  static const std::string_view kLists[] = {"cap_add", "cap_drop", "security_opt", "expose", "dns", "dns_search",
                                            "profiles", "ports", "volumes", "env_file", "depends_on", "networks",
                                            "extra_hosts", "environment", "labels", "tmpfs", "devices"};
  for (const compose::Service& s : f.services) {
    if (!crules::OwnsMapping(f, s)) continue;
    for (std::string_view key : kLists) {
      const yaml::Entry* e = s.Find(key);
      if (!e || e->merged_via || e->value_is_alias || !e->value->IsSequence()) continue;
      const yaml::Node& seq = *e->value;
      const bool keyed = key == "environment" || key == "labels";
      const bool caps = key == "cap_add" || key == "cap_drop";
      std::vector<std::string> seen_full, seen_key;
      for (size_t i = 0; i < seq.items.size(); ++i) {
        const yaml::Item& it = seq.items[i];
        if (it.is_alias || !it.node->IsScalar()) {
          seen_full.emplace_back();
          seen_key.emplace_back();
          continue;
        }
        std::string full = caps ? knowledge::NormalizeCapability(it.node->value) : it.node->value;
        std::string k = keyed ? full.substr(0, full.find('=')) : full;
        bool same = false, same_key = false;
        for (size_t j = 0; j < seen_full.size(); ++j) {
          same = same || (!seen_full[j].empty() && seen_full[j] == full);
          same_key = same_key || (!seen_key[j].empty() && seen_key[j] == k);
        }
        seen_full.push_back(full);
        seen_key.push_back(k);
        if (!same && !(keyed && same_key)) continue;
        if (same) {
          DiagnosticBuilder b = ctx.Report(it.node->range, "`" + it.node->value + "` appears twice in `" +
                                                               std::string(key) + "` of service `" + s.name + "`");
          if (std::optional<Edit> d = crules::EditorFor(f).DeleteItem(seq, i))
            b.WithFix("Remove the duplicate", Applicability::kSafe, {*d});
        } else {
          ctx.Report(it.node->range, "`" + k + "` is set twice in `" + std::string(key) + "` of service `" + s.name +
                                         "` with different values; the last one wins");
        }
      }
    }
  }
}

}  // namespace

extern constinit const Rule kDuplicateListEntry{
    .code = "DC082",
    .name = "duplicate-list-entry",
    .summary = "The same entry appears twice in a service list",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kStyle,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .aliases = {},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  web:\n    image: a:1\n    cap_drop:\n      - ALL\n      - NET_RAW\n      - CAP_NET_RAW\n", .after = "services:\n  web:\n    image: a:1\n    cap_drop:\n      - ALL\n      - NET_RAW\n"},
    .docs = R"md(## What it does
Finds repeated entries in a service's lists (`cap_add`, `cap_drop` with `CAP_` and case
normalized, `security_opt`, `ports`, `expose`, `volumes`, `networks`, `depends_on`, `dns`,
`profiles`, `env_file`, `extra_hosts`, `tmpfs`, `devices`), and keys set twice in list-form
`environment`/`labels`. Preview rule (opt-in).

## Why is this bad
Duplicates are noise at best; for `environment` with two different values only the last one
counts, which is rarely what the reader assumes. Duplicate mount targets make Compose refuse the
file.

## Example
```yaml
services:
  web:
    image: nginx:1.27
    cap_drop: [ALL, all]
    environment:
      - MODE=a
      - MODE=b
```

## Use instead
```yaml
services:
  web:
    image: nginx:1.27
    cap_drop: [ALL]
    environment:
      - MODE=b
```

## Fix safety
Safe for identical entries: the later copy is deleted. Keys with different values are reported
without a fix (which one is right is not known).

## References
- https://docs.docker.com/reference/compose-file/services/
)md",
};

}  // namespace shipshape
