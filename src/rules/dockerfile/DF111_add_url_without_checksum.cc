// ADD <http(s) URL> without --checksum.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void CheckInstruction(const dockerfile::Instruction& ins, RuleContext& ctx) {
  if (ins.kind != dockerfile::Keyword::kAdd || ins.HasFlag("checksum") || ins.args.size() < 2) return;
  for (size_t i = 0; i + 1 < ins.args.size(); ++i) {
    const std::string& src = ins.args[i].value;
    if (!StartsWithNoCase(src, "http://") && !StartsWithNoCase(src, "https://")) continue;
    // Git URLs are pinned by ref, not by --checksum.
    if (src.find(".git#") != std::string::npos || Lower(src).ends_with(".git")) continue;
    ctx.Report(ins.args[i].range, "ADD downloads " + src +
                                      " without --checksum: a changed or compromised file goes "
                                      "into the image unnoticed")
        .WithFix("Add --checksum=sha256:<digest of the file>", Applicability::kDisplayOnly, {});
  }
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Instruction& ins : df.instructions) {
    CheckInstruction(ins, ctx);
    if (ins.onbuild) CheckInstruction(*ins.onbuild, ctx);
  }
}

}  // namespace

extern constinit const Rule kAddUrlWithoutChecksum{
    .code = "DF111",
    .name = "add-url-without-checksum",
    .summary = "ADD downloads a URL without verifying a checksum",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"kics", "Curl or Wget Instead of Add"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `ADD https://...` (or `http://`) without `--checksum=sha256:...`. Git sources are pinned by
their ref and are not flagged.

## Why is this bad
Whatever the server returns today goes into the image: a re-published release, a compromised
mirror or a man-in-the-middle on plain HTTP all pass silently, and the build is not reproducible.
Since Dockerfile 1.6, `ADD --checksum` verifies the download and fails the build on a mismatch.

## Example
```dockerfile
ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini
```

## Use instead
```dockerfile
ADD --checksum=sha256:93dcc18adc78c65a028a84799ecf8ad40c936fdfc5f2a57b1acda5a8117fa82c \
    https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini
```

## Fix safety
No automatic fix: the digest must come from a trusted source (the release page), not from
downloading the file now.

## References
- https://docs.docker.com/reference/dockerfile/#add---checksum
)md",
};

}  // namespace shipshape
