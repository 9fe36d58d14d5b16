// A private .env file readable by the group or by everyone on the host.
#include <cstdio>

#include "core/git_index.h"
#include "core/workspace.h"
#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


std::string Octal(uint32_t mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", mode & 07777);
  return buf;
}

void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kEnv || file.mode == 0 || (file.mode & 0077) == 0) return;
  if (!context::IsPrivateEnvFile(file)) return;
  // A file git tracks is the repository's (every clone gets it 0644: git keeps no 0600); DX021
  // reports it as committed, which is what matters (a Mailu test env file, issue 16).
  if (const Workspace* ws = ctx.workspace(); ws && GitTracks(*ws, file.path) == true) return;
  const std::string name(context::BaseName(file.path));
  const bool world = (file.mode & 0007) != 0;
  Fix fix;
  fix.title = "Run `chmod 600 " + name + "` (fixes edit text, not permissions)";
  fix.applicability = Applicability::kDisplayOnly;
  ctx.Report(TextRange::At(0), name + " has mode " + Octal(file.mode) + ": readable by " +
                                   (world ? "every user on the host" : "its group") +
                                   "; credentials files should be 0600 (owner only)")
      .WithFix(std::move(fix));
}

}  // namespace

extern constinit const Rule kEnvFilePermissionsTooOpen{
    .code = "DX022",
    .name = "env-file-permissions-too-open",
    .summary = "private .env file is readable by group or others (mode wider than 0600)",
    .target = Target::kContext,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .docs = R"md(## What it does
Flags a private env file (a `.env`, `.env.local` or `.env.*.local` setting a credential-like key
or a URL with a password, or any non-template env file setting a credential-like key to a literal
value) whose permission bits give read or write access to the group or to other users: anything
wider than `0600`. A `.env` with only non-secret settings (project name, tags, ports) is not
flagged, nor is a file git tracks: a clone writes it with the default mode whatever the
author's was, and DX021 reports the commit itself.

## Why is this bad
On a shared host, build server or bastion, every local account can read a `0644` file. The
`.env` beside a Compose file usually holds database passwords and API tokens; 0600 keeps it to
the account that runs `docker compose`.

## Example
```
-rw-r--r--  .env
```

## Use instead
```
$ chmod 600 .env
-rw-------  .env
```

## Fix safety
Fixes edit file contents, not permissions, so the fix is a displayed suggestion only
(`chmod 600 <file>`). Git does not store read permissions: a fresh checkout gets the umask's mode
again, which is one more reason to keep real `.env` files out of the repository (DX021).

## References
- https://docs.docker.com/compose/how-tos/environment-variables/best-practices/
- https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html
)md",
};

}  // namespace shipshape
