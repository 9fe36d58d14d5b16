// A committed env template that ships a default or trivially guessable password.
#include "envfile/envfile.h"
#include "emit/env_example.h"
#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kEnv || !generate::IsEnvTemplateName(context::BaseName(file.path)))
    return;
  const envfile::EnvFile env = envfile::Parse(file.text);
  for (const envfile::Entry& e : env.entries) {
    if (!e.value || !context::IsSecretKey(e.key)) continue;
    if (e.raw.find('$') != std::string::npos || !context::IsWeakPassword(*e.value)) continue;
    // Keep a trailing comment a comment: `KEY= # note` would read "# note" as the value.
    const uint32_t line_end = static_cast<uint32_t>(file.text.find_first_of("\r\n", e.value_range.end));
    const std::string_view rest =
        std::string_view(file.text).substr(e.value_range.end, line_end - e.value_range.end);
    const bool comment_follows = rest.find_first_not_of(" \t") != std::string_view::npos;
    ctx.Report(e.value_range, "`" + e.key + "` defaults to a well-known password in a template "
                                "that people copy verbatim; leave it empty so each setup must "
                                "choose one")
        .WithFix("Leave the value empty", Applicability::kUnsafe,
                 {Edit::Replace(e.value_range, comment_follows ? "\"\"" : "")});
  }
}

}  // namespace

extern constinit const Rule kEnvExampleWeakPassword{
    .code = "DX023",
    .name = "env-example-weak-password",
    .summary = "env template ships a default or weak password",
    .target = Target::kContext,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .fix_example = {.path = ".env.example", .before = "POSTGRES_PASSWORD=postgres\n", .after = "POSTGRES_PASSWORD=\n"},
    .docs = R"md(## What it does
In env templates (`.env.example`, `.env.sample`, `.env.template`, `.env.dist`, `*.env.example`...)
flags credential keys (`*PASSWORD*`, `*PASSWD*`, `*SECRET*`, `*TOKEN*`, `*_PASS`, `*_KEY`, ...)
whose value is a default or trivially guessable password: `password`, `changeme`, `secret`,
`admin`, `root`, `postgres`, `123456`, and similar, also short values built around such a word
(`secret_redis`, `admin-pass`). An empty value is what a template should have
and is never flagged.

## Why is this bad
Templates are copied to `.env` as they are (`cp .env.example .env && docker compose up`), and
the stack then runs with a password every attacker tries first. Databases published on a port,
admin UIs and brokers get found by scanners within hours. An empty value forces a choice: most
images refuse to start without a password.

## Example
```
POSTGRES_PASSWORD=postgres
GRAFANA_ADMIN_PASSWORD=admin
```

## Use instead
```
POSTGRES_PASSWORD=
GRAFANA_ADMIN_PASSWORD=
```

## Fix safety
Unsafe: setups that start from the template without editing it will now fail to start (which
is the point) until a password is set. A value followed by a comment becomes `""` so the comment
stays a comment.

## References
- https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html
- https://cwe.mitre.org/data/definitions/1392.html
)md",
};

}  // namespace shipshape
