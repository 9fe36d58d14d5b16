// EXPOSE with an IP address or host port.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    rules::VarScope scope(df, st);
    for (const dockerfile::Instruction* ins : st.instructions) {
      scope.Apply(*ins);
      if (ins->kind != dockerfile::Keyword::kExpose) continue;
      for (const dockerfile::Arg& a : ins->args) {
        rules::Expansion e = scope.Expand(a.value);
        if (!e.complete) continue;
        rules::ExposeSpec spec = rules::ParseExpose(e.text);
        if (spec.host.empty()) continue;
        std::string keep = spec.port + (spec.proto.empty() ? "" : "/" + spec.proto);
        DiagnosticBuilder b = ctx.Report(
            a.range, "EXPOSE " + e.text + " includes a host address or port; EXPOSE only "
                                          "declares the container port (" + keep +
                         "), publishing happens at run time");
        std::string_view raw = a.range.Of(ctx.source());
        if (raw == a.value && raw.find('$') == std::string_view::npos) {
          rules::ExposeSpec written = rules::ParseExpose(raw);
          b.WithFix("Keep only the container port " + keep, Applicability::kSafe,
                    {Edit::Delete({a.range.start, a.range.start + written.port_offset})});
        }
      }
    }
  }
}

}  // namespace

extern constinit const Rule kExposeHostMapping{
    .code = "DF024",
    .name = "expose-host-mapping",
    .summary = "EXPOSE includes an IP address or a host port",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"buildkit", "ExposeInvalidFormat"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nEXPOSE 127.0.0.1:8080:80\n", .after = "FROM alpine:3.20\nEXPOSE 80\n"},
    .docs = R"md(## What it does
Flags `EXPOSE` tokens with a host part: `8080:80`, `127.0.0.1:80:80`, `[::1]:80:80/tcp`.

## Why is this bad
`EXPOSE` only documents which port the container listens on. Docker discards the host part, so
the line does not do what it seems to promise (binding to localhost, or to port 8080), and
BuildKit will turn this form into an error.

## Example
```dockerfile
FROM alpine:3.20
EXPOSE 127.0.0.1:8080:80
```

## Use instead
```dockerfile
FROM alpine:3.20
EXPOSE 80
```
and publish with `docker run -p 127.0.0.1:8080:80` or a Compose `ports:` entry.

## Fix safety
Safe: Docker already ignores the host part, so the image metadata is unchanged.

## References
- https://docs.docker.com/reference/build-checks/expose-invalid-format/
)md",
};

}  // namespace shipshape
