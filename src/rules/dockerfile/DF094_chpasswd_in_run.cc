// Passwords set at build time with chpasswd.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "chpasswd") continue;
      // Mask what is piped into chpasswd: it is usually `user:password`.
      DiagnosticBuilder b = ctx.Report(
          c.Range(c.inv().name_word()),
          "chpasswd sets a password at build time: it is stored in the image and in the "
          "Dockerfile; use key-based access or set credentials at run time");
      for (size_t up : c.seg->list->Upstream(c.index)) {
        const shell::Invocation& u = (*c.seg->list)[up];
        if (!u.ok()) continue;
        for (const shell::Word& w : u.args())
          if (w.value().find(':') != std::string_view::npos) b.Redact(c.seg->Source(w.range));
      }
    }
  }
}

}  // namespace

extern constinit const Rule kChpasswdInRun{
    .code = "DF094",
    .name = "chpasswd-in-run",
    .summary = "A password is set at build time with chpasswd",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"checkov", "CKV2_DOCKER_17"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `chpasswd` in a `RUN`. A `user:password` echoed into it is masked in every output.

## Why is this bad
The password is in the Dockerfile, in the image history and in `/etc/shadow` of every container:
anyone with the image has it, and it cannot be rotated without a rebuild.

## Example
```dockerfile
RUN echo 'root:secret' | chpasswd
```

## Use instead
Use key-based access, or set credentials when the container starts (a secret mounted at run
time).

## Fix safety
No fix.

## References
- Checkov CKV2_DOCKER_17
)md",
};

}  // namespace shipshape
