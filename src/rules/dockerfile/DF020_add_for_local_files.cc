// ADD used where COPY does the job.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

using dockerfile::Instruction;
using dockerfile::Keyword;

bool IsRemote(std::string_view src) {
  return rules::StartsWithNoCase(src, "http://") || rules::StartsWithNoCase(src, "https://") ||
         rules::StartsWithNoCase(src, "git@") || rules::StartsWithNoCase(src, "git://") ||
         src.find(".git#") != std::string_view::npos;
}

bool IsArchive(std::string_view src) {
  static const std::string_view kExt[] = {".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2",
                                          ".tbz", ".tar.xz", ".txz", ".tar.zst", ".gz",
                                          ".bz2", ".xz", ".zst", ".lz", ".lzma", ".Z"};
  std::string lower = rules::ToLower(src);
  for (std::string_view e : kExt)
    if (lower.size() >= e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0)
      return true;
  // A variable or glob may name an archive: treat as one (the fix then needs --unsafe).
  return src.find('$') != std::string_view::npos || src.find('*') != std::string_view::npos ||
         src.find('?') != std::string_view::npos;
}

void CheckInstruction(const Instruction& ins, RuleContext& ctx) {
  if (ins.kind != Keyword::kAdd) return;
  // Flags only ADD has: --checksum, --keep-git-dir, --unpack. Heredoc sources are fine too.
  if (ins.HasFlag("checksum") || ins.HasFlag("keep-git-dir") || ins.HasFlag("unpack")) return;
  if (ins.args.size() < 2 && ins.heredocs.empty()) return;
  bool archive = false;
  const size_t sources = ins.args.empty() ? 0 : ins.args.size() - 1;
  for (size_t i = 0; i < sources; ++i) {
    if (IsRemote(ins.args[i].value)) return;
    archive |= IsArchive(ins.args[i].value);
  }
  // ADD auto-extracts local tar archives and COPY does not: there the fix changes the image.
  const Applicability safety = archive ? Applicability::kUnsafe : Applicability::kSafe;
  std::string_view kw = ins.keyword_range.Of(ctx.source());
  ctx.Report(ins.keyword_range, "ADD used to copy local files; COPY is explicit and does not "
                                "extract archives or fetch URLs")
      .WithFix("Replace ADD with COPY", safety,
               {Edit::Replace(ins.keyword_range, rules::MatchCase(kw, "COPY"))});
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const Instruction& ins : df.instructions) {
    CheckInstruction(ins, ctx);
    if (ins.onbuild) CheckInstruction(*ins.onbuild, ctx);
  }
}

}  // namespace

extern const Rule kAddForLocalFiles{
    .code = "DF020",
    .name = "add-for-local-files",
    .summary = "ADD copies local files where COPY would do",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3020"}, {"trivy", "DS-0005"}, {"checkov", "CKV_DOCKER_4"},
                {"kics", "Add Instead of Copy"}, {"dockle", "CIS-DI-0009"}, {"cis", "4.9"},
                {"parfum", "DL3020"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `ADD` instructions whose sources are all local paths.

## Why is this bad
`ADD` silently unpacks local tar archives and can fetch remote URLs. When a plain copy is meant,
that extra behaviour is a surprise waiting to happen: a file renamed to `.tar.gz` changes what
lands in the image. `COPY` does exactly one thing. CIS Docker Benchmark 4.9 asks for `COPY`.

## Example
```dockerfile
ADD requirements.txt /app/
```

## Use instead
```dockerfile
COPY requirements.txt /app/
```

## Fix safety
Safe when no source looks like an archive. When a source is an archive (or a variable or glob
that might be one) the fix is unsafe: `COPY` will not extract it. `ADD` with a URL, a git source,
`--checksum`, `--keep-git-dir` or `--unpack` is not flagged.

## References
- https://docs.docker.com/reference/dockerfile/#add
- hadolint DL3020, CIS Docker Benchmark 4.9, Parfum DL3020
)md",
    .cases = {Bad("FROM alpine:3.20\nADD app.py /app/\n", "FROM alpine:3.20\nCOPY app.py /app/\n"),
              Bad("from alpine:3.20\nadd a.py /x/\n", "from alpine:3.20\ncopy a.py /x/\n"),
              Bad("FROM alpine:3.20\nADD [\"a b.py\", \"/x/\"]\n",
                  "FROM alpine:3.20\nCOPY [\"a b.py\", \"/x/\"]\n"),
              Bad("FROM alpine:3.20\nADD rootfs.tar.gz /\n", "FROM alpine:3.20\nCOPY rootfs.tar.gz /\n"),
              Bad("FROM alpine:3.20\nONBUILD ADD . /src\n", "FROM alpine:3.20\nONBUILD COPY . /src\n"),
              Good("FROM alpine:3.20\nADD https://example.org/a.tgz /x/\n"),
              Good("FROM alpine:3.20\nADD --checksum=sha256:abc https://e.org/a /x\n"),
              Good("FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\n"),
              Good("FROM alpine:3.20\nCOPY app.py /app/\n")},
};

}  // namespace shipshape
