// EXPOSE with a port Docker rejects: out of range, not a number, reversed range, bad protocol.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

std::string Problem(const rules::ExposeSpec& spec) {
  const std::string proto = Lower(spec.proto);
  if (!spec.proto.empty() && proto != "tcp" && proto != "udp" && proto != "sctp")
    return "protocol \"" + spec.proto + "\" is not tcp, udp or sctp";
  size_t dash = spec.port.find('-');
  std::string lo = spec.port.substr(0, dash);
  std::string hi = dash == std::string::npos ? lo : spec.port.substr(dash + 1);
  if (!rules::IsDigits(lo) || !rules::IsDigits(hi)) return "\"" + spec.port + "\" is not a port number";
  auto value = [](const std::string& s) { return s.size() > 6 ? 999999ul : std::stoul(s); };
  if (value(lo) > 65535 || value(hi) > 65535) return "port " + spec.port + " is above 65535";
  if (value(lo) > value(hi)) return "range " + spec.port + " ends before it starts";
  return {};
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    rules::VarScope scope(df, st);
    for (const dockerfile::Instruction* ins : st.instructions) {
      scope.Apply(*ins);
      if (ins->kind != dockerfile::Keyword::kExpose) continue;
      for (const dockerfile::Arg& a : ins->args) {
        rules::Expansion e = scope.Expand(a.value);
        if (!e.complete || e.text.empty()) continue;
        std::string p = Problem(rules::ParseExpose(e.text));
        if (!p.empty()) ctx.Report(a.range, "EXPOSE " + e.text + ": " + p);
      }
    }
  }
}

}  // namespace

extern constinit const Rule kInvalidExposePort{
    .code = "DF022",
    .name = "invalid-expose-port",
    .summary = "EXPOSE port is out of range or malformed",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3011"}, {"trivy", "DS-0008"}, {"kics", "UNIX Ports Out Of Range"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `EXPOSE` ports above 65535, ports that are not numbers, ranges whose end is below their
start, and protocols other than `tcp`, `udp` and `sctp`. Variables are expanded with their
defaults; values only known at build time are skipped.

## Why is this bad
Docker rejects these values (`invalid containerPort`, `invalid proto`), so the build fails, or,
for values that come from a build argument, fails only for some builds.

## Example
```dockerfile
FROM alpine:3.20
EXPOSE 80800
```

## Use instead
```dockerfile
FROM alpine:3.20
EXPOSE 8080
```

## Fix safety
No automatic fix: the intended port cannot be guessed.

## References
- https://docs.docker.com/reference/dockerfile/#expose
- hadolint DL3011, Trivy DS-0008
)md",
};

}  // namespace shipshape
