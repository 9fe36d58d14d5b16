// Stage names with upper-case letters.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

bool HasUpper(std::string_view s) {
  for (char c : s)
    if (std::isupper(static_cast<unsigned char>(c))) return true;
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const std::string_view src = ctx.source();
  for (const dockerfile::Stage& st : df.stages) {
    if (st.name.empty()) continue;
    std::string_view written = st.name_range.Of(src);
    if (!HasUpper(written)) continue;
    // Stage names are case-insensitive; rename the definition and every reference spelled with
    // capitals (FROM <name>, COPY --from=<name>, RUN --mount=from=<name>).
    std::vector<Edit> edits{Edit::Replace(st.name_range, st.name)};
    for (const dockerfile::Stage& other : df.stages) {
      if (other.index <= st.index) continue;
      std::string_view base = other.base_range.Of(src);
      if (Lower(base) == st.name && HasUpper(base))
        edits.push_back(Edit::Replace(other.base_range, st.name));
    }
    for (const dockerfile::Instruction& ins : df.instructions) {
      for (const dockerfile::Flag& f : ins.flags) {
        std::string_view v = f.value_range.Of(src);
        if (f.name == "from" && Lower(v) == st.name && HasUpper(v)) {
          edits.push_back(Edit::Replace(f.value_range, st.name));
        } else if (f.name == "mount") {
          // Find `from=<Name>` among the comma-separated mount options.
          size_t p = 0;
          while (p <= v.size()) {
            size_t c = v.find(',', p);
            if (c == std::string_view::npos) c = v.size();
            std::string_view part = v.substr(p, c - p);
            if (part.substr(0, 5) == "from=") {
              std::string_view name = part.substr(5);
              if (Lower(name) == st.name && HasUpper(name)) {
                const uint32_t at = f.value_range.start + static_cast<uint32_t>(p + 5);
                edits.push_back(Edit::Replace({at, at + static_cast<uint32_t>(name.size())}, st.name));
              }
            }
            p = c + 1;
          }
        }
      }
    }
    ctx.Report(st.name_range, "stage name \"" + std::string(written) +
                                  "\" should be lower-case: Docker lower-cases it anyway")
        .WithFix("Rename the stage to " + st.name, Applicability::kSafe, std::move(edits));
  }
}

}  // namespace

extern constinit const Rule kStageNameCasing{
    .code = "DF035",
    .name = "stage-name-casing",
    .summary = "Stage name is not lower-case",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kStyle,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .skips_onbuild = true,  // ONBUILD RUN not covered yet (issue 15 snapshot driver found it)
    .aliases = {{"buildkit", "StageNameCasing"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM golang:1.23 AS Builder\nFROM alpine:3.20\nCOPY --from=Builder /app /app\n", .after = "FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=builder /app /app\n"},
    .docs = R"md(## What it does
Flags stage names with upper-case letters (`FROM golang AS Builder`).

## Why is this bad
Docker lower-cases stage names, so `Builder`, `builder` and `BUILDER` are the same stage; mixed
spellings across `FROM`, `COPY --from` and `--target` mislead readers and break tools that compare
names literally.

## Example
```dockerfile
FROM golang:1.23 AS Builder
FROM alpine:3.20
COPY --from=Builder /app /app
```

## Use instead
```dockerfile
FROM golang:1.23 AS builder
FROM alpine:3.20
COPY --from=builder /app /app
```

## Fix safety
Safe: the fix lower-cases the name and every reference to it in `FROM`, `COPY --from` and
`RUN --mount=from=`, which Docker already treats as identical. Scripts that pass `--target` are
unaffected (the flag is case-insensitive too).

## References
- https://docs.docker.com/reference/build-checks/stage-name-casing/
)md",
};

}  // namespace shipshape
