// curl | sh, wget -O- | bash.
#include <algorithm>

#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const auto& seg : r->segments) {
      const shell::CommandList& list = *seg->list;
      for (auto [down, interp] : shell::FindDownloadPipedToInterpreter(list)) {
        TextRange a = seg->Source(list[down].command->range);
        TextRange b = seg->Source(list[interp].command->range);
        Emit(ctx, {a.start, std::max(a.end, b.end)},
             "`" + std::string(list[down].name) + " ... | " + std::string(list[interp].name) +
                 "` runs whatever the server sends, unverified; download to a file, check its "
                 "checksum or signature, then run it");
      }
    }
  }
}

}  // namespace

extern constinit const Rule kDownloadPipedToInterpreter{
    .code = "DF091",
    .name = "download-piped-to-interpreter",
    .summary = "A download is piped straight into a shell or interpreter",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `curl ... | sh`, `wget -qO- ... | bash`, `curl ... | sudo python3 -` and similar: a
download written to standard output and read by `sh`, `bash`, `python`, `perl`, `ruby`, `node`
or `php`.

## Why is this bad
The script runs as it arrives: nothing checks that it is the one the author reviewed, a
truncated download runs half a script, and a compromised server runs code in every build.

## Example
```dockerfile
RUN curl -fsSL https://example.com/install.sh | sh
```

## Use instead
```dockerfile
RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \
 && echo "<sha256>  /tmp/install.sh" | sha256sum -c - \
 && sh /tmp/install.sh && rm /tmp/install.sh
```

## Fix safety
No fix: the expected checksum must come from the publisher.

## References
- https://docs.docker.com/build/building/best-practices/#using-pipes
)md",
};

}  // namespace shipshape
