// A .dockerignore that lets private key files into the build context.
#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kDockerignore) return;
  // Unsafe: a build may legitimately bake a certificate into the image through a directory copy
  // (`COPY certs/ ...`) that the explicit-source check cannot see through.
  context::CheckIgnoreGroup(
      file, ctx, generate::IgnoreGroup::kKeys,
      "a key file dropped into the project (TLS keys, SSH keys) is sent to the builder and copied "
      "into images by `COPY . .`",
      Applicability::kUnsafe);
}

}  // namespace

extern constinit const Rule kDockerignoreMissingPrivateKeys{
    .code = "DX003",
    .name = "dockerignore-missing-private-keys",
    .summary = ".dockerignore does not exclude private key files (*.pem, *.key, id_rsa*)",
    .target = Target::kContext,
    // Info: preventive (few contexts hold keys), and the fix needs review.
    .severity = Severity::kInfo,
    .category = Category::kSecurity,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .fix_example = {.path = ".dockerignore", .before = "node_modules\n", .after = "node_modules\n\n# Private keys\n**/*.pem\n**/*.key\n"
                                       "**/id_rsa*\n**/id_ed25519*\n"},
    .docs = R"md(## What it does
Flags a `.dockerignore` that does not exclude private key files: `*.pem`, `*.key`, `id_rsa*` and
`id_ed25519*` (probed at the context root with BuildKit's pattern semantics).

## Why is this bad
TLS private keys and SSH keys end up in project directories all the time (local HTTPS setups,
deploy keys). With `COPY . .` they are copied into the image and readable by anyone who can pull
it. Keys a container needs should arrive at run time as secrets or mounts.

## Example
```
node_modules
```

## Use instead
```
node_modules

# Private keys
**/*.pem
**/*.key
**/id_rsa*
**/id_ed25519*
```

## Fix safety
Unsafe: some images deliberately ship a certificate bundle or key (an nginx image with a
self-signed key for development, say). A Dockerfile that names such a file in `COPY`/`ADD` is
detected and the matching pattern is not proposed, but a whole-directory copy (`COPY certs/ ...`)
would silently lose its `.pem` files, so review the change. The patterns are appended at the end;
existing lines are kept.

## References
- https://docs.docker.com/build/concepts/context/#dockerignore-files
- https://docs.docker.com/build/building/secrets/
)md",
};

}  // namespace shipshape
