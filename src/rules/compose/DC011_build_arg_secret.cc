// A credential passed as a literal build argument.
#include "rules/compose/secret_env.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  std::vector<crules::LiteralSecret> found;
  for (const compose::Service& s : f.services) {
    if (!s.build) continue;
    std::vector<crules::LiteralSecret> here = crules::FindLiteralSecrets(s, s.build->args);
    found.insert(found.end(), here.begin(), here.end());
  }
  crules::ReportLiteralSecrets(f, ctx, found, "`build.args`", true);
}

}  // namespace

extern constinit const Rule kBuildArgSecret{
    .code = "DC011",
    .name = "build-arg-secret",
    .summary = "A credential passed as a literal `build.args` value",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"cis", "4.10"}, {"kics", "Passwords And Secrets - Generic Secret"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  app:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\n", .after = "services:\n  app:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: \"${NPM_TOKEN}\"\n"},
    .docs = R"md(## What it does
Finds credentials written literally in `build.args` (by name: `NPM_TOKEN`, `PIP_PASSWORD`...,
or by a known token format). `${VAR}` references and placeholders are not reported.

## Why is this bad
Twice exposed: the value is in the committed Compose file, and build arguments are recorded in
the image (`docker history` shows them, and any `ENV` that copies them ships in the image).
CIS Docker Benchmark 4.10 forbids secrets in build files.

## Example
```yaml
services:
  app:
    build:
      context: .
      args:
        NPM_TOKEN: npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8
```

## Use instead
```yaml
services:
  app:
    build:
      context: .
      secrets: [npm_token]
secrets:
  npm_token:
    environment: NPM_TOKEN
```
and `RUN --mount=type=secret,id=npm_token ...` in the Dockerfile.

## Fix safety
Unsafe. The fix moves the literal to `.env` (mode 0600, merged, git-ignored) and writes
`${NAME}` in its place, as DC010 does. That removes it from the Compose file but not from the
image: switching to `build.secrets` needs a Dockerfile change and is left to you.

## References
- https://docs.docker.com/build/building/secrets/
- https://docs.docker.com/reference/compose-file/build/#secrets
- CIS Docker Benchmark v1.6.0, 4.10
)md",
};

}  // namespace shipshape
