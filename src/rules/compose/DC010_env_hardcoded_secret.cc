// A credential written literally in a service's `environment`.
#include "rules/compose/secret_env.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  std::vector<crules::LiteralSecret> found;
  for (const compose::Service& s : f.services) {
    std::vector<crules::LiteralSecret> here = crules::FindLiteralSecrets(s, s.environment);
    found.insert(found.end(), here.begin(), here.end());
  }
  crules::ReportLiteralSecrets(f, ctx, found, "`environment`", false);
}

}  // namespace

extern constinit const Rule kEnvHardcodedSecret{
    .code = "DC010",
    .name = "env-hardcoded-secret",
    .summary = "A password, token or key written literally in `environment`",
    .target = Target::kCompose,
    .severity = Severity::kCritical,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"kics", "Passwords And Secrets - Generic Password"}, {"cis", "4.10"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: s3cr3t-Passw0rd\n", .after = "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: \"${POSTGRES_PASSWORD}\"\n"},
    .docs = R"md(## What it does
Finds credentials written as literal values in a service's `environment` (map or `KEY=VAL` list
form): variables whose name says they hold a secret (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`,
`*API_KEY*`, `*PRIVATE_KEY*`, BuildKit's secret tokens) with a real value, and values of a known
credential format whatever their name (AWS keys, GitHub/GitLab/Slack tokens, JWTs, private key
blocks...). `${VAR}` references, empty values, booleans, paths and template markers (`<token>`,
`{{ secret }}`, `xxxx`) are not reported; weak defaults such as `password` or `changeme` are,
because in a Compose file they are the password the service really gets. Passwords inside connection URLs are DC012's. The value
is never printed: messages show at most its first two characters.

## Why is this bad
A Compose file is committed, copied into tickets and CI logs; a password in it is readable by
everyone who can read the repository, forever (Git history keeps it after it is removed). It is
also the same password on every machine that deploys the file.

## Example
```yaml
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: s3cr3t-Passw0rd
```

## Use instead
```yaml
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}
```
with `POSTGRES_PASSWORD=...` in a `.env` file that Git ignores, or better a top-level `secrets:`
entry and `POSTGRES_PASSWORD_FILE` (see DC013).

## Fix safety
Unsafe: it changes where the value lives. The literal is replaced by `${NAME}`; `NAME=value` is
added to `.env` beside the Compose file (created with mode 0600, or merged into the existing file
without touching its lines), `NAME=` to `.env.example`, and `.env` to `.gitignore`. When `.env`
already defines `NAME` with another value, or the file uses the same name with several values,
the variable is named `<SERVICE>_<NAME>` instead. The value stays in Git history: rotate it.

## References
- https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/
- https://docs.docker.com/compose/how-tos/use-secrets/
- KICS "Passwords And Secrets", CIS Docker Benchmark 4.10 (the Dockerfile analogue)
)md",
};

}  // namespace shipshape
