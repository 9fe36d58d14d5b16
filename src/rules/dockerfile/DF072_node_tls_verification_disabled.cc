// Node/npm/yarn TLS verification turned off.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

using namespace rules::run;
using dockerfile::Instruction;
using dockerfile::Keyword;

// Message for an environment variable that turns TLS checks off, or "".
std::string BadVariable(std::string_view key, std::string_view value) {
  std::string k = Lower(key);
  if (k == "node_tls_reject_unauthorized" && Unquote(value) == "0")
    return "NODE_TLS_REJECT_UNAUTHORIZED=0 makes Node.js accept any TLS certificate";
  if ((k == "npm_config_strict_ssl" || k == "yarn_strict_ssl") && Falsy(value))
    return std::string(key) + "=false makes the package manager accept any TLS certificate";
  return {};
}

void CheckEnv(const Instruction& ins, RuleContext& ctx) {
  if (ins.kind != Keyword::kEnv && ins.kind != Keyword::kArg) return;
  for (const dockerfile::KeyValue& kv : ins.pairs)
    if (std::string m = BadVariable(kv.key, kv.value); !m.empty() && kv.has_value)
      ctx.Report(TextRange::Cover(kv.key_range, kv.value_range), m);
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const Instruction& ins : df.instructions) {
    CheckEnv(ins, ctx);
    if (ins.onbuild) CheckEnv(*ins.onbuild, ctx);
  }
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      for (std::string_view key : {"NODE_TLS_REJECT_UNAUTHORIZED", "NPM_CONFIG_STRICT_SSL",
                                   "npm_config_strict_ssl", "YARN_STRICT_SSL"})
        if (auto v = AssignedIn(c, key))
          if (std::string m = BadVariable(key, *v); !m.empty()) Emit(ctx, c.Range(), m);
      if (c.name() != "npm" && c.name() != "yarn" && c.name() != "pnpm") continue;
      const auto args = c.args();
      // npm config set strict-ssl false / npm set strict-ssl=false / yarn config set strict-ssl false
      for (size_t i = 0; i < args.size(); ++i) {
        std::string_view v = args[i].value();
        bool off = false;
        if (v == "strict-ssl" && i + 1 < args.size() && Falsy(args[i + 1].value())) off = true;
        if ((v == "strict-ssl=false" || v == "--strict-ssl=false" || v == "--no-strict-ssl"))
          off = true;
        if (off)
          Emit(ctx, c.Range(args[i]),
               std::string(c.name()) + " with strict-ssl off accepts any TLS certificate");
      }
    }
  }
}

}  // namespace

extern constinit const Rule kNodeTlsVerificationDisabled{
    .code = "DF072",
    .name = "node-tls-verification-disabled",
    .summary = "Node.js, npm or yarn TLS certificate checks are turned off",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"checkov", "CKV2_DOCKER_6"}, {"checkov", "CKV2_DOCKER_12"},
                {"checkov", "CKV2_DOCKER_13"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `NODE_TLS_REJECT_UNAUTHORIZED=0` and `NPM_CONFIG_STRICT_SSL=false` (in `ENV`, `ARG` or a
`RUN`), `npm config set strict-ssl false`, `yarn config set strict-ssl false` and
`--strict-ssl=false`.

## Why is this bad
With certificate checks off, anyone on the network path can serve their own packages or API
responses. An `ENV` keeps it off in every container run from the image.

## Example
```dockerfile
RUN npm config set strict-ssl false && npm ci
```

## Use instead
```dockerfile
COPY corp-ca.pem /usr/local/share/ca-certificates/corp-ca.crt
ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp-ca.crt
RUN npm ci
```

## Fix safety
No fix: the right certificate has to be provided.

## References
- https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue
- Checkov CKV2_DOCKER_6, CKV2_DOCKER_12, CKV2_DOCKER_13
)md",
};

}  // namespace shipshape
