// apk --allow-untrusted.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "apk") continue;
      auto a = shell::FindFlag(c.args(), 0, {"allow-untrusted"},
                               shell::OptionSyntaxFor(shell::PackageManager::kApk));
      if (!a) continue;
      Emit(ctx, c.Range(*a->word),
           "apk --allow-untrusted installs packages without checking their signature",
           MakeFix("Remove --allow-untrusted", Applicability::kUnsafe, {RemoveWord(c, *a->word)}));
    }
  }
}

}  // namespace

extern constinit const Rule kApkAllowUntrusted{
    .code = "DF051",
    .name = "apk-allow-untrusted",
    .summary = "apk installs packages without verifying signatures",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"checkov", "CKV2_DOCKER_7"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/x.apk\n", .after = "FROM alpine:3.20\nRUN apk add /tmp/x.apk\n"},
    .docs = R"md(## What it does
Flags `apk --allow-untrusted`.

## Why is this bad
The option accepts packages whose signature apk cannot verify, so a tampered or substituted
package installs silently, as root.

## Example
```dockerfile
RUN apk add --allow-untrusted /tmp/glibc.apk
```

## Use instead
```dockerfile
COPY glibc.rsa.pub /etc/apk/keys/
RUN apk add /tmp/glibc.apk
```

## Fix safety
Unsafe: removes the option; the build fails until the signing key is installed under
`/etc/apk/keys`.

## References
- Checkov CKV2_DOCKER_7
)md",
};

}  // namespace shipshape
