// ARG/ENV whose name says it carries a credential.
#include <set>
#include <string>

#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/secrets.h"
#include "rules/util.h"

namespace shipshape {
namespace {

// ENV values that cannot be a credential: empty, flags, paths, plain URLs.
bool HarmlessEnvValue(std::string_view raw) {
  std::string_view v = rules::Unquote(raw);
  // Too short to be a credential ("_", "-", "x"): a dummy.
  if (v.size() < 3 || secrets::IsKeyFingerprint(v)) return true;
  const std::string l = Lower(v);
  for (std::string_view w : {"true", "false", "yes", "no", "on", "off", "0", "1", "none", "null",
                             "enabled", "disabled", "required", "optional"})
    if (l == w) return true;
  if (v.front() == '/' || v.substr(0, 2) == "./" || v.substr(0, 2) == "~/") return true;
  return v.find("://") != std::string_view::npos && secrets::FindKnownSecrets(v).empty();
}

bool HasVar(std::string_view v) { return v.find('$') != std::string_view::npos; }

void Report(const dockerfile::Instruction& ins, const dockerfile::KeyValue& kv, RuleContext& ctx) {
  const std::string kw = Upper(ins.keyword);
  std::string why;
  if (ins.kind == dockerfile::Keyword::kArg)
    why = kv.has_value ? "its default is committed with the Dockerfile, and build-arg values are "
                         "recorded in the image history and provenance"
                       : "build-arg values are recorded in the image history and provenance";
  else if (HasVar(kv.value))
    why = "ENV copies the value into the image configuration, readable by anyone who pulls it";
  else
    why = "the value is baked into the image configuration, readable by anyone who pulls it";
  std::string id = Lower(kv.key);
  for (char& c : id)
    if (c == '_') c = '-';
  DiagnosticBuilder b = ctx.Report(kv.key_range, kw + " " + kv.key + " looks like a credential: " + why);
  if (kv.has_value && !kv.value_range.empty() && !HasVar(kv.value)) b.Redact(kv.value_range);
  b.WithFix("Pass it as a build secret instead: RUN --mount=type=secret,id=" + id + ",env=" +
                kv.key + " <command> (docker build --secret id=" + id + ",env=" + kv.key + ")",
            Applicability::kDisplayOnly, {});
}

bool ValueIsKnownSecret(const dockerfile::KeyValue& kv) {
  // DF027 reports those, with the value's kind; one finding per credential is enough.
  std::string_view v = rules::Unquote(kv.value);
  return !secrets::FindKnownSecrets(v).empty() ||
         (secrets::LooksHighEntropy(v) && !secrets::IsKeyFingerprint(v));
}

/// `global_redeclared`: for a global ARG, the names some stage declares again (and is checked
/// there); null elsewhere.
void CheckInstruction(const dockerfile::Instruction& ins, const std::set<std::string>* global_redeclared,
                      const rules::VarScope& scope, RuleContext& ctx) {
  if (ins.kind != dockerfile::Keyword::kArg && ins.kind != dockerfile::Keyword::kEnv) return;
  for (const dockerfile::KeyValue& kv : ins.pairs) {
    if (!secrets::LooksLikeSecretName(kv.key) || ValueIsKnownSecret(kv) ||
        secrets::IsPublicClientKey(kv.key, rules::Unquote(kv.value)))
      continue;
    if (ins.kind == dockerfile::Keyword::kEnv) {
      if (!kv.has_value || HarmlessEnvValue(kv.value)) continue;
      // `ENV K=$K` copying an ARG whose default is known to be harmless (a key fingerprint).
      if (HasVar(kv.value)) {
        rules::Expansion e = scope.Expand(kv.value);
        if (e.complete && HarmlessEnvValue(e.text)) continue;
      }
    } else {
      // A global ARG a stage redeclares is flagged there, once. One no stage redeclares still
      // invites `--build-arg NAME=<secret>`, which provenance attestations record.
      if (global_redeclared && (!kv.has_value || kv.value.empty()) &&
          global_redeclared->count(kv.key))
        continue;
      if (kv.has_value && HarmlessEnvValue(kv.value)) continue;
    }
    Report(ins, kv, ctx);
  }
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const rules::VarScope global(df);
  std::set<std::string> redeclared;
  for (const dockerfile::Stage& st : df.stages)
    for (const dockerfile::Instruction* ins : st.instructions)
      if (ins->kind == dockerfile::Keyword::kArg)
        for (const dockerfile::KeyValue& kv : ins->pairs) redeclared.insert(kv.key);
  for (const dockerfile::Instruction* ins : df.global_args)
    CheckInstruction(*ins, &redeclared, global, ctx);
  for (const dockerfile::Stage& st : df.stages) {
    // A stage nothing builds from or copies from is not built, and ships nothing.
    if (!st.used) continue;
    rules::VarScope scope(df, st);
    for (const dockerfile::Instruction* ins : st.instructions) {
      CheckInstruction(*ins, nullptr, scope, ctx);
      scope.Apply(*ins);
    }
  }
}

}  // namespace

extern constinit const Rule kSecretInArgOrEnv{
    .code = "DF026",
    .name = "secret-in-arg-or-env",
    .summary = "ARG or ENV name suggests it carries a credential",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3064"}, {"buildkit", "SecretsUsedInArgOrEnv"}, {"trivy", "DS-0031"},
                {"kics", "Secrets Stored In Dockerfile"}, {"dockle", "CIS-DI-0010"}, {"cis", "4.10"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `ARG` and `ENV` whose name looks like a credential: a `_`/`-`/camelCase token such as
`password`, `passwd`, `pword`, `secret`, `token`, `apikey`, `auth`, `credential(s)`, `key`
(BuildKit's rule), or a substring such as `password`, `secret`, `api_key`, `private_key`
(hadolint's). Names that describe rather than hold a secret are not flagged: `*_FILE`, `*_PATH`,
`*_URL`, `*_VERSION`, `PUBLIC_KEY`, `GPG_KEY`, `*_KEY_ID`, `*_TTL`, `*_ENABLED`, ...

Also not flagged: `ENV` values that cannot hold a credential (empty, booleans, paths, URLs without
a password), a global `ARG` without a default that a stage declares again (reported there), and
stages that are never built. Values that are recognisable credentials are reported by DF027
instead.

## Differences from hadolint
hadolint DL3064 flags `AWS_ACCESS_KEY_ID`; shipshape treats `*_KEY_ID` names as identifiers (the
public half of a key pair, like a GPG key ID) and flags the secret half, `AWS_SECRET_ACCESS_KEY`.

## Why is this bad
`ENV` values are stored in the image configuration: anyone who can pull the image reads them with
`docker inspect`. Build arguments end up in the image history and in build provenance
attestations. Either way the secret outlives the build.

## Example
```dockerfile
FROM node:22
ARG NPM_TOKEN
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci
```

## Use instead
```dockerfile
FROM node:22
RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN \
    echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc
```
built with `docker build --secret id=npm-token,env=NPM_TOKEN .`

## Fix safety
No automatic fix; the suggestion shows the secret-mount form. The value is never printed.

## References
- https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/
- https://docs.docker.com/build/building/secrets/
- hadolint DL3064, Trivy DS-0031, CIS Docker Benchmark 4.10
)md",
};

}  // namespace shipshape
