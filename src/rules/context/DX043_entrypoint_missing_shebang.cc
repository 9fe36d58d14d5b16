// An entrypoint script without a `#!` line (or with a byte-order mark in front of it): the
// kernel cannot exec it and the container fails with "exec format error".
#include "rules/context/context_util.h"
#include "rules/context/script_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


/// Constructs POSIX sh lacks: the script then needs bash.
bool HasBashisms(std::string_view t) {
  static const std::string_view kMarks[] = {"[[", "pipefail", "function ", "source ", "<<<",
                                            "=(", "${!", "$'", "declare ", "shopt ", "&>"};
  for (std::string_view m : kMarks)
    if (t.find(m) != std::string_view::npos) return true;
  return false;
}

void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kEntrypoint) return;
  const std::string_view text = file.text;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
  // Started through a shell (`ENTRYPOINT ["sh", "/entrypoint.sh"]`, or shell form, whose
  // `/bin/sh -c` runs a file without `#!` as a script) and never executed directly: no exec
  // format error can happen.
  const context::ScriptUse use = context::FindScriptUse(ctx.workspace(), file.path);
  if (use.run_by_shell && !use.executed_directly) return;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    if (text.substr(3, 2) == "#!") {
      ctx.Report({0, 3}, "a UTF-8 byte-order mark precedes `#!`: the kernel no longer sees a "
                         "shebang and exec fails with \"exec format error\"")
          .WithFix("Remove the byte-order mark", Applicability::kSafe, {Edit::Delete({0, 3})});
      return;
    }
  }
  if (text.substr(0, 2) == "#!") return;
  const std::string interpreter = HasBashisms(text) ? "#!/bin/bash" : "#!/bin/sh";
  const uint32_t at = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const size_t eol = text.find('\n');
  ctx.Report({0, static_cast<uint32_t>(eol == std::string_view::npos ? text.size() : eol)},
             "no `#!` line: an ENTRYPOINT in exec form (`[\"/docker-entrypoint.sh\"]`) fails with "
             "\"exec format error\"; start the script with `" + interpreter + "`")
      .WithFix("Insert `" + interpreter + "`", Applicability::kUnsafe,
               {Edit::Insert(at, interpreter + std::string(context::LineEnding(text)))});
}

}  // namespace

extern constinit const Rule kEntrypointMissingShebang{
    .code = "DX043",
    .name = "entrypoint-missing-shebang",
    .summary = "entrypoint script has no #! line (exec format error)",
    .target = Target::kContext,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .fix_example = {.path = "docker-entrypoint.sh", .before = "set -e\nexec \"$@\"\n", .after = "#!/bin/sh\nset -e\nexec \"$@\"\n"},
    .docs = R"md(## What it does
Flags entrypoint scripts whose first bytes are not `#!`, including scripts where a UTF-8
byte-order mark (added by some Windows editors) comes before the `#!`.

Scripts that the Dockerfiles around them only start through a shell (`ENTRYPOINT ["sh",
"/docker-entrypoint.sh"]`, or the shell form) are not flagged: the shell reads them whatever
their first line.

## Why is this bad
`ENTRYPOINT ["/docker-entrypoint.sh"]` makes the kernel exec the file directly. Without a
shebang it cannot tell which interpreter to use and the container dies at start with
`exec format error` (some runtimes report `no such file or directory`). Only the shell form
(`ENTRYPOINT sh /docker-entrypoint.sh`) would work, and that form has its own signal problems.

## Example
```sh
set -e
exec "$@"
```

## Use instead
```sh
#!/bin/sh
set -e
exec "$@"
```

## Fix safety
Removing a byte-order mark is safe. Adding a shebang is unsafe: the interpreter is a guess,
`#!/bin/bash` when the script uses bash-only syntax (`[[`, `pipefail`, arrays, `source`, here
strings) and `#!/bin/sh` otherwise, and bash may be missing from small images such as Alpine.

## References
- https://docs.docker.com/reference/dockerfile/#exec-form-entrypoint-example
- https://man7.org/linux/man-pages/man2/execve.2.html
)md",
};

}  // namespace shipshape
