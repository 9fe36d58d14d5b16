// `FROM x as y` / `from x AS y`: AS in a different case than FROM.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const std::string_view src = ctx.source();
  for (const dockerfile::Stage& st : df.stages) {
    if (!st.from || st.from->args.size() != 3) continue;
    std::string_view kw = st.from->keyword_range.Of(src);
    const dockerfile::Arg& as = st.from->args[1];
    std::string_view as_text = as.range.Of(src);
    const bool kw_upper = kw == Upper(kw), kw_lower = kw == Lower(kw);
    if (!kw_upper && !kw_lower) continue;  // `From`: ConsistentInstructionCasing's business
    const std::string want = kw_upper ? "AS" : "as";
    if (as_text == want) continue;
    ctx.Report(as.range, "'" + std::string(as_text) + "' does not match the case of '" +
                             std::string(kw) + "'")
        .WithFix("Write " + want, Applicability::kSafe, {Edit::Replace(as.range, want)});
  }
}

}  // namespace

extern constinit const Rule kFromAsCasing{
    .code = "DF036",
    .name = "from-as-casing",
    .summary = "The AS keyword's case differs from FROM's",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kStyle,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {{"buildkit", "FromAsCasing"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM golang:1.23 as build\n", .after = "FROM golang:1.23 AS build\n"},
    .docs = R"md(## What it does
Flags `FROM image as name` (and `from image AS name`): the `AS` keyword should be written in the
same case as `FROM`.

## Why is this bad
Mixed keyword casing is inconsistent and harder to scan; BuildKit warns about it.

## Example
```dockerfile
FROM golang:1.23 as build
```

## Use instead
```dockerfile
FROM golang:1.23 AS build
```

## Fix safety
Safe: keywords are case-insensitive.

## References
- https://docs.docker.com/reference/build-checks/from-as-casing/
)md",
};

}  // namespace shipshape
