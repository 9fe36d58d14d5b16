// A package index update in a RUN of its own (no install after it in the same RUN).
#include <algorithm>

#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

enum class Family { kNone, kApt, kApk, kRpm, kZypper };

Family FamilyOf(std::string_view n) {
  if (n == "apt-get" || n == "apt") return Family::kApt;
  if (n == "apk") return Family::kApk;
  if (n == "yum" || n == "dnf" || n == "dnf5" || n == "microdnf" || n == "tdnf") return Family::kRpm;
  if (n == "zypper") return Family::kZypper;
  return Family::kNone;
}

const shell::Word* Sub(const Cmd& c, Family f) {
  using PM = shell::PackageManager;
  PM pm = f == Family::kApt ? PM::kAptGet : f == Family::kApk ? PM::kApk
          : f == Family::kZypper ? PM::kZypper : PM::kYum;
  return Subcommand(c, shell::OptionSyntaxFor(pm));
}

bool IsIndexUpdate(const Cmd& c) {
  Family f = FamilyOf(c.name());
  const shell::Word* s = f == Family::kNone ? nullptr : Sub(c, f);
  switch (f) {
    case Family::kApt: case Family::kApk: return WordIs(s, {"update"});
    case Family::kRpm: return WordIs(s, {"makecache"});
    case Family::kZypper: return WordIs(s, {"refresh", "ref"});
    case Family::kNone: break;
  }
  return false;
}

// Commands that use the freshly downloaded index.
bool UsesIndex(const Cmd& c, Family want) {
  Family f = FamilyOf(c.name());
  if (f != want) return false;
  const shell::Word* s = Sub(c, f);
  if (s == nullptr || IsIndexUpdate(c)) return false;
  return !WordIs(s, {"clean", "autoclean", "cache"});
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (size_t k = 0; k < an.runs().size(); ++k) {
    const Run& r = *an.runs()[k];
    size_t update = r.cmds.size();
    bool alone = true;
    for (size_t i = 0; i < r.cmds.size(); ++i) {
      if (IsIndexUpdate(r.cmds[i])) {
        if (update == r.cmds.size()) update = i;
      } else if (!IsTrivialOrCleanup(r.cmds[i])) {
        alone = false;
      }
    }
    if (update == r.cmds.size() || !alone) continue;
    const Cmd& c = r.cmds[update];
    const Family fam = FamilyOf(c.name());
    // Offer to merge into the next instruction when it is a RUN installing with the same tool.
    std::optional<Fix> fix;
    if (k + 1 < an.runs().size() && r.stage != nullptr && !r.onbuild) {
      const Run& next = *an.runs()[k + 1];
      const auto& ins = r.stage->instructions;
      auto at = std::find(ins.begin(), ins.end(), r.ins);
      bool adjacent = at != ins.end() && at + 1 != ins.end() && *(at + 1) == next.ins;
      bool installs = next.Any([&](const Cmd& n) { return UsesIndex(n, fam); });
      if (adjacent && installs) {
        if (auto edits = JoinRuns(df.source, r, next)) {
          Fix f;
          f.title = "Merge with the next RUN";
          f.applicability = Applicability::kUnsafe;
          f.edits = std::move(*edits);
          fix = std::move(f);
        }
      }
    }
    Emit(ctx, NameToSubcommand(c, Sub(c, fam)),
         "`" + std::string(c.name()) + " " + std::string(Sub(c, fam)->value()) +
             "` alone in a RUN: the cached layer keeps a stale index for later installs; update "
             "and install in the same RUN",
         std::move(fix));
  }
}

}  // namespace

extern constinit const Rule kPackageIndexUpdateAlone{
    .code = "DF046",
    .name = "package-index-update-alone",
    .summary = "A package index update runs in a RUN with no install after it",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .skips_onbuild = true,
    .aliases = {{"trivy", "DS-0017"}, {"checkov", "CKV_DOCKER_5"},
                {"kics", "Update Instruction Alone"}, {"dockle", "CIS-DI-0007"},
                {"parfum", "aptGetUpdatePrecedesInstall"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n", .after = "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"},
    .docs = R"md(## What it does
Flags a `RUN` whose only real work is refreshing a package index: `apt-get update`,
`apk update`, `dnf`/`yum makecache`, `zypper refresh`, possibly with `echo` or cleanup commands
around it, but no install, upgrade or other use of the index.

## Why is this bad
Docker caches each instruction. When the install line changes later, the cached update layer is
reused and the install runs against an old index: packages that have since been removed from the
mirror fail to download, or stale versions get installed. Doing the update and the install in one
`RUN` always refreshes the index with the install.

## Example
```dockerfile
RUN apt-get update
RUN apt-get install -y curl
```

## Use instead
```dockerfile
RUN apt-get update && apt-get install -y curl
```

## Fix safety
Unsafe: when the next instruction is a `RUN` that installs with the same tool and has the same
flags, the two are joined with `&&`. Joining changes layering and cache behaviour, so review it.
Joins that would change failure behaviour (the next `RUN` has a top-level `;`, `||` or `&`) are
not offered.

## References
- https://docs.docker.com/build/building/best-practices/#apt-get
- Trivy DS-0017, Checkov CKV_DOCKER_5, CIS Docker Benchmark 4.7
)md",
};

}  // namespace shipshape
