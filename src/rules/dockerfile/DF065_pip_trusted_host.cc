// pip told to trust a host without TLS verification.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;
using dockerfile::Instruction;
using dockerfile::Keyword;

void CheckEnv(const Instruction& ins, RuleContext& ctx) {
  if (ins.kind != Keyword::kEnv && ins.kind != Keyword::kArg) return;
  for (const dockerfile::KeyValue& kv : ins.pairs)
    if (kv.key == "PIP_TRUSTED_HOST" && kv.has_value && !Unquote(kv.value).empty())
      ctx.Report(TextRange::Cover(kv.key_range, kv.value_range),
                 "PIP_TRUSTED_HOST makes pip skip TLS verification for " +
                     std::string(Unquote(kv.value)));
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const Instruction& ins : df.instructions) {
    CheckEnv(ins, ctx);
    if (ins.onbuild) CheckEnv(*ins.onbuild, ctx);
  }
  const Analysis& an = SharedAnalysis(df, ctx);
  const shell::OptionSyntax& syn = shell::OptionSyntaxFor(shell::PackageManager::kPip);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (auto v = AssignedIn(c, "PIP_TRUSTED_HOST"); v && !v->empty())
        Emit(ctx, c.Range(), "PIP_TRUSTED_HOST makes pip skip TLS verification for " + *v);
      auto pi = shell::MatchPackageInstall(c.inv());
      if (pi && (pi->manager == shell::PackageManager::kPip ||
                 pi->manager == shell::PackageManager::kUv)) {
        for (const shell::Arg& a : shell::ParseArgs(pi->args, syn)) {
          if (a.kind != shell::ArgKind::kLong || a.long_name != "trusted-host") continue;
          const shell::Word& last = a.value_word ? *a.value_word : *a.word;
          Emit(ctx, Span(c, *a.word, last),
               "--trusted-host " + std::string(a.value) +
                   " makes pip skip TLS verification for that host",
               MakeFix("Remove --trusted-host", Applicability::kUnsafe,
                       {RemoveWords(c, *a.word, last)}));
        }
      }
      // pip config set global.trusted-host HOST
      const auto args = c.args();
      for (size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i].Is("set") && args[i + 1].value().ends_with(".trusted-host"))
          Emit(ctx, c.Range(), "pip configured to skip TLS verification (trusted-host)");
    }
  }
}

}  // namespace

extern constinit const Rule kPipTrustedHost{
    .code = "DF065",
    .name = "pip-trusted-host",
    .summary = "pip is told to trust a host without TLS verification",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"checkov", "CKV2_DOCKER_4"}, {"checkov", "CKV2_DOCKER_16"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM python:3.12\nRUN pip install --trusted-host pypi.org flask==3.0.0\n", .after = "FROM python:3.12\nRUN pip install flask==3.0.0\n"},
    .docs = R"md(## What it does
Flags `pip install --trusted-host HOST`, `pip config set global.trusted-host HOST`, and
`PIP_TRUSTED_HOST` set by `ENV`, `ARG` or in a `RUN`.

## Why is this bad
A trusted host is contacted without verifying its TLS certificate (or over plain HTTP): anyone on
the network path can serve their own packages, which then run as part of the build.

## Example
```dockerfile
RUN pip install --trusted-host pypi.internal -i http://pypi.internal/simple app==1.0
```

## Use instead
```dockerfile
COPY corp-ca.pem /usr/local/share/ca-certificates/corp-ca.crt
RUN update-ca-certificates && pip install -i https://pypi.internal/simple app==1.0
```

## Fix safety
Unsafe: removes `--trusted-host HOST`. The install fails if the index really has no valid
certificate; install the CA instead. No fix for `ENV`/`ARG` and `pip config`.

## References
- https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host
- Checkov CKV2_DOCKER_4, CKV2_DOCKER_16
)md",
};

}  // namespace shipshape
