// go install/get/run of a module without a fixed @version.
#include <algorithm>

#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

bool IsLocal(std::string_view v) {
  return v.starts_with(".") || v.starts_with("/") || v.starts_with("~") || v.ends_with(".go");
}

/// `@latest` and the other module queries that move with every push.
bool IsMovingQuery(std::string_view ver) {
  return ver == "latest" || ver == "none" || ver == "master" || ver == "main" || ver == "HEAD" ||
         ver == "upgrade" || ver == "patch";
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  const shell::OptionSyntax& syntax = shell::OptionSyntaxFor(shell::PackageManager::kGo);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "go") continue;
      std::vector<const shell::Word*> pos = shell::Positionals(c.args(), syntax);
      if (pos.empty() || !WordIs(pos[0], {"install", "get", "run"})) continue;
      const std::string sub(pos[0]->value());
      // `go run PKG ARGS...` runs one package; the words after it are the program's arguments.
      const size_t end = sub == "run" ? std::min<size_t>(pos.size(), 2) : pos.size();
      for (size_t k = 1; k < end; ++k) {
        const shell::Word* w = pos[k];
        std::string_view v = w->value();
        if (!w->IsStatic() || v.empty() || IsLocal(v)) continue;
        // Meta-packages: `tool` (the tools go.mod lists), `all`, `std`, `cmd`.
        if (v == "tool" || v == "all" || v == "std" || v == "cmd") continue;
        const size_t at = v.rfind('@');
        if (at != std::string_view::npos && !IsMovingQuery(v.substr(at + 1))) continue;
        Emit(ctx, c.Range(*w),
             "go " + sub + " " + std::string(v) +
                 (at == std::string_view::npos ? " has no version" : " resolves a moving version") +
                 "; pin @vX.Y.Z");
      }
    }
  }
}

}  // namespace

extern constinit const Rule kGoInstallUnpinned{
    .code = "DF075",
    .name = "go-install-unpinned",
    .summary = "go install, get or run of a module without a fixed version",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3062"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `go install`, `go get` and `go run` of a module package without a version, or with a
moving one: `@latest` (also `@master`, `@main`, `@HEAD`, `@upgrade`, `@patch`). Local packages
(`.`, `./...`, absolute paths, `.go` files) and the meta-packages `tool`, `all`, `std` and `cmd`
are not flagged; for `go run` only the package is checked, not the program's arguments.

## Why is this bad
`@latest` and branch names resolve to whatever was pushed last: two builds of one commit can
produce different binaries. Without any version, `go get` upgrades to the newest release, and
`go install`/`go run` depend on a `go.mod` that the reader of the Dockerfile cannot see (outside a
module they fail).

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
};

}  // namespace shipshape
