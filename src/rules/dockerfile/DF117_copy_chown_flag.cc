// COPY/ADD --chown in the shipped image: the runtime user may then modify its own code.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const dockerfile::Stage* st = df.final_stage();
  if (!st) return;
  for (const dockerfile::Stage* s : rules::StageChain(df, *st)) {
    for (const dockerfile::Instruction* ins : s->instructions) {
      if (ins->kind != dockerfile::Keyword::kCopy && ins->kind != dockerfile::Keyword::kAdd) continue;
      const dockerfile::Flag* f = ins->FindFlag("chown");
      if (!f) continue;
      std::string_view owner = rules::Unquote(f->value);
      owner = owner.substr(0, owner.find(':'));
      if (owner == "root" || owner == "0") continue;
      ctx.Report(f->range, Upper(ins->keyword) + " --chown=" + f->value +
                               " makes the runtime user own these files, so a compromised process "
                               "can rewrite them; keep root ownership unless the files must be "
                               "writable");
    }
  }
}

}  // namespace

extern constinit const Rule kCopyChownFlag{
    .code = "DF117",
    .name = "copy-chown-flag",
    .summary = "COPY --chown gives the runtime user ownership of copied files",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {{"kics", "Chown Flag Exists"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `COPY --chown=<user>` and `ADD --chown=<user>` (other than root) in the final image's
stages. Build stages are not judged.

## Why is this bad
Executables and code only need to be readable and executable by the user that runs them. When
that user owns them, an attacker who gets code execution in the process can also replace the
application on disk and persist. Only data directories the process writes to should be owned by
it.

## Example
```dockerfile
FROM node:22
COPY --chown=app:app . /app
USER app
```

## Use instead
```dockerfile
FROM node:22
COPY . /app
RUN mkdir -p /app/data && chown app:app /app/data
USER app
```

## Fix safety
No automatic fix: which paths must stay writable is application knowledge. This is an advisory
rule (preview).

## References
- KICS "Chown Flag Exists"
)md",
};

}  // namespace shipshape
