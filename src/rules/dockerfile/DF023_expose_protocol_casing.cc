// EXPOSE 80/TCP: protocols are lower-case.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    for (const dockerfile::Instruction* ins : st.instructions) {
      if (ins->kind != dockerfile::Keyword::kExpose) continue;
      for (const dockerfile::Arg& a : ins->args) {
        // Work on the token as written; a `$` in it is left alone.
        std::string_view raw = a.range.Of(ctx.source());
        if (raw != a.value || raw.find('$') != std::string_view::npos) continue;
        rules::ExposeSpec spec = rules::ParseExpose(raw);
        const std::string lower = Lower(spec.proto);
        if (spec.proto.empty() || lower == spec.proto) continue;
        if (lower != "tcp" && lower != "udp" && lower != "sctp") continue;  // DF022's business
        const TextRange r{a.range.start + spec.proto_offset,
                          a.range.start + spec.proto_offset + static_cast<uint32_t>(spec.proto.size())};
        ctx.Report(r, "EXPOSE protocol \"" + spec.proto + "\" should be lower-case: " + lower)
            .WithFix("Lower-case the protocol", Applicability::kSafe, {Edit::Replace(r, lower)});
      }
    }
  }
}

}  // namespace

extern constinit const Rule kExposeProtocolCasing{
    .code = "DF023",
    .name = "expose-protocol-casing",
    .summary = "EXPOSE protocol is not lower-case",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kStyle,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {{"buildkit", "ExposeProtoCasing"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nEXPOSE 80/TCP\n", .after = "FROM alpine:3.20\nEXPOSE 80/tcp\n"},
    .docs = R"md(## What it does
Flags `EXPOSE` protocols written in upper or mixed case (`80/TCP`, `53/Udp`).

## Why is this bad
Docker lower-cases the protocol anyway; the odd spelling is inconsistent with every other
Dockerfile and with Compose and Kubernetes manifests, and BuildKit warns about it.

## Example
```dockerfile
FROM alpine:3.20
EXPOSE 80/TCP
```

## Use instead
```dockerfile
FROM alpine:3.20
EXPOSE 80/tcp
```

## Fix safety
Safe: the image metadata is identical.

## References
- https://docs.docker.com/reference/build-checks/expose-proto-casing/
)md",
};

}  // namespace shipshape
