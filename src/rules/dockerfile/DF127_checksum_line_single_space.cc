// `echo "<sum> file" | sha256sum -c` with one space between the sum and the name.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

bool IsSumTool(std::string_view n) {
  return n == "sha256sum" || n == "sha512sum" || n == "sha1sum" || n == "sha384sum" ||
         n == "sha224sum" || n == "md5sum";
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (!IsSumTool(c.name()) || !shell::HasFlag(c.args(), 'c', {"check"})) continue;
      for (size_t up : c.seg->list->Upstream(c.index)) {
        const Cmd e{c.seg, up};
        if (e.name() != "echo") continue;
        std::vector<const shell::Word*> words;
        for (const shell::Word& w : e.args())
          if (!w.raw.starts_with("-")) words.push_back(&w);
        if (words.empty()) continue;
        if (words.size() >= 2) {
          // `echo $SUM file`: echo joins its arguments with one space.
          Emit(ctx, e.Range(),
               "echo joins the checksum and the file name with one space; BusyBox " +
                   std::string(c.name()) + " -c (Alpine) needs two (`\"$SUM  file\"`)");
          continue;
        }
        const shell::Word& w = *words[0];
        std::string_view raw = w.raw;
        const size_t open = raw.starts_with("\"") || raw.starts_with("'") ? 1 : 0;
        const size_t sp = raw.find(' ', open);
        if (sp == std::string_view::npos || sp == open || sp + 1 >= raw.size()) continue;
        const char next = raw[sp + 1];
        if (next == ' ' || next == '*' || next == '"' || next == '\'') continue;
        std::optional<Fix> fix;
        if (c.seg->fixable && c.seg->Exact(w)) {
          const TextRange at = c.seg->Source({static_cast<uint32_t>(w.range.start + sp),
                                              static_cast<uint32_t>(w.range.start + sp + 1)});
          if (at.size() == 1)
            fix = MakeFix("Separate the checksum and the name with two spaces",
                          Applicability::kSafe, {Edit::Replace(at, "  ")});
        }
        Emit(ctx, c.Range(w),
             "checksum line with one space between the sum and the file name: BusyBox " +
                 std::string(c.name()) + " -c (Alpine) rejects it; use two spaces",
             std::move(fix));
      }
    }
  }
}

}  // namespace

extern constinit const Rule kChecksumLineSingleSpace{
    .code = "DF127",
    .name = "checksum-line-single-space",
    .summary = "A checksum line fed to sha256sum -c separates sum and file with one space",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .aliases = {{"parfum", "sha256sumEchoOneSpaces"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nRUN echo \"${SHA} app.tgz\" | sha256sum -c -\n", .after = "FROM alpine:3.20\nRUN echo \"${SHA}  app.tgz\" | sha256sum -c -\n"},
    .docs = R"md(## What it does
Flags `echo "<sum> <file>" | sha256sum -c` (also sha1sum, sha224sum, sha384sum, sha512sum,
md5sum) where a single space separates the checksum from the file name, and
`echo $SUM file | sha256sum -c`, where echo's argument separator is that single space. The binary
marker form `"<sum> *<file>"` is fine.

## Why is this bad
The checksum file format is `<sum>` followed by two spaces (text mode) or a space and `*`
(binary mode). GNU coreutils tolerates a single space, BusyBox (Alpine) does not: the same line
fails with "invalid format" once the base image changes.

## Example
```dockerfile
RUN echo "${APP_SHA256} app.tgz" | sha256sum -c -
```

## Use instead
```dockerfile
RUN echo "${APP_SHA256}  app.tgz" | sha256sum -c -
```

## Fix safety
Safe: widens the separator inside the quoted string to two spaces, which both implementations
read as the same line. The two-argument `echo $SUM file` form is reported without a fix.

## References
- https://www.gnu.org/software/coreutils/manual/html_node/md5sum-invocation.html
- Parfum sha256sumEchoOneSpaces
)md",
};

}  // namespace shipshape
