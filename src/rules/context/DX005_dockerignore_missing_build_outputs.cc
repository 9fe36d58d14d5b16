// A .dockerignore that lets host build outputs (dist, target, bin/obj...) into the build context.
#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kDockerignore) return;
  context::CheckIgnoreGroup(
      file, ctx, generate::IgnoreGroup::kBuildOutput,
      "host build outputs bloat the context and, when the image builds from source, stale host "
      "artifacts can shadow the fresh ones",
      Applicability::kSafe);
}

}  // namespace

extern constinit const Rule kDockerignoreMissingBuildOutputs{
    .code = "DX005",
    .name = "dockerignore-missing-build-outputs",
    .summary = ".dockerignore does not exclude build outputs of the detected stack",
    .target = Target::kContext,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .fix_example = {.path = ".dockerignore", .before = ".git\n", .after = ".git\n\n# Build outputs (rebuilt inside the image)\ntarget\n"},
    .docs = R"md(## What it does
Detects the stack of the build context from the files beside the `.dockerignore` and flags build
output directories it does not exclude:

| Detected from | Expected pattern |
|---|---|
| `package.json` | `dist` |
| Python project files | `**/*.egg-info` |
| `pom.xml`, `Cargo.toml` | `target` |
| `build.gradle(.kts)`, `settings.gradle(.kts)`, `gradlew` | `build` |
| `*.csproj`, `*.fsproj`, `*.vbproj`, `*.sln` | `**/bin`, `**/obj` |

A Dockerfile in the same directory that copies an output explicitly (the common
`COPY target/app.jar /app.jar` of images built outside Docker) keeps that directory in the
context: the pattern is then not expected. Nor is it when the Dockerfiles there never build the
stack (no `npm run build`, `mvn`, `cargo`, `dotnet`...): the image ships the host's outputs.

## Why is this bad
When the image compiles the project itself, host outputs are dead weight in every upload and can
shadow the artifacts built inside the image (a stale `dist/` copied over the fresh one by a late
`COPY . .`). They also change on every local build, invalidating the layer cache.

## Example
```
.git
```
(beside a `pom.xml`)

## Use instead
```
.git

# Build outputs (rebuilt inside the image)
target
```

## Fix safety
Safe: patterns the Dockerfiles here copy explicitly are never proposed; the missing ones are
appended at the end and existing lines are kept. A Dockerfile elsewhere that uses this directory
as its context (Compose `build.context`) is not inspected: if it copies prebuilt outputs with a
whole-directory `COPY`, review the change.

## References
- https://docs.docker.com/build/concepts/context/#dockerignore-files
- https://docs.docker.com/build/building/multi-stage/
)md",
};

}  // namespace shipshape
