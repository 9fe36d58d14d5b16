// An entrypoint script saved with Windows (CRLF) line endings: `/bin/sh^M: not found`.
#include "rules/context/script_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kEntrypoint) return;
  const std::string_view text = file.text;
  std::vector<Edit> edits;
  for (size_t p = text.find("\r\n"); p != std::string_view::npos; p = text.find("\r\n", p + 2))
    edits.push_back(Edit::Delete({static_cast<uint32_t>(p), static_cast<uint32_t>(p + 1)}));
  if (edits.empty()) return;
  // The Dockerfile converts it while building (`RUN dos2unix /entrypoint.sh`, `sed -i 's/\r$//'`):
  // the image gets LF endings, a common setup for repositories edited on Windows.
  if (context::FindScriptUse(ctx.workspace(), file.path).converts_crlf) return;
  const TextRange first = edits.front().range;
  const size_t n = edits.size();
  ctx.Report(first, std::to_string(n) + (n == 1 ? " line ends" : " lines end") +
                        " with CRLF: the shebang then names `/bin/sh\\r`, which does not exist "
                        "(\"no such file or directory\"), and every command gets a stray `\\r`")
      .WithFix("Convert line endings to LF", Applicability::kSafe, std::move(edits));
}

}  // namespace

extern constinit const Rule kEntrypointCrlfLineEndings{
    .code = "DX044",
    .name = "entrypoint-crlf-line-endings",
    .summary = "entrypoint script has CRLF line endings",
    .target = Target::kContext,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .fix_example = {.path = "docker-entrypoint.sh", .before = "#!/bin/sh\r\nexec \"$@\"\r\n", .after = "#!/bin/sh\nexec \"$@\"\n"},
    .docs = R"md(## What it does
Flags entrypoint scripts containing CRLF (`\r\n`) line endings, typically from a Windows checkout
with `core.autocrlf=true` or an editor set to Windows line endings.

Not flagged when a Dockerfile that can see the script converts it during the build (`RUN dos2unix
/entrypoint.sh`, `sed -i 's/\r$//' /entrypoint.sh`, `tr -d '\r'`): the image then holds LF
endings.

## Why is this bad
The kernel reads the interpreter from the shebang up to the newline, so `#!/bin/sh\r\n` asks for
a program named `sh\r`: the container fails with `no such file or directory` although
`/bin/sh` exists. When the script is started through `sh script.sh` instead, every line carries a
stray `\r`: `set -e\r` is an invalid option, `cd /app\r` goes nowhere, values get a trailing
carriage return.

## Example
```
#!/bin/sh␍
exec "$@"␍
```

## Use instead
```
#!/bin/sh
exec "$@"
```
and keep it that way with `*.sh text eol=lf` in `.gitattributes`.

## Fix safety
Safe: the shell treats `\r` as part of words, never as a separator, so a script that works at
all has LF endings in mind; only the carriage returns before line feeds are removed.

## References
- https://git-scm.com/docs/gitattributes#_eol
- https://docs.docker.com/desktop/troubleshoot-and-support/troubleshoot/topics/#path-conversion-on-windows
)md",
};

}  // namespace shipshape
