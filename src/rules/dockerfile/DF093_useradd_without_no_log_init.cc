// useradd with a large UID and without -l.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

constexpr std::string_view kUseraddLong[] = {
    "base-dir", "comment", "home-dir", "expiredate", "inactive", "gid", "groups", "skel", "key",
    "password", "shell", "uid", "root", "prefix", "selinux-user", "btrfs-subvolume-home"};
const shell::OptionSyntax kUseradd{"bcdefgGkKpsuRPZ", kUseraddLong};

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "useradd") continue;
      if (shell::HasFlag(c.args(), 'l', {"no-log-init"}, kUseradd)) continue;
      auto uid = shell::FindFlag(c.args(), 'u', {"uid"}, kUseradd);
      if (!uid || !uid->has_value) continue;
      std::string_view v = uid->value;
      bool digits = !v.empty();
      for (char ch : v) digits = digits && ch >= '0' && ch <= '9';
      // lastlog is a sparse file indexed by UID; from six digits on it gets huge in the layer.
      if (!digits || v.size() <= 5) continue;
      const shell::Word& name = c.inv().name_word();
      Emit(ctx, Span(c, *uid->word, uid->value_word ? *uid->value_word : *uid->word),
           "useradd with UID " + std::string(v) +
               " and without --no-log-init writes a huge sparse /var/log/lastlog into the layer",
           MakeFix("Add --no-log-init", Applicability::kSafe, {InsertAfter(c, name, "--no-log-init")}));
    }
  }
}

}  // namespace

extern constinit const Rule kUseraddWithoutNoLogInit{
    .code = "DF093",
    .name = "useradd-without-no-log-init",
    .summary = "useradd with a large UID bloats the image through lastlog",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3046"}, {"parfum", "DL3046"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN useradd -u 1000000 app\n", .after = "FROM debian:12\nRUN useradd --no-log-init -u 1000000 app\n"},
    .docs = R"md(## What it does
Flags `useradd -u UID` with a UID of six digits or more and without `-l`/`--no-log-init`.

## Why is this bad
`useradd` records the user in `/var/log/lastlog` and `faillog`, sparse files indexed by UID.
Docker's layer format does not keep files sparse, so a UID like 1000000 adds hundreds of
megabytes of zeros to the image.

## Example
```dockerfile
RUN useradd -u 1000000 app
```

## Use instead
```dockerfile
RUN useradd --no-log-init -u 1000000 app
```

## Fix safety
Safe: inserts `--no-log-init` after `useradd`; only the login records are skipped.

## References
- https://github.com/moby/moby/issues/5419
- hadolint DL3046
)md",
};

}  // namespace shipshape
