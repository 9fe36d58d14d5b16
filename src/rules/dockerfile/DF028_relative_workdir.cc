// WORKDIR with a relative path.
#include "core/workspace.h"
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

// Walks `stage`'s instructions tracking the working directory; reports relative WORKDIRs when
// `report` is set. Returns the directory at the end (nullopt: unknown, from the base image).
std::optional<std::string> Walk(const dockerfile::Dockerfile& df, const dockerfile::Stage& st,
                                std::optional<std::string> cwd, bool report, RuleContext& ctx) {
  rules::VarScope scope(df, st);
  for (const dockerfile::Instruction* ins : st.instructions) {
    scope.Apply(*ins);
    if (ins->kind != dockerfile::Keyword::kWorkdir || ins->args.empty()) continue;
    const std::string& raw = ins->args[0].value;
    rules::Expansion e = scope.Expand(raw);
    if (!e.complete || e.text.empty()) {
      // `WORKDIR $HOME/x` with an unknown $HOME: hadolint accepts a leading variable too.
      cwd.reset();
      continue;
    }
    if (rules::IsAbsolutePath(e.text)) {
      cwd = NormalizePath(e.text);
      continue;
    }
    std::optional<std::string> resolved;
    if (cwd) resolved = JoinPath(*cwd, e.text);
    if (report) {
      if (resolved) {
        DiagnosticBuilder b = ctx.Report(
            ins->args[0].range, "WORKDIR " + e.text + " is relative; it resolves to " + *resolved +
                                    " here, but an absolute path says so directly");
        // Rewrite only literal paths; a variable in the path would be lost.
        if (raw.find('$') == std::string::npos) {
          std::string text = *resolved;
          if (text.find_first_of(" \t\"'") != std::string::npos) text = rules::JsonQuote(text);
          b.WithFix("Use the absolute path " + *resolved, Applicability::kSafe,
                    {Edit::Replace(ins->args[0].range, text)});
        }
      } else {
        ctx.Report(ins->args[0].range,
                   "WORKDIR " + e.text + " is relative to the base image's working directory, "
                                         "which this Dockerfile does not set; use an absolute path");
      }
    }
    cwd = resolved;
  }
  return cwd;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    if (rules::LooksWindows(df, st)) continue;  // C:\ paths and drive-relative forms differ
    std::vector<const dockerfile::Stage*> chain = rules::StageChain(df, st);
    // scratch starts in "/"; an external image in a directory this file does not know.
    std::optional<std::string> cwd;
    if (rules::IsScratch(chain.front()->base_resolved)) cwd = "/";
    for (size_t i = 0; i + 1 < chain.size(); ++i) cwd = Walk(df, *chain[i], cwd, false, ctx);
    Walk(df, st, cwd, true, ctx);
  }
}

}  // namespace

extern constinit const Rule kRelativeWorkdir{
    .code = "DF028",
    .name = "relative-workdir",
    .summary = "WORKDIR uses a relative path",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3000"}, {"buildkit", "WorkdirRelativePath"}, {"trivy", "DS-0009"},
                {"checkov", "CKV_DOCKER_10"}, {"kics", "WORKDIR Path Not Absolute"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM node:22\nWORKDIR /srv\nWORKDIR app/../web\n", .after = "FROM node:22\nWORKDIR /srv\nWORKDIR /srv/web\n"},
    .docs = R"md(## What it does
Flags `WORKDIR` with a relative path. The message says what it resolves to:

- when an absolute `WORKDIR` came earlier in the stage (or a stage it builds `FROM`), the path is
  well defined and the fix spells it out;
- otherwise it is relative to the base image's working directory, which the Dockerfile does not
  control (BuildKit's `WorkdirRelativePath` case).

Paths that expand from unknown variables (`WORKDIR $HOME/app`) and Windows images are skipped.

## Why is this bad
A relative `WORKDIR` depends on state set somewhere else: a base image update that changes its
`WORKDIR`, or an edit far above, silently moves every later `COPY`, `RUN` and the running
process.

## Example
```dockerfile
FROM node:22
WORKDIR app
```

## Use instead
```dockerfile
FROM node:22
WORKDIR /app
```

## Fix safety
Safe, and only offered when the resolved path is known from an earlier absolute `WORKDIR` in the
Dockerfile: the new text names the same directory.

## References
- https://docs.docker.com/reference/dockerfile/#workdir
- https://docs.docker.com/reference/build-checks/workdir-relative-path/
- hadolint DL3000
)md",
};

}  // namespace shipshape
