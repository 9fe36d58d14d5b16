// EXPOSE 22 in the shipped image.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

bool Covers22(std::string_view port) {
  size_t dash = port.find('-');
  std::string_view lo = port.substr(0, dash);
  std::string_view hi = dash == std::string_view::npos ? lo : port.substr(dash + 1);
  if (!rules::IsDigits(lo) || !rules::IsDigits(hi) || lo.size() > 5 || hi.size() > 5) return false;
  return std::stoul(std::string(lo)) <= 22 && std::stoul(std::string(hi)) >= 22;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const dockerfile::Stage* final_stage = df.final_stage();
  if (!final_stage) return;
  // Only the final image's metadata ships; EXPOSE in a builder stage is irrelevant.
  for (const dockerfile::Stage* st : rules::StageChain(df, *final_stage)) {
    rules::VarScope scope(df, *st);
    for (const dockerfile::Instruction* ins : st->instructions) {
      scope.Apply(*ins);
      if (ins->kind != dockerfile::Keyword::kExpose) continue;
      for (const dockerfile::Arg& a : ins->args) {
        rules::Expansion e = scope.Expand(a.value);
        if (!e.complete) continue;
        rules::ExposeSpec spec = rules::ParseExpose(e.text);
        if (!spec.proto.empty() && Lower(spec.proto) != "tcp") continue;
        if (!Covers22(spec.port)) continue;
        DiagnosticBuilder b = ctx.Report(
            a.range, "EXPOSE " + e.text + " advertises SSH; containers should not run an SSH "
                                          "daemon (use `docker exec` for access)");
        // Deleting the declaration is only mechanical for a literal lone `22`.
        if (ins->args.size() == 1 && a.value.find('$') == std::string::npos)
          b.WithFix("Remove EXPOSE " + e.text, Applicability::kUnsafe,
                    {rules::DeleteLines(ctx.source(), *ins)});
      }
    }
  }
}

}  // namespace

extern constinit const Rule kExposedSshPort{
    .code = "DF021",
    .name = "exposed-ssh-port",
    .summary = "The image exposes port 22 (SSH)",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"trivy", "DS-0004"}, {"checkov", "CKV_DOCKER_1"},
                {"kics", "Exposing Port 22 (SSH)"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nEXPOSE 22\nCMD [\"/app\"]\n", .after = "FROM alpine:3.20\nCMD [\"/app\"]\n"},
    .docs = R"md(## What it does
Flags `EXPOSE 22` (also `22/tcp`, a range covering 22, or a variable that resolves to it) in the
final image. Builder stages are not judged; UDP and SCTP ports are not SSH.

## Why is this bad
An SSH daemon in a container is a second, long-lived entry point with its own credentials to
manage, patch and rotate, and it usually means the image runs an init system and several
processes. `docker exec` (or `kubectl exec`) gives shell access without any of that.

## Example
```dockerfile
FROM alpine:3.20
EXPOSE 22 8080
```

## Use instead
```dockerfile
FROM alpine:3.20
EXPOSE 8080
```

## Fix safety
When `EXPOSE 22` stands alone it can be deleted; the fix is unsafe because `docker run -P` and
tooling that reads the image's exposed ports see the change. Otherwise no fix is offered.

## References
- Trivy DS-0004, Checkov CKV_DOCKER_1
)md",
};

}  // namespace shipshape
