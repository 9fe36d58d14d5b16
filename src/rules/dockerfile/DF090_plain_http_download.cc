// curl/wget downloads over plain http://.
#include <cstdlib>
#include "core/strings.h"

#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

using namespace rules::run;

// Hosts where plain HTTP is expected: loopback, private networks, service names.
bool LocalHost(std::string_view url) {
  std::string_view rest = url.substr(7);
  std::string_view host = rest.substr(0, rest.find_first_of("/:?#"));
  if (host.empty() || host.find('$') != std::string_view::npos ||
      host.find('{') != std::string_view::npos)
    return true;
  if (host.find('.') == std::string_view::npos) return true;  // localhost, service names
  for (std::string_view p : {"127.", "10.", "192.168.", "0.0.0.0", "169.254."})
    if (host.starts_with(p)) return true;
  if (host.starts_with("172.")) {
    int second = std::atoi(std::string(host.substr(4, 3)).c_str());
    if (second >= 16 && second <= 31) return true;
  }
  for (std::string_view s : {".local", ".internal", ".localhost", ".lan", ".svc"})
    if (host.ends_with(s)) return true;
  return false;
}

// Hosts known to serve the same paths over HTTPS (project and package download sites that
// redirect or mirror http to https). Only for these is the https:// rewrite offered: elsewhere
// the server may have no certificate for the name, and the fix would fail the build.
bool KnownHttpsHost(std::string_view url) {
  std::string_view rest = url.substr(7);
  std::string host = Lower(rest.substr(0, rest.find_first_of("/:?#")));
  static constexpr std::string_view kHosts[] = {
      "github.com", "raw.githubusercontent.com", "objects.githubusercontent.com",
      "codeload.github.com", "gitlab.com", "bitbucket.org", "deb.nodesource.com",
      "rpm.nodesource.com", "nodejs.org", "dl.google.com", "storage.googleapis.com",
      "download.docker.com", "get.docker.com", "pypi.org", "files.pythonhosted.org",
      "bootstrap.pypa.io", "www.python.org", "repo.maven.apache.org", "repo1.maven.org",
      "archive.apache.org", "downloads.apache.org", "dlcdn.apache.org", "www.apache.org",
      "ftp.gnu.org", "cdn.kernel.org", "mirrors.kernel.org", "www.kernel.org",
      "dl-cdn.alpinelinux.org", "deb.debian.org", "go.dev", "dl.k8s.io",
      "releases.hashicorp.com", "static.rust-lang.org", "sh.rustup.rs", "rubygems.org",
      "cache.ruby-lang.org", "getcomposer.org", "nginx.org", "curl.se",
      "packages.microsoft.com", "download.java.net", "downloads.sourceforge.net"};
  for (std::string_view h : kHosts)
    if (host == h) return true;
  return false;
}

bool Verifies(const Cmd& c) {
  std::string_view n = c.name();
  if (n == "sha256sum" || n == "sha512sum" || n == "sha1sum" || n == "md5sum" ||
      n == "sha384sum" || n == "shasum" || n == "cksum")
    return true;
  if (n == "gpg" || n == "gpgv" || n == "gpg2")
    for (const shell::Word& w : c.args())
      if (w.Is("--verify")) return true;
  return false;
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    // A checksum or signature check in the same RUN makes the transport irrelevant.
    if (r->Any(Verifies)) continue;
    for (const Cmd& c : r->cmds) {
      if (c.name() != "curl" && c.name() != "wget") continue;
      const shell::OptionSyntax& syn = c.name() == "curl" ? CurlSyntax() : WgetSyntax();
      for (const shell::Word* w : shell::Positionals(c.args(), syn)) {
        std::string_view v = w->value();
        if (!StartsWithNoCase(v, "http://") || LocalHost(v)) continue;
        std::optional<Fix> fix;
        size_t at = w->raw.find("http://");
        const bool known = KnownHttpsHost(v);
        if (known && at != std::string_view::npos && c.seg->fixable && c.seg->Exact(*w)) {
          TextRange src = c.Range(*w);
          fix = MakeFix("Use https://", Applicability::kUnsafe,
                        {Edit::Insert(src.start + static_cast<uint32_t>(at) + 4, "s")});
        }
        Emit(ctx, c.Range(*w),
             std::string("download over plain HTTP can be tampered with in transit; use https:// "
                         "or verify a checksum") +
                 (known ? "" : " (the host is not known to serve HTTPS: check the URL by hand)"),
             std::move(fix));
      }
    }
  }
}

}  // namespace

extern constinit const Rule kPlainHttpDownload{
    .code = "DF090",
    .name = "plain-http-download",
    .summary = "curl or wget downloads over plain HTTP without verification",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"parfum", "curlUseHttpsUrl"}, {"parfum", "wgetUseHttpsUrl"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz http://github.com/o/r/releases/download/v1/a.tgz\n", .after = "FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://github.com/o/r/releases/download/v1/a.tgz\n"},
    .docs = R"md(## What it does
Flags `curl`/`wget` with an `http://` URL. Not flagged: loopback and private addresses, service
names without a dot, `.local`/`.internal` hosts, URLs whose host comes from a variable, and `RUN`s
that verify what they download (`sha256sum`, `gpg --verify`...).

## Why is this bad
Plain HTTP can be read and changed by anyone on the path; the downloaded file then runs in the
build or ships in the image.

## Example
```dockerfile
RUN curl -fsSLo /tmp/tool.tgz http://example.com/tool.tgz
```

## Use instead
```dockerfile
RUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz
```

## Fix safety
Unsafe: turns `http://` into `https://` (as Parfum's repair does), only for hosts known to serve
the same downloads over HTTPS (GitHub, GitLab, the Apache, GNU, kernel.org, Python, Node.js,
Docker, Google, Debian and Alpine download sites, HashiCorp releases...). Elsewhere the server may
have no certificate for its name or serve something else there, so no fix is offered: the
finding asks to check the URL by hand. Not offered for words with escapes inside `sh -c`
strings.

## References
- Parfum curlUseHttpsUrl, wgetUseHttpsUrl
)md",
};

}  // namespace shipshape
