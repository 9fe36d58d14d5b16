// npm/yarn/pnpm installs of named packages without a version.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;
using shell::PackageManager;

bool Pinned(std::string_view v) {
  static constexpr std::string_view kGit[] = {"git://", "git+ssh://", "git+http://",
                                              "git+https://", "github:", "gitlab:", "bitbucket:"};
  for (std::string_view p : kGit)
    if (v.starts_with(p)) return v.find('#') != std::string_view::npos;
  if (v.ends_with(".tar") || v.ends_with(".tar.gz") || v.ends_with(".tgz")) return true;
  if (v.starts_with("/") || v.starts_with("./") || v.starts_with("../") || v.starts_with("~/") ||
      v == "." || v.starts_with("file:") || v.starts_with("link:") || v.starts_with("workspace:"))
    return true;
  std::string_view rest = v;
  if (rest.starts_with("@")) {  // @scope/name@1.2
    size_t slash = rest.find('/');
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  } else if (rest.find('/') != std::string_view::npos) {
    return rest.find('#') != std::string_view::npos;  // user/repo GitHub shorthand
  }
  return rest.find('@') != std::string_view::npos;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      auto pi = InstallOf(c, {PackageManager::kNpm, PackageManager::kYarn, PackageManager::kPnpm});
      if (!pi || !pi->subcommand || pi->subcommand->Is("ci")) continue;
      std::vector<const shell::Word*> loose;
      for (const shell::Word* w : pi->packages) {
        std::string_view v = w->value();
        if (!w->IsStatic() || v.empty() || Pinned(v)) continue;
        loose.push_back(w);
      }
      if (loose.empty()) continue;
      std::string names;
      for (size_t i = 0; i < loose.size() && i < 3; ++i)
        names += (i ? ", " : "") + std::string(loose[i]->value());
      if (loose.size() > 3) names += " and " + std::to_string(loose.size() - 3) + " more";
      Emit(ctx, Span(c, *loose.front(), *loose.back()),
           std::string(shell::PackageManagerName(pi->manager)) +
               " packages without a version (" + names + "); use `name@<version>`");
    }
  }
}

}  // namespace

extern constinit const Rule kNodePackageUnpinned{
    .code = "DF067",
    .name = "node-package-unpinned",
    .summary = "npm/yarn/pnpm install of named packages without a version",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3016"}, {"kics", "NPM Install Command Without Pinned Version"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `npm install NAME` (also `npm i`, `yarn add`, `yarn global add`, `pnpm add`) when a named
package has no `@version` or tag. Not flagged: `npm install`/`npm ci` without operands (they use
`package.json` and the lockfile), tarballs (`.tgz`, `.tar.gz`), local folders (`./pkg`, `/src`,
`file:`), git URLs with a `#ref`, and operands built from variables. Scoped names are handled:
`@scope/name` needs a second `@`.

## Why is this bad
Without a version, a rebuild installs whatever was published last, including a new major release
or a compromised one.

## Example
```dockerfile
RUN npm install -g pm2
```

## Use instead
```dockerfile
RUN npm install -g pm2@5.4.2
```

## Fix safety
No fix: choosing the version needs the registry.

## References
- https://docs.npmjs.com/cli/commands/npm-install
- hadolint DL3016
)md",
};

}  // namespace shipshape
