// ADD used where COPY does the job.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

using dockerfile::Instruction;
using dockerfile::Keyword;

bool IsRemote(std::string_view src) {
  return StartsWithNoCase(src, "http://") || StartsWithNoCase(src, "https://") ||
         StartsWithNoCase(src, "git@") || StartsWithNoCase(src, "git://") ||
         src.find(".git#") != std::string_view::npos;
}

std::string_view Unquoted(std::string_view src) {
  if (src.size() >= 2 && (src.front() == '"' || src.front() == '\'') && src.back() == src.front())
    return src.substr(1, src.size() - 2);
  return src;
}

/// A local file ADD extracts: a tar archive, compressed or not (by name, as Docker decides by
/// content; a bare `.gz`/`.bz2`/`.xz` is usually a compressed tarball). `.zip` is not extracted.
bool IsArchive(std::string_view src) {
  static const std::string_view kExt[] = {".tar", ".tgz", ".tbz2", ".tbz", ".tb2", ".txz",
                                          ".tlz", ".tzst", ".gz", ".bz2", ".xz", ".zst",
                                          ".lz", ".lzma", ".z"};
  std::string lower = Lower(Unquoted(src));
  for (std::string_view e : kExt)
    if (lower.size() > e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0)
      return true;
  return false;
}

/// A variable or glob may name an archive: the COPY fix is then unsafe.
bool MayBeArchive(std::string_view src) {
  return src.find('$') != std::string_view::npos || src.find('*') != std::string_view::npos ||
         src.find('?') != std::string_view::npos;
}

void CheckInstruction(const Instruction& ins, RuleContext& ctx) {
  if (ins.kind != Keyword::kAdd) return;
  // Flags only ADD has: --checksum, --keep-git-dir, --unpack. Heredoc sources are fine too.
  if (ins.HasFlag("checksum") || ins.HasFlag("keep-git-dir") || ins.HasFlag("unpack")) return;
  if (ins.args.size() < 2 && ins.heredocs.empty()) return;
  bool plain = false, unsafe = false;
  const size_t sources = ins.args.empty() ? 0 : ins.args.size() - 1;
  for (size_t i = 0; i < sources; ++i) {
    std::string_view src = Unquoted(ins.args[i].value);
    if (IsRemote(src)) return;
    // Extracting a local archive is what ADD is for (hadolint DL3020 agrees): such a source
    // needs ADD, and the instruction is reported only for its plain files.
    if (IsArchive(src)) {
      unsafe = true;
      continue;
    }
    plain = true;
    unsafe |= MayBeArchive(src);
  }
  if (!plain && sources > 0) return;
  // COPY does not extract: with an archive (or a name that may be one) beside the plain files,
  // the fix changes the image.
  const Applicability safety = unsafe ? Applicability::kUnsafe : Applicability::kSafe;
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

extern constinit const Rule kAddForLocalFiles{
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
    .fix_example = {.before = "FROM alpine:3.20\nADD app.py /app/\n", .after = "FROM alpine:3.20\nCOPY app.py /app/\n"},
    .docs = R"md(## What it does
Flags `ADD` instructions that copy local files or directories. An `ADD` whose local sources are
all tar archives (`.tar`, `.tar.gz`, `.tgz`, `.gz`, `.bz2`, `.xz`...) is not flagged: extracting
them is exactly what `ADD` is for.

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
Safe when no source is or may be an archive. When a plain file sits beside an archive in one
`ADD`, or a source is a variable or glob that might name one, the fix is unsafe: `COPY` will not
extract it. `ADD` with a URL, a git source,
`--checksum`, `--keep-git-dir` or `--unpack` is not flagged.

## References
- https://docs.docker.com/reference/dockerfile/#add
- hadolint DL3020, CIS Docker Benchmark 4.9, Parfum DL3020
)md",
};

}  // namespace shipshape
