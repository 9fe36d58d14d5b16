// An entrypoint script that keeps going after a failed command (no `set -e`).
#include "rules/context/context_util.h"
#include "rules/context/script_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kEntrypoint) return;
  const std::string_view text = file.text;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
  const context::Shebang sb = context::ParseShebang(text);
  if (sb.present && !sb.is_shell) return;
  std::vector<std::string_view> shebang_words;
  for (const auto& w : sb.args) shebang_words.push_back(w.text);
  if (context::OptionsEnabled(shebang_words).errexit) return;
  const auto parsed = context::ParseScript(text);
  const shell::Script& script = parsed->script;
  for (size_t i = 0; i < script.commands.size(); ++i) {
    const shell::Command& c = script.commands[i];
    // Anywhere counts: `main() { set -e; ...; }; main "$@"` is a deliberate choice too.
    if (c.name() != "set") continue;
    if (context::OptionsEnabled(context::SetArgs(c)).errexit) return;
  }
  // After the shebang (or at the very top), in the file's line ending style.
  const uint32_t at = sb.present ? sb.next_line : 0;
  std::string insert;
  if (sb.present && at == text.size() && text.back() != '\n') insert += context::LineEnding(text);
  insert += "set -e";
  insert += context::LineEnding(text);
  ctx.Report(sb.present ? sb.line : TextRange::At(0),
             "the script never enables errexit (`set -e`): when a setup step fails (a migration, "
             "a config template) it carries on and starts the service half-configured")
      .WithFix("Insert `set -e` after the shebang", Applicability::kUnsafe,
               {Edit::Insert(at, std::move(insert))});
}

}  // namespace

extern constinit const Rule kEntrypointMissingErrexit{
    .code = "DX041",
    .name = "entrypoint-missing-errexit",
    .summary = "entrypoint script does not stop on errors (no set -e)",
    .target = Target::kContext,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kAlways,
    // Preview (opt in with --preview): whether to use `set -e` is a contested style choice (its
    // exceptions make it unreliable, BashFAQ/105, and many scripts check errors explicitly); on
    // real entrypoints it flagged 5 of 16 working scripts, and its fix changes behaviour.
    .status = Status::kPreview,
    .aliases = {},
    .check_context = Check,
    .fix_example = {.path = "docker-entrypoint.sh", .before = "#!/bin/sh\nexec \"$@\"\n", .after = "#!/bin/sh\nset -e\nexec \"$@\"\n"},
    .docs = R"md(## What it does
Flags shell entrypoint scripts that never turn on errexit: no `set -e` (in any cluster, such as
`set -eu`, `set -Eeuo pipefail`), no `set -o errexit`, and no `-e` on the shebang line. A `set -e`
anywhere counts, also inside the function that does the work (`main() { set -e; ... }`), even
though it is most useful right at the top. Scripts for other interpreters
(`#!/usr/bin/env python3`) are skipped.

## Why is this bad
An entrypoint prepares the container (waits for the database, runs migrations, renders config
from templates, fixes permissions) and then starts the service. Without errexit a failed step is
ignored and the service starts in a broken state, often reporting healthy while it is not. With
`set -e` the container exits with the failing command's status, and the restart policy and
orchestrator see the failure.

## Example
```sh
#!/bin/sh
envsubst < /etc/app.tmpl > /etc/app.conf
exec "$@"
```

## Use instead
```sh
#!/bin/sh
set -e
envsubst < /etc/app.tmpl > /etc/app.conf
exec "$@"
```

## Fix safety
Unsafe: a script that relied on ignoring failures (a `grep` that finds nothing, an optional
`chown` on a read-only mount) now exits at that line. Review commands whose failure is expected
and add `|| true` to them. The `set -e` line is inserted right after the shebang.

## References
- https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#set
- https://github.com/docker-library/official-images#consistency
)md",
};

}  // namespace shipshape
