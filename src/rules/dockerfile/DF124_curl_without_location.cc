// curl downloading a URL without -L.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "curl") continue;
      const auto args = c.args();
      const shell::OptionSyntax& syn = CurlSyntax();
      if (shell::HasFlag(args, 'L', {"location", "location-trusted"}, syn)) continue;
      // Probes, uploads and API calls look at the response themselves or do not download.
      if (shell::HasFlag(args, 'I', {"head", "version", "help"}, syn) ||
          shell::HasFlag(args, 'w', {"write-out"}, syn) || shell::HasFlag(args, 'V', {}, syn) ||
          shell::HasFlag(args, 'X', {"request"}, syn) || shell::HasFlag(args, 'd', {"data"}, syn) ||
          shell::HasFlag(args, 'T', {"upload-file"}, syn) || shell::HasFlag(args, 'F', {"form"}, syn) ||
          shell::HasFlag(args, 0, {"data-binary", "data-raw", "json", "unix-socket"}, syn))
        continue;
      bool url = false;
      for (const shell::Word* w : shell::Positionals(args, syn)) {
        std::string_view v = w->value();
        if (v.starts_with("https://") || v.starts_with("http://") || v.starts_with("$") ||
            v.starts_with("\"$") || v.starts_with("${"))
          url = true;
      }
      // Local services (health checks, APIs started in the same RUN) do not redirect.
      for (const shell::Word* w : shell::Positionals(args, syn)) {
        std::string_view v = w->value();
        if (v.find("://localhost") != std::string_view::npos ||
            v.find("://127.0.0.1") != std::string_view::npos)
          url = false;
      }
      if (!url) continue;
      const shell::Word& name = c.inv().name_word();
      Emit(ctx, c.Range(name),
           "curl without -L/--location does not follow redirects: a moved download saves the "
           "redirect page instead",
           MakeFix("Add -L", Applicability::kUnsafe, {InsertAfter(c, name, "-L")}));
    }
  }
}

}  // namespace

extern constinit const Rule kCurlWithoutLocation{
    .code = "DF124",
    .name = "curl-without-location",
    .summary = "curl downloads a URL without following redirects (-L)",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kPreview,
    .aliases = {{"parfum", "curlUseFlagL"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN curl -fsSo /tmp/a.tgz https://e.com/a.tgz\n", .after = "FROM debian:12\nRUN curl -L -fsSo /tmp/a.tgz https://e.com/a.tgz\n"},
    .docs = R"md(## What it does
Flags `curl` fetching an `http(s)://` URL (or one held in a variable) without `-L`/`--location`.
Not flagged: `-I`/`--head` and `-w` probes, requests with a method or a body (`-X`, `-d`, `-F`,
`-T`, `--json`: API calls), and requests to `localhost`.

## Why is this bad
Release downloads (GitHub releases, CDNs, mirrors) answer with a redirect. Without `-L` curl
saves the short redirect body as the download and, without `-f`, exits 0: the build fails later
with a confusing "not in gzip format", or installs nothing.

## Example
```dockerfile
RUN curl -fsSo /tmp/app.tgz https://github.com/o/r/releases/download/v1/app.tgz
```

## Use instead
```dockerfile
RUN curl -L -fsSo /tmp/app.tgz https://github.com/o/r/releases/download/v1/app.tgz
```

## Fix safety
Unsafe: inserts `-L` after `curl`. Following redirects may fetch from another host than the one
written.

## References
- https://curl.se/docs/manpage.html#-L
- Parfum curlUseFlagL
)md",
};

}  // namespace shipshape
