// npm install where a lockfile was copied and npm ci fits.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;
using dockerfile::Instruction;
using dockerfile::Keyword;

enum class Lock { kNone, kGlob, kExplicit };

// Did a COPY/ADD before `ins` (in its stage chain) bring in package-lock.json?
Lock LockCopied(const Analysis& an, const Instruction* ins) {
  Lock lock = Lock::kNone;
  an.ForEachBefore(ins, [&](const Instruction& i) {
    if (i.kind != Keyword::kCopy && i.kind != Keyword::kAdd) return true;
    for (size_t k = 0; k + 1 < i.args.size(); ++k) {
      std::string_view v = i.args[k].value;
      if (v.ends_with("package-lock.json") || v.ends_with("npm-shrinkwrap.json")) {
        lock = Lock::kExplicit;
        return false;
      }
      if (v.ends_with("package*.json")) lock = Lock::kGlob;
    }
    return true;
  });
  return lock;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      auto pi = InstallOf(c, {shell::PackageManager::kNpm});
      if (!pi || !WordIs(pi->subcommand, {"install", "i"}) || !pi->packages.empty()) continue;
      if (pi->HasFlag('g', {"global", "no-package-lock", "package-lock", "package-lock-only",
                            "save", "no-save"}))
        continue;
      Lock lock = LockCopied(an, r->ins);
      if (lock == Lock::kNone) continue;
      Emit(ctx, NameToSubcommand(c, pi->subcommand),
           "npm install with a lockfile present: `npm ci` installs exactly the locked versions "
           "and fails if package.json and the lock disagree",
           MakeFix("Use npm ci",
                   lock == Lock::kExplicit ? Applicability::kUnsafe : Applicability::kDisplayOnly,
                   {ReplaceWord(c, *pi->subcommand, "ci")}));
    }
  }
}

}  // namespace

extern constinit const Rule kNpmInstallInsteadOfCi{
    .code = "DF068",
    .name = "npm-install-instead-of-ci",
    .summary = "npm install is used where a lockfile was copied and npm ci fits",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .aliases = {},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm install\n", .after = "FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\n"},
    .docs = R"md(## What it does
Flags `npm install` (no package operands, not global) in a stage where an earlier `COPY`/`ADD`
brought in `package-lock.json` or `npm-shrinkwrap.json` (or `package*.json`, which usually
includes the lockfile).

## Why is this bad
`npm install` may update the lockfile and install versions other than the locked ones. `npm ci`
installs exactly what the lockfile says, starts from a clean `node_modules`, and fails loudly
when `package.json` and the lockfile disagree: reproducible builds.

## Example
```dockerfile
COPY package.json package-lock.json ./
RUN npm install
```

## Use instead
```dockerfile
COPY package.json package-lock.json ./
RUN npm ci
```

## Fix safety
Unsafe when the lockfile is copied by name: `npm ci` fails if the lockfile is out of date. Only a
suggestion when the copy is the `package*.json` glob, because the lockfile might not exist.

## References
- https://docs.npmjs.com/cli/commands/npm-ci
)md",
};

}  // namespace shipshape
