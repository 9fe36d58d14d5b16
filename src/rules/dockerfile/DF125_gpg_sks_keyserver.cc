// gpg keys fetched from the defunct SKS keyserver pool.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

constexpr std::string_view kReplacement = "keyserver.ubuntu.com";

/// Byte range (within `v`) of a `*.sks-keyservers.net` host, or npos start.
std::pair<size_t, size_t> SksHost(std::string_view v) {
  size_t end = v.find("sks-keyservers.net");
  if (end == std::string_view::npos) return {std::string_view::npos, 0};
  end += std::string_view("sks-keyservers.net").size();
  size_t start = v.rfind("://", end);
  start = start == std::string_view::npos ? 0 : start + 3;
  return {start, end};
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "gpg" && c.name() != "gpg2" && c.name() != "apt-key" &&
          c.name() != "dirmngr")
        continue;
      for (const shell::Word& w : c.args()) {
        const auto [start, end] = SksHost(w.raw);
        if (start == std::string_view::npos) continue;
        // `--keyserver=hkp://ha.pool.sks-keyservers.net:80`: replace the host only.
        std::string text(w.raw);
        text.replace(start, end - start, kReplacement);
        Emit(ctx, c.Range(w),
             "the SKS keyserver pool (" + std::string(w.raw.substr(start, end - start)) +
                 ") was shut down in 2021: fetching keys from it fails",
             MakeFix("Use " + std::string(kReplacement), Applicability::kUnsafe,
                     {w.IsStatic() || w.raw.find('$') == std::string_view::npos
                          ? ReplaceWord(c, w, text)
                          : std::nullopt}));
      }
    }
  }
}

}  // namespace

extern constinit const Rule kGpgSksKeyserver{
    .code = "DF125",
    .name = "gpg-sks-keyserver",
    .summary = "gpg fetches keys from the defunct SKS keyserver pool",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .aliases = {{"parfum", "gpgUseHaPools"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN gpg --batch --keyserver ha.pool.sks-keyservers.net --recv-keys ABC\n", .after = "FROM debian:12\nRUN gpg --batch --keyserver keyserver.ubuntu.com --recv-keys ABC\n"},
    .docs = R"md(## What it does
Flags a `gpg`/`apt-key` keyserver argument naming a host of the SKS keyserver pool
(`pool.sks-keyservers.net`, `ha.pool.sks-keyservers.net`, `p80.pool...`).

## Why is this bad
The SKS pool was shut down in June 2021; its names no longer resolve, so `--recv-keys` fails and
the build breaks (or, with `|| true` fallbacks, the signature check is silently skipped). Parfum
rewrote `pool.` to the `ha.pool.` round robin, which is just as gone.

## Example
```dockerfile
RUN gpg --batch --keyserver ha.pool.sks-keyservers.net --recv-keys "$GPG_KEY"
```

## Use instead
```dockerfile
RUN gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$GPG_KEY"
```

## Fix safety
Unsafe: replaces the host with `keyserver.ubuntu.com` (the one the official images moved to),
keeping any scheme and port. The key is still checked by its fingerprint, but the build now
reaches another server.

## References
- https://www.gnupg.org/documentation/manuals/gnupg/Dirmngr-Options.html
- Parfum gpgUseHaPools
)md",
};

}  // namespace shipshape
