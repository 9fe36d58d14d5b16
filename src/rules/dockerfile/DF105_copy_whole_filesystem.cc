// COPY --from=<stage> / <dest>: the whole root file system of another stage.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    // `FROM scratch` + `COPY --from=x / /` is the deliberate flatten/squash pattern.
    const bool into_scratch = rules::ChainFromScratch(df, st);
    rules::VarScope scope(df, st);
    for (const dockerfile::Instruction* ins : st.instructions) {
      scope.Apply(*ins);
      if (ins->kind != dockerfile::Keyword::kCopy || ins->args.size() < 2) continue;
      const dockerfile::Flag* f = ins->FindFlag("from");
      if (!f || into_scratch) continue;
      rules::Expansion from = scope.Expand(f->value);
      if (!from.complete) continue;
      // Only a build stage of this file is known to carry a build environment. Images (and stages
      // that merely alias one) copied whole are usually artifact images built FROM scratch, and a
      // stage assembled FROM scratch is a root file system built on purpose.
      const dockerfile::Stage* src = df.FindStage(from.text);
      if (!src || src->index >= st.index || rules::ChainFromScratch(df, *src)) continue;
      bool builds = false;
      for (const dockerfile::Stage* s : rules::StageChain(df, *src))
        builds |= rules::LastOf(*s, dockerfile::Keyword::kRun) != nullptr;
      if (!builds) continue;
      for (size_t i = 0; i + 1 < ins->args.size(); ++i) {
        std::string p = scope.Expand(ins->args[i].value).text;
        if (p != "/" && p != "/." && p != "/*" && p != "/./") continue;
        ctx.Report(ins->args[i].range, "COPY --from=" + from.text +
                                           " / copies that image's entire file system (package "
                                           "manager, shell, caches); copy only what the stage built");
        break;
      }
    }
  }
}

}  // namespace

extern constinit const Rule kCopyWholeFilesystem{
    .code = "DF105",
    .name = "copy-whole-filesystem",
    .summary = "COPY --from copies another stage's whole file system",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .skips_onbuild = true,
    .aliases = {{"hadolint", "DL3067"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `COPY --from=<stage> / ...` where the source is the root directory of a build stage of this
Dockerfile (one that runs `RUN` commands). Not flagged: copying into a stage built `FROM scratch`
(the flatten pattern), copying from a stage assembled `FROM scratch`, and copying from an image
or a stage that only aliases one (artifact images such as `tonistiigi/xx` are meant to be copied
whole).

## Differences from hadolint
hadolint DL3067 reports `COPY --from=NAME / /` for any `NAME`. shipshape reports it only when
`NAME` is a build stage of the same file that runs commands: an image or an undefined name (a
named build context, or a stage defined in the file a fragment is pasted into) is often an
artifact image built `FROM scratch`, copied whole on purpose.

## Why is this bad
The whole build environment (compilers, package caches, shells, credentials left in files) ends
up in the image, which defeats the point of a multi-stage build and bloats and weakens the
result.

## Example
```dockerfile
FROM golang:1.23 AS build
RUN go build -o /out/app .
FROM alpine:3.20
COPY --from=build / /
```

## Use instead
```dockerfile
FROM golang:1.23 AS build
RUN go build -o /out/app .
FROM alpine:3.20
COPY --from=build /out/app /usr/local/bin/app
```

## Fix safety
No automatic fix: what the stage produced must be named.

## References
- hadolint DL3067
)md",
};

}  // namespace shipshape
