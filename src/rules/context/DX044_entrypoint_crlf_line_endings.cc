// An entrypoint script saved with Windows (CRLF) line endings: `/bin/sh^M: not found`.
#include "rules/context/cases.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using context::At;

void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kEntrypoint) return;
  const std::string_view text = file.text;
  std::vector<Edit> edits;
  for (size_t p = text.find("\r\n"); p != std::string_view::npos; p = text.find("\r\n", p + 2))
    edits.push_back(Edit::Delete({static_cast<uint32_t>(p), static_cast<uint32_t>(p + 1)}));
  if (edits.empty()) return;
  const TextRange first = edits.front().range;
  const size_t n = edits.size();
  ctx.Report(first, std::to_string(n) + (n == 1 ? " line ends" : " lines end") +
                        " with CRLF: the shebang then names `/bin/sh\\r`, which does not exist "
                        "(\"no such file or directory\"), and every command gets a stray `\\r`")
      .WithFix("Convert line endings to LF", Applicability::kSafe, std::move(edits));
}

}  // namespace

extern const Rule kEntrypointCrlfLineEndings{
    .code = "DX044",
    .name = "entrypoint-crlf-line-endings",
    .summary = "entrypoint script has CRLF line endings",
    .target = Target::kContext,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kAlways,
    .status = Status::kPreview,
    .aliases = {},
    .check_context = Check,
    .docs = R"md(## What it does
Flags entrypoint scripts containing CRLF (`\r\n`) line endings, typically from a Windows checkout
with `core.autocrlf=true` or an editor set to Windows line endings.

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
    .cases = {At("docker-entrypoint.sh", Bad("#!/bin/sh\r\nexec \"$@\"\r\n", "#!/bin/sh\nexec \"$@\"\n")),
              At("entrypoint.sh", Bad("#!/bin/sh\nset -e\r\nexec \"$@\"\n", "#!/bin/sh\nset -e\nexec \"$@\"\n")),
              At("docker-entrypoint.sh", Good("#!/bin/sh\nexec \"$@\"\n")),
              At("docker-entrypoint.sh", Good("#!/bin/sh\nprintf 'a\\rb'\n"))},
};

}  // namespace shipshape
