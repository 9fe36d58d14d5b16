// curl -k, wget --no-check-certificate, git with sslVerify off.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

using namespace rules::run;
using dockerfile::Instruction;
using dockerfile::Keyword;

void CheckEnv(const Instruction& ins, RuleContext& ctx) {
  if (ins.kind != Keyword::kEnv && ins.kind != Keyword::kArg) return;
  for (const dockerfile::KeyValue& kv : ins.pairs)
    if (kv.key == "GIT_SSL_NO_VERIFY" && kv.has_value && !Falsy(kv.value) &&
        !Unquote(kv.value).empty())
      ctx.Report(TextRange::Cover(kv.key_range, kv.value_range),
                 "GIT_SSL_NO_VERIFY makes git accept any TLS certificate");
}

// `-kfsSL` without its `k`.
std::optional<Edit> DropShortK(const Cmd& c, const shell::Word& w) {
  std::string_view raw = w.raw;
  if (raw == "-k" || raw == "--insecure") return RemoveWord(c, w);
  if (!w.IsStatic() || w.IsQuoted() || raw.size() < 3 || raw[0] != '-' || raw[1] == '-')
    return std::nullopt;
  size_t k = raw.find('k', 1);
  if (k == std::string_view::npos) return std::nullopt;
  std::string rest = std::string(raw.substr(0, k)) + std::string(raw.substr(k + 1));
  return ReplaceWord(c, w, rest);
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const Instruction& ins : df.instructions) {
    CheckEnv(ins, ctx);
    if (ins.onbuild) CheckEnv(*ins.onbuild, ctx);
  }
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (auto v = AssignedIn(c, "GIT_SSL_NO_VERIFY"); v && !v->empty() && !Falsy(*v))
        Emit(ctx, c.Range(), "GIT_SSL_NO_VERIFY makes git accept any TLS certificate");
      const auto args = c.args();
      if (c.name() == "curl") {
        if (auto a = shell::FindFlag(args, 'k', {"insecure"}, CurlSyntax()))
          Emit(ctx, c.Range(*a->word), "curl -k/--insecure accepts any TLS certificate",
               MakeFix("Remove -k", Applicability::kUnsafe, {DropShortK(c, *a->word)}));
      } else if (c.name() == "wget") {
        if (auto a = shell::FindFlag(args, 0, {"no-check-certificate"}, WgetSyntax()))
          Emit(ctx, c.Range(*a->word), "wget --no-check-certificate accepts any TLS certificate",
               MakeFix("Remove --no-check-certificate", Applicability::kUnsafe,
                       {RemoveWord(c, *a->word)}));
      } else if (c.name() == "git") {
        // git -c http.sslVerify=false clone ... / git config --global http.sslVerify false
        for (size_t i = 0; i < args.size(); ++i) {
          std::string l = Lower(args[i].value());
          bool off = false;
          if (l.ends_with("sslverify=false") || l.ends_with("sslverify=0")) off = true;
          if (l.ends_with("sslverify") && i + 1 < args.size() && Falsy(args[i + 1].value()))
            off = true;
          if (off)
            Emit(ctx, c.Range(args[i]), "git with http.sslVerify off accepts any TLS certificate");
        }
      }
    }
  }
}

}  // namespace

extern constinit const Rule kTlsVerificationDisabled{
    .code = "DF089",
    .name = "tls-verification-disabled",
    .summary = "curl, wget or git download without verifying TLS certificates",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"checkov", "CKV2_DOCKER_2"}, {"checkov", "CKV2_DOCKER_3"},
                {"checkov", "CKV2_DOCKER_14"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN curl -kfsSL https://e.com/a -o a\n", .after = "FROM debian:12\nRUN curl -fsSL https://e.com/a -o a\n"},
    .docs = R"md(## What it does
Flags `curl -k`/`--insecure` (also inside clusters like `-kfsSL`), `wget --no-check-certificate`,
git's `http.sslVerify=false` (`git -c`, `git config`), and `GIT_SSL_NO_VERIFY` in `ENV`, `ARG` or
a `RUN`.

## Why is this bad
Without certificate checks anyone on the network path can substitute the download: scripts and
binaries fetched this way run in the build as root.

## Example
```dockerfile
RUN curl -kfsSL https://example.com/install.sh -o /tmp/install.sh
```

## Use instead
```dockerfile
RUN curl -fsSL https://example.com/install.sh -o /tmp/install.sh
```
and install the CA certificate if the server uses a private one.

## Fix safety
Unsafe: removes the option (or the `k` from a cluster). The download then fails if the server's
certificate really is not trusted. No fix for git settings and `GIT_SSL_NO_VERIFY`.

## References
- Checkov CKV2_DOCKER_2, CKV2_DOCKER_3, CKV2_DOCKER_14
)md",
};

}  // namespace shipshape
