// `gem update --system` leaving /root/.gem behind.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    if (!r->onbuild && (r->stage == nullptr || !an.InFinalImage(*r->stage))) continue;
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      if (c.name() != "gem") continue;
      const auto args = c.args();
      bool update = false, system = false;
      for (const shell::Word& w : args) {
        update = update || w.Is("update");
        system = system || w.Is("--system");
      }
      if (!update || !system) continue;
      if (r->AnyAfter(i, [](const Cmd& x) {
            return shell::RemovesPath(x.inv(), "/root/.gem") ||
                   shell::RemovesPath(x.inv(), "~/.gem") ||
                   shell::RemovesPath(x.inv(), "$HOME/.gem");
          }))
        continue;
      Emit(ctx, c.Range(),
           "gem update --system leaves its download cache in /root/.gem in the layer",
           MakeFix("Append `&& rm -rf /root/.gem`", Applicability::kUnsafe,
                   {AppendToScript(*c.seg, " && rm -rf /root/.gem")}));
    }
  }
}

}  // namespace

extern constinit const Rule kGemUpdateSystemLeftovers{
    .code = "DF130",
    .name = "gem-update-system-leftovers",
    .summary = "gem update --system is not followed by removing /root/.gem",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .aliases = {{"parfum", "gemUpdateSystemRmRootGem"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM ruby:3.3\nRUN gem update --system --no-document\n", .after = "FROM ruby:3.3\nRUN gem update --system --no-document && rm -rf /root/.gem\n"},
    .docs = R"md(## What it does
Flags `gem update --system` in a `RUN` that does not remove `/root/.gem` afterwards. Only stages
whose filesystem reaches the final image are checked.

## Why is this bad
Updating RubyGems downloads the `rubygems-update` gem and its spec cache into `/root/.gem`; none
of it is needed once the update is installed, but it stays in the layer.

## Example
```dockerfile
RUN gem update --system --no-document
```

## Use instead
```dockerfile
RUN gem update --system --no-document && rm -rf /root/.gem
```

## Fix safety
Unsafe: appends ` && rm -rf /root/.gem` at the end of the script; gems a root user installed
with `--user-install` earlier in the same layer would go too.

## References
- https://guides.rubygems.org/command-reference/#gem-update
- Parfum gemUpdateSystemRmRootGem
)md",
};

}  // namespace shipshape
