// A .dockerignore that lets local `.env` files into the build context.
#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kDockerignore) return;
  context::CheckIgnoreGroup(
      file, ctx, generate::IgnoreGroup::kEnv,
      "local env files hold credentials, and `COPY . .` bakes them into every image layer built "
      "from this context",
      Applicability::kSafe);
}

}  // namespace

extern constinit const Rule kDockerignoreMissingEnvFiles{
    .code = "DX002",
    .name = "dockerignore-missing-env-files",
    .summary = ".dockerignore does not exclude .env / .env.* files",
    .target = Target::kContext,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .fix_example = {.path = ".dockerignore", .before = "node_modules\n", .after = "node_modules\n\n# Local environment files (may hold secrets); the example "
                     "documents the variables\n.env\n.env.*\n!.env.example\n"},
    .docs = R"md(## What it does
Flags a `.dockerignore` that does not exclude `.env` and `.env.*` (probed with `.env` and
`.env.local`, using BuildKit's pattern semantics: `.env*`, `**/.env*`, `*` all count; a later
`!.env` undoes them).

`.env` is not proposed when the file keeps it on purpose: re-included by a `!.env` line, or with
only the local overrides excluded (`.env.local` but not `.env.production`), the Symfony/dotenv
convention of a committed `.env` of defaults that the application loads, with private overrides
in `.env.local` and `.env.*.local`.

## Why is this bad
`.env` files hold the credentials Compose feeds into containers. A build with `COPY . .` copies
them into the image, where they stay readable in the layer even if a later step deletes them.
Pushed images then leak them to everyone who can pull. Containers should get their configuration
at run time (`env_file:`, `environment:`, secrets), not from the image.

## Example
```
node_modules
```

## Use instead
```
node_modules

# Local environment files (may hold secrets); the example documents the variables
.env
.env.*
!.env.example
```

## Fix safety
Safe: appends the missing patterns at the end and keeps the user's lines, comments and line
endings. Templates that were in the context before stay there: when the new `.env.*` line would
exclude `.env.example` (or a `.env.sample` / `.env.template` that exists beside the file), a
`!` line re-includes it. A pattern a Dockerfile in the same directory explicitly copies
(`COPY .env ...`) is not proposed, since excluding it would break that build. Nothing is reported
when every Dockerfile of the context copies named paths only (`COPY ./app /app`, no `COPY . .`,
`COPY *` or `.env` source): a root `.env` cannot reach an image then.

## References
- https://docs.docker.com/build/concepts/context/#dockerignore-files
- https://docs.docker.com/compose/how-tos/environment-variables/best-practices/
)md",
};

}  // namespace shipshape
