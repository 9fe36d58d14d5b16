// go install without @version.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      auto pi = InstallOf(c, {shell::PackageManager::kGo});
      if (!pi || !WordIs(pi->subcommand, {"install"})) continue;
      for (const shell::Word* w : pi->packages) {
        std::string_view v = w->value();
        if (!w->IsStatic() || v.empty() || v.starts_with(".") || v.starts_with("/")) continue;
        size_t at = v.rfind('@');
        // Without @, `go install` only works inside a module and builds the version go.mod
        // requires: pinned. Only moving queries are flagged.
        if (at == std::string_view::npos) continue;
        std::string_view ver = v.substr(at + 1);
        if (ver != "latest" && ver != "none" && ver != "master" && ver != "main" && ver != "HEAD" &&
            ver != "upgrade" && ver != "patch")
          continue;
        Emit(ctx, c.Range(*w),
             "go install " + std::string(v) + " resolves a moving version; pin @vX.Y.Z");
      }
    }
  }
}

}  // namespace

extern const Rule kGoInstallUnpinned{
    .code = "DF075",
    .name = "go-install-unpinned",
    .summary = "go install of a module without a fixed version",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3062"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `go install MODULE/PATH@latest` (also `@master`, `@main`, `@HEAD`, `@upgrade`, `@patch`).
Local packages (`.`, `./...`) are not flagged, and neither is a path without `@`: since Go 1.16
that form only works inside a module and builds the version `go.mod` requires (hadolint reports
it anyway).

## Why is this bad
`@latest` and branch names resolve to whatever was pushed last: two builds of one commit can
produce different binaries.

## Example
```dockerfile
RUN go install github.com/go-delve/delve/cmd/dlv@latest
```

## Use instead
```dockerfile
RUN go install github.com/go-delve/delve/cmd/dlv@v1.23.1
```

## Fix safety
No fix.

## References
- https://go.dev/ref/mod#go-install
- hadolint DL3062
)md",
    .cases = {Bad("FROM golang:1.23\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\n"),
              Bad("FROM golang:1.23\nRUN go install -v golang.org/x/tools/gopls@master\n"),
              Good("FROM golang:1.23\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.23.1\n"),
              Good("FROM golang:1.23\nRUN go install ./...\n"),
              Good("FROM golang:1.23\nRUN cd tools && go install golang.org/x/tools/gopls\n"),
              Good("FROM golang:1.23\nRUN go install -ldflags '-s -w' ./cmd/app\n")},
};

}  // namespace shipshape
