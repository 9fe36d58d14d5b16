// apt-get update without removing /var/lib/apt/lists in the same RUN.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

bool IsAptUpdate(const Cmd& c) {
  if (c.name() != "apt-get" && c.name() != "apt") return false;
  return WordIs(Subcommand(c, shell::OptionSyntaxFor(shell::PackageManager::kAptGet)), {"update"});
}

bool RemovesLists(const Cmd& c) {
  const shell::Invocation& inv = c.inv();
  if (shell::RemovesPath(inv, "/var/lib/apt/lists") || shell::RemovesPath(inv, "/var/lib/apt"))
    return true;
  if (inv.name == "rm")
    for (const shell::Word* w : shell::Positionals(inv))
      if (w->value() == "/var/lib/apt/*") return true;
  // apt >= 2.7: `apt-get distclean` also drops the lists.
  if (c.name() == "apt-get" || c.name() == "apt")
    return WordIs(Subcommand(c, shell::OptionSyntaxFor(shell::PackageManager::kAptGet)),
                  {"distclean", "dist-clean"});
  // find /var/lib/apt/lists -type f -delete
  if (inv.name == "find") {
    bool dir = false, del = false;
    for (const shell::Word& w : inv.args()) {
      dir |= w.value().starts_with("/var/lib/apt/lists");
      del |= w.Is("-delete") || w.Is("rm");
    }
    return dir && del;
  }
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    // Lists left in a builder stage never reach the image; ONBUILD runs in child images.
    if (!r->onbuild && (r->stage == nullptr || !an.InFinalImage(*r->stage))) continue;
    // A cache or tmpfs mount on /var/lib/apt (or its lists) keeps the lists out of the layer;
    // one on /var/cache/apt only holds the downloaded packages.
    if (r->HasDiscardMount("/var/lib/apt")) continue;
    size_t update = r->cmds.size();
    const Segment* last_apt = nullptr;
    for (size_t i = 0; i < r->cmds.size(); ++i) {
      const Cmd& c = r->cmds[i];
      if (update == r->cmds.size() && IsAptUpdate(c)) update = i;
      if (c.name() == "apt-get" || c.name() == "apt") last_apt = c.seg;
    }
    if (update == r->cmds.size()) continue;
    if (r->AnyAfter(update, RemovesLists)) continue;
    // `RUN apt-get update` with nothing using the lists: a later RUN installs from them, so
    // removing them here would break it (DF046 asks to merge the two instead).
    if (!r->AnyAfter(update, [](const Cmd& x) { return !IsTrivialOrCleanup(x) && !IsAptUpdate(x); }))
      continue;
    const Cmd& c = r->cmds[update];
    Emit(ctx, NameToSubcommand(c, Subcommand(c, shell::OptionSyntaxFor(shell::PackageManager::kAptGet))),
         "apt lists downloaded by `" + std::string(c.name()) +
             " update` stay in the layer; remove /var/lib/apt/lists/* in the same RUN",
         MakeFix("Append `&& rm -rf /var/lib/apt/lists/*`", Applicability::kSafe,
                 {AppendToScript(*last_apt, " && rm -rf /var/lib/apt/lists/*")}));
  }
}

}  // namespace

extern constinit const Rule kAptListsNotRemoved{
    .code = "DF042",
    .name = "apt-lists-not-removed",
    .summary = "apt-get update leaves /var/lib/apt/lists in the image layer",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3009"}, {"kics", "Apt Get Install Lists Were Not Deleted"},
                {"dockle", "DKL-DI-0005"}, {"parfum", "aptGetInstallThenRemoveAptLists"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n", .after = "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"},
    .docs = R"md(## What it does
Flags a `RUN` that runs `apt-get update` (or `apt update`) but does not remove
`/var/lib/apt/lists` later in the same `RUN` (`rm -rf /var/lib/apt/lists/*`, `rm -rf /var/lib/apt`,
`find /var/lib/apt/lists ... -delete`, `apt-get distclean`).

Not flagged: a `RUN --mount=type=cache` or `type=tmpfs` on `/var/lib/apt` or
`/var/lib/apt/lists` (one on `/var/cache/apt` alone does not hold the lists), and stages whose
filesystem never reaches the final image (a builder stage that is only `COPY --from`-ed, or an
unused stage).

## Differences from hadolint
- A cache mount on `/var/lib/apt` alone: hadolint still reports (it wants `/var/cache/apt`
  mounted too), shipshape does not, because the lists under `/var/lib/apt/lists` are then never
  written to the layer. Downloaded `.deb` files are a separate matter (`apt-get clean`).

## Why is this bad
The package lists are tens of megabytes. Removing them in a later `RUN` does not help: the layer
that added them is already part of the image.

## Example
```dockerfile
RUN apt-get update && apt-get install -y --no-install-recommends curl
```

## Use instead
```dockerfile
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
```
or, with BuildKit, a cache mount:
```dockerfile
RUN --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends curl
```

## Fix safety
Safe: appends ` && rm -rf /var/lib/apt/lists/*` after the last command of the script. The lists
are a download cache; a later `apt-get install` needs a fresh `apt-get update` anyway.

## References
- https://docs.docker.com/build/building/best-practices/#apt-get
- hadolint DL3009
)md",
};

}  // namespace shipshape
