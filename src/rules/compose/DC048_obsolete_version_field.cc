// The obsolete top-level `version:` key.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  if (!f.version_range || !f.root) return;
  // `docker stack deploy` still reads `version:` (older CLIs refuse a file without it, and it
  // selects the v3 schema Swarm validates against): a stack file keeps it (issue 16).
  if (crules::FileRoleOf(f, ctx).role == compose::FileRole::kSwarmStack) return;
  std::optional<size_t> i = crules::EntryIndex(*f.root, "version");
  DiagnosticBuilder b = ctx.Report(
      *f.version_range, "`version` is obsolete: docker compose ignores it (and warns), the Compose Specification "
                        "has no versions");
  if (!i) return;
  if (std::optional<Edit> e = crules::EditorFor(f).DeleteEntry(*f.root, *i))
    b.WithFix("Remove `version`", Applicability::kSafe, {*e});
}

}  // namespace

extern constinit const Rule kObsoleteVersionField{
    .code = "DC048",
    .name = "obsolete-version-field",
    .summary = "The top-level `version:` key is obsolete",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"dclint", "no-version-field"}},
    .check_compose = Check,
    .fix_example = {.before = "version: \"3.8\"\nservices:\n  web:\n    image: nginx:1.27\n", .after = "services:\n  web:\n    image: nginx:1.27\n"},
    .docs = R"md(## What it does
Flags a top-level `version:` key.

## Why is this bad
Compose v2 implements the Compose Specification, which has no file versions: `version` is
ignored, and every `docker compose` run prints "the attribute `version` is obsolete". Worse, it
suggests that `version: "2"` or `"3"` semantics apply (v2 `mem_limit` vs v3 `deploy`), which is
no longer true.

## Example
```yaml
version: "3.8"
services:
  web:
    image: nginx:1.27
```

## Use instead
```yaml
services:
  web:
    image: nginx:1.27
```

Swarm stack files (`docker stack deploy`: named `*stack*.yml`/`*swarm*.yml`, or using
`deploy.placement`, `update_config`, `rollback_config`, `endpoint_mode`, `mode: global`, or an
overlay network) are not reported: the stack loader of the Docker CLI still reads `version`.

## Fix safety
Safe: deletes the `version` line(s); comments above it are kept.

## References
- https://docs.docker.com/reference/compose-file/version-and-name/
)md",
};

}  // namespace shipshape
