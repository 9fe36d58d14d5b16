// FROM uses a variable no global ARG declares.
#include <set>

#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void CheckWord(const dockerfile::Dockerfile& df, const rules::VarScope& scope, std::string_view word,
               TextRange range, RuleContext& ctx) {
  rules::Expansion e = scope.Expand(word);
  std::set<std::string> seen;
  for (const std::string& name : e.undefined) {
    if (!seen.insert(name).second) continue;
    const std::string hint = rules::ClosestName(name, scope.Names());
    std::string msg = "FROM uses $" + name + ", but no ARG before the first FROM declares it";
    if (!hint.empty()) msg += " (did you mean $" + hint + "?)";
    DiagnosticBuilder b = ctx.Report(range, std::move(msg));
    if (!hint.empty()) {
      std::vector<Edit> edits;
      for (TextRange r : rules::VariableRefs(ctx.source(), range, name, df.escape))
        edits.push_back(Edit::Replace(r, hint));
      if (!edits.empty())
        b.WithFix("Use $" + hint, Applicability::kUnsafe, std::move(edits));
    } else {
      b.WithFix("Declare `ARG " + name + "=<default>` before the first FROM",
                Applicability::kDisplayOnly, {});
    }
  }
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const rules::VarScope scope(df);
  for (const dockerfile::Stage& st : df.stages) {
    if (!st.from) continue;
    CheckWord(df, scope, st.base, st.base_range, ctx);
    if (const dockerfile::Flag* f = st.from->FindFlag("platform"))
      CheckWord(df, scope, f->value, f->value_range, ctx);
  }
}

}  // namespace

extern constinit const Rule kUndefinedArgInFrom{
    .code = "DF007",
    .name = "undefined-arg-in-from",
    .summary = "FROM references an ARG that was never declared",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"buildkit", "UndefinedArgInFrom"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "ARG NODE_VERSION=22\nFROM node:${NODE_VERSON}\n", .after = "ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}\n"},
    .docs = R"md(## What it does
Flags variables in a `FROM` image or `--platform` value that no `ARG` before the first `FROM`
declares. The predefined platform ARGs (`BUILDPLATFORM`, `TARGETPLATFORM`, `TARGETOS`,
`TARGETARCH`, ...) count as declared. When a declared name is a likely typo of the used one, the
message suggests it.

## Why is this bad
Only global ARGs (declared before the first `FROM`) are visible in `FROM` lines. An undeclared
variable expands to an empty string, so `FROM node:${NODE_VERSON}` becomes `FROM node:` and the
build fails, or `FROM ${REGISTRY}/app` silently pulls from Docker Hub.

## Example
```dockerfile
ARG NODE_VERSION=22
FROM node:${NODE_VERSON}
```

## Use instead
```dockerfile
ARG NODE_VERSION=22
FROM node:${NODE_VERSION}
```

## Fix safety
When a close match exists, the fix renames the reference; it is unsafe because the typo might be
the intended name with the declaration missing. Otherwise the fix is only a suggestion.

## References
- https://docs.docker.com/reference/build-checks/undefined-arg-in-from/
)md",
};

}  // namespace shipshape
