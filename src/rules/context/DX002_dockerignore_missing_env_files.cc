// A .dockerignore that lets local `.env` files into the build context.
#include "rules/context/cases.h"
#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using context::At;

void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kDockerignore) return;
  context::CheckIgnoreGroup(
      file, ctx, generate::IgnoreGroup::kEnv,
      "local env files hold credentials, and `COPY . .` bakes them into every image layer built "
      "from this context",
      Applicability::kSafe);
}

}  // namespace

extern const Rule kDockerignoreMissingEnvFiles{
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
    .cases = {At(".dockerignore",
                 Bad("node_modules\n",
                     "node_modules\n\n# Local environment files (may hold secrets); the example "
                     "documents the variables\n.env\n.env.*\n!.env.example\n")),
              At(".dockerignore",
                 Bad(".env\n",
                     ".env\n\n# Local environment files (may hold secrets); the example "
                     "documents the variables\n.env.*\n!.env.example\n")),
              // `.env.example` was already excluded: no re-include line.
              At(".dockerignore",
                 Bad(".env.*\n",
                     ".env.*\n\n# Local environment files (may hold secrets); the example "
                     "documents the variables\n.env\n")),
              // Re-included on purpose.
              At(".dockerignore", Good(".env*\n!.env\n")),
              // docker-gitlab: the Dockerfile copies named directories only.
              At(".dockerignore", Good("node_modules\n"),
                 {{"Dockerfile", "FROM ubuntu:24.04\nCOPY assets/build/ /build/\nCOPY entrypoint.sh /sbin/\n"}}),
              At(".dockerignore", Bad("node_modules\n"), {{"Dockerfile", "FROM node:22\nCOPY . /app\n"}}),
              At(".dockerignore",
                 Bad("", "# Local environment files (may hold secrets); the example documents "
                         "the variables\n.env\n.env.*\n!.env.example\n!.env.sample\n"),
                 {{".env.sample", "A=\n"}}),
              At(".dockerignore", Good(".env*\n!.env.example\n")),
              At(".dockerignore", Good("**/.env*\n")),
              At(".dockerignore", Good(".env\n.env.*\n")),
              At(".dockerignore", Good("*\n!src/\n")),
              // The Dockerfile copies .env on purpose; .env.* is excluded.
              At(".dockerignore", Good(".env.*\n"), {{"Dockerfile", "FROM nginx\nCOPY .env /srv/\n"}}),
              // Symfony (dunglas/symfony-docker): the committed `.env` holds defaults the app
              // loads; the private overrides are `.env.local` and `.env.*.local`.
              At(".dockerignore", Good("**/*.log\n.env.*.local\n.env.local\n.env.local.php\n.env.test\n"))},
};

}  // namespace shipshape
