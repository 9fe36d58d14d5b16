// Both wget and curl used in one stage.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const dockerfile::Stage& st : df.stages) {
    bool wget = false, curl = false;
    // Once the stage has used both, every RUN that calls either is reported (as hadolint does):
    // at the second tool's first call, then at each later RUN's first call.
    for (const auto& r : an.runs()) {
      if (r->stage != &st) continue;
      const Cmd* at = nullptr;
      for (const Cmd& c : r->cmds) {
        const bool is_wget = c.name() == "wget", is_curl = c.name() == "curl";
        if (!is_wget && !is_curl) continue;
        wget |= is_wget;
        curl |= is_curl;
        if (!at && wget && curl) at = &c;
      }
      if (!at) continue;
      const bool is_wget = at->name() == "wget";
      Emit(ctx, at->Range(at->inv().name_word()),
           std::string("stage uses both wget and curl; pick one (") + (is_wget ? "curl" : "wget") +
               " is already used)");
    }
  }
}

}  // namespace

extern constinit const Rule kWgetAndCurlInStage{
    .code = "DF086",
    .name = "wget-and-curl-in-stage",
    .summary = "A stage downloads with both wget and curl",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL4001"}, {"trivy", "DS-0014"}, {"kics", "Run Using 'wget' and 'curl'"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags a stage whose `RUN` instructions call both `wget` and `curl`: the `RUN` where the second
tool first appears, and every later `RUN` of the stage that calls either.

## Why is this bad
Two tools that do the same job means two packages to install, patch and keep in the image, and
two sets of flags for readers to know.

## Example
```dockerfile
RUN wget -q https://e.com/a.tgz && curl -fsSLO https://e.com/b.tgz
```

## Use instead
```dockerfile
RUN curl -fsSLO https://e.com/a.tgz && curl -fsSLO https://e.com/b.tgz
```

## Fix safety
No fix: the options differ between the tools.

## References
- hadolint DL4001, Trivy DS-0014
)md",
};

}  // namespace shipshape
