// PYTHONHTTPSVERIFY=0.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;
using dockerfile::Instruction;
using dockerfile::Keyword;

constexpr std::string_view kMessage =
    "PYTHONHTTPSVERIFY=0 turns off certificate verification for Python's HTTPS clients";

void CheckEnv(const Instruction& ins, RuleContext& ctx) {
  if (ins.kind != Keyword::kEnv && ins.kind != Keyword::kArg) return;
  for (const dockerfile::KeyValue& kv : ins.pairs)
    if (kv.key == "PYTHONHTTPSVERIFY" && kv.has_value && Falsy(kv.value))
      ctx.Report(TextRange::Cover(kv.key_range, kv.value_range), std::string(kMessage));
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const Instruction& ins : df.instructions) {
    CheckEnv(ins, ctx);
    if (ins.onbuild) CheckEnv(*ins.onbuild, ctx);
  }
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs())
    for (const Cmd& c : r->cmds)
      if (auto v = AssignedIn(c, "PYTHONHTTPSVERIFY"); v && Falsy(*v))
        Emit(ctx, c.Range(), std::string(kMessage));
}

}  // namespace

extern constinit const Rule kPythonHttpsVerifyDisabled{
    .code = "DF066",
    .name = "python-https-verify-disabled",
    .summary = "PYTHONHTTPSVERIFY=0 disables TLS certificate checks in Python",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"checkov", "CKV2_DOCKER_5"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `PYTHONHTTPSVERIFY=0` in `ENV`, `ARG` or a `RUN` (prefix assignment or `export`).

## Why is this bad
The variable makes Python's standard HTTPS client accept any certificate, during the build and,
for `ENV`, in every container started from the image: man-in-the-middle attacks become trivial.

## Example
```dockerfile
ENV PYTHONHTTPSVERIFY=0
```

## Use instead
Install the CA certificate the server uses (`update-ca-certificates`, `SSL_CERT_FILE`).

## Fix safety
No fix: the right certificate has to be provided.

## References
- https://peps.python.org/pep-0493/
- Checkov CKV2_DOCKER_5
)md",
};

}  // namespace shipshape
