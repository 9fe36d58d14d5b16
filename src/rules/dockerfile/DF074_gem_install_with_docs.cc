// gem install/update generating documentation.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

bool WritesGemrc(const dockerfile::Instruction& i) {
  return i.kind == dockerfile::Keyword::kRun &&
         (i.rest.text.find("no-document") != std::string::npos ||
          i.rest.text.find("no-rdoc") != std::string::npos);
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  const shell::OptionSyntax& syn = shell::OptionSyntaxFor(shell::PackageManager::kGem);
  for (const auto& r : an.runs()) {
    // The official ruby images ship a gemrc with `gem: --no-document`.
    if (r->stage && dockerfile::ParseImageRef(an.RootImage(*r->stage)).repository.ends_with("ruby"))
      continue;
    bool gemrc = false;
    an.ForEachBefore(r->ins, [&](const dockerfile::Instruction& i) {
      gemrc = WritesGemrc(i);
      return !gemrc;
    });
    if (gemrc) continue;
    for (const Cmd& c : r->cmds) {
      if (c.name() != "gem") continue;
      const shell::Word* sub = Subcommand(c, syn);
      if (!WordIs(sub, {"install", "i", "update"})) continue;
      if (shell::HasFlag(c.args(), 'N', {"no-document", "no-doc", "no-ri", "no-rdoc", "document"},
                         syn))
        continue;
      Emit(ctx, NameToSubcommand(c, sub),
           "gem " + std::string(sub->value()) +
               " also generates ri/rdoc documentation; add --no-document",
           MakeFix("Add --no-document", Applicability::kSafe, {InsertAfter(c, *sub, "--no-document")}));
    }
  }
}

}  // namespace

extern constinit const Rule kGemInstallWithDocs{
    .code = "DF074",
    .name = "gem-install-with-docs",
    .summary = "gem install/update generates documentation in the image",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .skips_onbuild = true,
    .aliases = {{"parfum", "gemUpdateNoDocument"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN gem install bundler:2.5.16\n", .after = "FROM debian:12\nRUN gem install --no-document bundler:2.5.16\n"},
    .docs = R"md(## What it does
Flags `gem install` and `gem update` without `--no-document` (or `-N`, `--no-ri`/`--no-rdoc`).
Not flagged in images built on the official `ruby` images (they configure
`gem: --no-document` in their gemrc) or after a `RUN` that writes such a setting.

## Why is this bad
Generating ri and rdoc documentation is slow and adds files nobody reads in a container.

## Example
```dockerfile
FROM debian:12
RUN gem install bundler:2.5.16
```

## Use instead
```dockerfile
FROM debian:12
RUN gem install --no-document bundler:2.5.16
```

## Fix safety
Safe: inserts `--no-document` after the subcommand; only documentation files are affected.

## References
- https://guides.rubygems.org/command-reference/#gem-install
- Parfum gemUpdateNoDocument
)md",
};

}  // namespace shipshape
