// ENV/ARG that turns off TLS certificate verification for a whole toolchain.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

struct Switch {
  std::string_view name;
  std::string_view what;
  bool (*off)(std::string_view value);
};

bool IsZero(std::string_view v) { return v == "0"; }
bool IsFalse(std::string_view v) {
  const std::string l = rules::ToLower(v);
  return l == "false" || l == "0" || l == "no";
}
bool IsTrue(std::string_view v) {
  const std::string l = rules::ToLower(v);
  return l == "1" || l == "true" || l == "yes";
}
bool NonEmpty(std::string_view v) { return !v.empty(); }

constexpr Switch kSwitches[] = {
    {"NODE_TLS_REJECT_UNAUTHORIZED", "Node.js accepts any TLS certificate", IsZero},
    {"PYTHONHTTPSVERIFY", "Python skips HTTPS certificate checks", IsZero},
    {"NPM_CONFIG_STRICT_SSL", "npm accepts any registry certificate", IsFalse},
    {"npm_config_strict_ssl", "npm accepts any registry certificate", IsFalse},
    {"YARN_ENABLE_STRICT_SSL", "Yarn accepts any registry certificate", IsFalse},
    {"GIT_SSL_NO_VERIFY", "git accepts any server certificate", IsTrue},
    {"PIP_TRUSTED_HOST", "pip skips certificate checks for these hosts", NonEmpty},
    {"GOINSECURE", "go fetches these modules over insecure connections", NonEmpty},
    {"GONOSUMDB", "go skips checksum-database verification for these modules", NonEmpty},
    {"GONOSUMCHECK", "go skips checksum verification", IsTrue},
    {"GOSUMDB", "go skips checksum-database verification", [](std::string_view v) { return v == "off"; }},
};

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const std::string_view src = ctx.source();
  for (const dockerfile::Stage& st : df.stages) {
    if (!st.used) continue;
    rules::VarScope scope(df, st);
    for (const dockerfile::Instruction* ins : st.instructions) {
      if (ins->kind == dockerfile::Keyword::kEnv || ins->kind == dockerfile::Keyword::kArg) {
        for (const dockerfile::KeyValue& kv : ins->pairs) {
          if (!kv.has_value) continue;
          for (const Switch& s : kSwitches) {
            if (kv.key != s.name) continue;
            rules::Expansion e = scope.Expand(kv.value);
            if (!e.complete || !s.off(e.text)) break;
            DiagnosticBuilder b = ctx.Report(
                kv.key_range, rules::ToUpper(ins->keyword) + " " + kv.key + "=" + e.text + ": " +
                                  std::string(s.what) + ", so a man-in-the-middle can inject code"
                                  " into the build" +
                                  (ins->kind == dockerfile::Keyword::kEnv ? " and the running container" : ""));
            if (ins->pairs.size() == 1)
              b.WithFix("Remove " + kv.key + " and trust the proxy's CA certificate instead",
                        Applicability::kUnsafe, {rules::DeleteLines(src, *ins)});
            break;
          }
        }
      }
      scope.Apply(*ins);
    }
  }
}

}  // namespace

extern const Rule kTlsVerificationDisabled{
    .code = "DF122",
    .name = "tls-verification-disabled",
    .summary = "ENV/ARG turns off TLS or checksum verification",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"checkov", "CKV2_DOCKER_5"}, {"checkov", "CKV2_DOCKER_6"},
                {"checkov", "CKV2_DOCKER_12"}, {"checkov", "CKV2_DOCKER_14"},
                {"checkov", "CKV2_DOCKER_16"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `ENV`/`ARG` settings that disable certificate or checksum verification for a whole
toolchain: `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `NPM_CONFIG_STRICT_SSL=false`,
`YARN_ENABLE_STRICT_SSL=false`, `GIT_SSL_NO_VERIFY=1`, `PIP_TRUSTED_HOST=...`, `GOINSECURE=...`,
`GONOSUMDB=...`, `GOSUMDB=off`. Values are expanded; ARG values only known at build time are
skipped. (The same switches given on a `RUN` command line are checked by the `RUN` rules.)

## Why is this bad
Every download after the setting accepts any certificate, so anyone on the network path (a
compromised proxy, Wi-Fi, a DNS hijack) can serve modified packages that run in the build. With
`ENV` the setting also stays active in the running container. It is usually added to get past a
corporate TLS-intercepting proxy; the proxy's CA certificate should be trusted instead.

## Example
```dockerfile
FROM node:22
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
RUN npm ci
```

## Use instead
```dockerfile
FROM node:22
COPY corp-ca.crt /usr/local/share/ca-certificates/
RUN update-ca-certificates
ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp-ca.crt
RUN npm ci
```

## Fix safety
When the instruction sets only this variable the fix deletes it; unsafe, because builds behind a
TLS-intercepting proxy then fail until its CA is trusted.

## References
- https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue
- Checkov CKV2_DOCKER_5, CKV2_DOCKER_6, CKV2_DOCKER_12, CKV2_DOCKER_14, CKV2_DOCKER_16
)md",
    .cases = {Bad("FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN npm ci\n",
                  "FROM node:22\nRUN npm ci\n"),
              Bad("FROM python:3.12\nENV PIP_TRUSTED_HOST=pypi.internal PYTHONHTTPSVERIFY=0\n"),
              Bad("FROM golang:1.23\nARG GOSUMDB=off\n"),
              Good("FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n"),
              Good("FROM alpine:3.20\nARG GIT_SSL_NO_VERIFY\n"),
              Good("FROM node:22\nENV NODE_EXTRA_CA_CERTS=/etc/ssl/corp.pem\n")},
};

}  // namespace shipshape
