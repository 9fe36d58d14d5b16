// COPY/ADD of a path that climbs out of the build context with `..`.
#include "core/strings.h"
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

// The path inside the context that BuildKit actually reads for `src` (it clamps `..` at the
// context root), or nullopt when `src` stays inside the context.
std::optional<std::string> ClampedPath(std::string_view src) {
  std::vector<std::string_view> parts;
  bool escaped = false;
  size_t p = 0;
  while (p <= src.size()) {
    size_t e = src.find('/', p);
    if (e == std::string_view::npos) e = src.size();
    const std::string_view seg = src.substr(p, e - p);
    p = e + 1;
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (parts.empty()) escaped = true;
      else parts.pop_back();
      continue;
    }
    parts.push_back(seg);
  }
  if (!escaped) return std::nullopt;
  std::string out;
  for (std::string_view s : parts) out += (out.empty() ? "" : "/") + std::string(s);
  return out.empty() ? "." : out;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Instruction& ins : df.instructions) {
    if ((ins.kind != dockerfile::Keyword::kCopy && ins.kind != dockerfile::Keyword::kAdd) ||
        ins.HasFlag("from") || ins.args.size() < 2)
      continue;
    for (size_t i = 0; i + 1 < ins.args.size(); ++i) {
      const std::string& src = ins.args[i].value;
      if (src.rfind("<<", 0) == 0 || src.find("://") != std::string::npos || src.rfind("git@", 0) == 0 ||
          src.find('$') != std::string::npos)
        continue;
      const std::optional<std::string> inside = ClampedPath(src);
      if (!inside) continue;
      ctx.Report(ins.args[i].range,
                 Upper(ins.keyword) + " " + src +
                     " reaches outside the build context: Docker only sends the context, so BuildKit "
                     "reads `" + *inside + "` at the context root instead (or fails), and the classic builder "
                     "refuses it")
          .WithFix("Widen the build context (Compose `build.context: ..` with `dockerfile:`) and copy the "
                   "path inside it, or name it with `--build-context` / `build.additional_contexts` and "
                   "`COPY --from=<name>`",
                   Applicability::kDisplayOnly, {});
    }
  }
}

}  // namespace

extern constinit const Rule kCopySourceOutsideContext{
    .code = "DF150",
    .name = "copy-source-outside-context",
    .summary = "COPY/ADD source climbs out of the build context with `..`",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `COPY`/`ADD` sources from the build context whose `..` segments climb above the context
root, such as `COPY ../shared/config.yml /etc/app/` or `ADD ./src/../../lib /lib`. Sources with
variables, URLs, heredocs and `--from` copies (paths in another image or stage) are not checked.

## Why is this bad
Only the build context is sent to the builder; nothing above it exists there. BuildKit clamps
`..` at the context root, so `COPY ../shared/config.yml` silently copies `shared/config.yml` of
the context (or fails when there is none), and the classic builder stops with "forbidden path
outside the build context". Either way the file the author meant is not the one in the image.

## Example
```dockerfile
FROM python:3.13-slim
COPY ../shared/config.yml /etc/app/
```

## Use instead
Build from the parent directory (`docker build -f app/Dockerfile .`, or Compose `build.context: ..`
with `dockerfile: app/Dockerfile`):
```dockerfile
FROM python:3.13-slim
COPY shared/config.yml /etc/app/
```
or pass the directory as a named context (`--build-context shared=../shared`) and use
`COPY --from=shared config.yml /etc/app/`.

## Fix safety
No automatic fix: the build context is chosen outside the Dockerfile.

## References
- https://docs.docker.com/build/concepts/context/
- https://docs.docker.com/reference/dockerfile/#copy
)md",
};

}  // namespace shipshape
