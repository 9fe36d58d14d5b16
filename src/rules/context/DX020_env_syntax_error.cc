// A .env / env_file line docker compose cannot parse.
#include "envfile/envfile.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kEnv) return;
  const envfile::EnvFile env = envfile::Parse(file.text);
  for (const envfile::Error& e : env.errors) ctx.Report(e.range, e.message);
}

}  // namespace

extern constinit const Rule kEnvSyntaxError{
    .code = "DX020",
    .name = "env-syntax-error",
    .summary = "env file line docker compose cannot parse",
    .target = Target::kContext,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .docs = R"md(## What it does
Parses `.env`, `.env.*` and `*.env` files with docker compose's dotenv grammar and reports what
it rejects: a space inside a variable name, characters other than letters, digits, `_ . - [ ]`
in a name, an unterminated quoted value, text after a closing quote.

## Why is this bad
`docker compose` stops with "failed to read .env" (or the `env_file:` path) on the first such
line, so nothing starts; the message names a line but not the rule that was broken. Shell
habits are the usual cause: `export A = b`, `A="unterminated`, `KEY WITH SPACES=x`.

## Example
```
DB PASSWORD=secret
GREETING="hello
```

## Use instead
```
DB_PASSWORD=secret
GREETING="hello"
```

## Fix safety
No automatic fix: the intended key or value cannot be guessed. While a file has syntax errors,
the other rules' fixes are not applied to it either.

## References
- https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax
- https://github.com/compose-spec/compose-go/tree/main/dotenv
)md",
};

}  // namespace shipshape
