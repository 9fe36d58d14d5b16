// A credential written into the Dockerfile.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/secrets.h"
#include "rules/util.h"

namespace shipshape {
namespace {

// Where a credential sits, for the message: "ENV GITHUB_TOKEN", "RUN", "a comment".
std::string Where(const dockerfile::Dockerfile& df, TextRange r) {
  for (const dockerfile::Instruction& ins : df.instructions) {
    if (!ins.range.Contains(r.start)) continue;
    const dockerfile::Instruction& in = ins.onbuild ? *ins.onbuild : ins;
    for (const dockerfile::KeyValue& kv : in.pairs)
      if (kv.value_range.Contains(r.start)) return Upper(in.keyword) + " " + kv.key;
    return Upper(in.keyword);
  }
  return "a comment";
}

void Emit(const dockerfile::Dockerfile& df, TextRange r, std::string_view kind, RuleContext& ctx) {
  const std::string_view value = r.Of(ctx.source());
  ctx.Report(r, std::string(kind) + " hard-coded in " + Where(df, r) + " (" + MaskSecret(value) +
                    "); it is readable by anyone with the Dockerfile or the image")
      .Redact(r)
      .WithFix("Remove it, rotate the credential, and pass it at build time with "
               "RUN --mount=type=secret (or at run time from a secret store)",
               Applicability::kDisplayOnly, {});
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  std::vector<TextRange> reported;
  for (const secrets::SecretMatch& m : secrets::FindKnownSecrets(ctx.source())) {
    const TextRange r{static_cast<uint32_t>(m.start), static_cast<uint32_t>(m.end)};
    reported.push_back(r);
    Emit(df, r, m.kind, ctx);
  }
  // Random-looking values assigned to credential names.
  auto check_pairs = [&](const dockerfile::Instruction& ins) {
    if (ins.kind != dockerfile::Keyword::kArg && ins.kind != dockerfile::Keyword::kEnv &&
        ins.kind != dockerfile::Keyword::kLabel)
      return;
    for (const dockerfile::KeyValue& kv : ins.pairs) {
      if (!kv.has_value || kv.value_range.empty() || !secrets::LooksLikeSecretName(kv.key)) continue;
      std::string_view raw = kv.value_range.Of(ctx.source());
      std::string_view v = rules::Unquote(raw);
      if (!secrets::LooksHighEntropy(v) || secrets::IsKeyFingerprint(v) ||
          secrets::IsPublicClientKey(kv.key, v))
        continue;
      TextRange r = kv.value_range;
      if (v.size() != raw.size()) r = {r.start + 1, r.end - 1};
      bool dup = false;
      for (TextRange o : reported) dup |= o.Overlaps(r);
      if (!dup) Emit(df, r, "a random-looking secret value", ctx);
    }
  };
  for (const dockerfile::Instruction& ins : df.instructions) {
    check_pairs(ins);
    if (ins.onbuild) check_pairs(*ins.onbuild);
  }
}

}  // namespace

extern constinit const Rule kHardcodedSecret{
    .code = "DF027",
    .name = "hardcoded-secret",
    .summary = "A credential is written into the Dockerfile",
    .target = Target::kDockerfile,
    .severity = Severity::kCritical,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"kics", "Passwords And Secrets - Generic Secret"}, {"dockle", "CIS-DI-0010"},
                {"trivy", "DS-0031"}, {"hadolint", "DL3064"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Finds credentials written into the Dockerfile, anywhere (instructions, heredocs, comments):
AWS access key IDs, GitHub, GitLab, Slack, npm, PyPI, Docker Hub, Hugging Face, OpenAI,
Anthropic, SendGrid and Stripe tokens, Google API keys, JSON Web Tokens, private key blocks,
Slack webhooks and passwords embedded in URLs (`scheme://user:password@host`). In addition, a
random-looking value (long, mixed characters, high Shannon entropy) assigned by `ARG`, `ENV` or
`LABEL` to a credential-like name is reported.

Values that reference a variable (`${DB_PASSWORD}`), documentation samples (`AKIA...EXAMPLE`)
and placeholders (`<token>`, `changeme`, `xxxx`) are ignored. The value never appears in the
message; reporters mask it in source excerpts.

## Why is this bad
The Dockerfile is committed to version control and the value usually lands in an image layer or
in the image configuration as well. Anyone with read access to either can use it, and removing it
later does not remove it from history: it must be rotated.

## Example
```dockerfile
FROM alpine:3.20
RUN git clone https://ci:s3cr3tPassw0rd@git.example.com/org/private.git
```

## Use instead
```dockerfile
FROM alpine:3.20
RUN --mount=type=secret,id=git-token,env=GIT_TOKEN \
    git clone https://ci:${GIT_TOKEN}@git.example.com/org/private.git
```

## Fix safety
No automatic fix: the credential must be revoked and rotated, which no edit can do.

## References
- https://docs.docker.com/build/building/secrets/
- CIS Docker Benchmark 4.10
- hadolint DL3064, for a credential value given to an `ARG` or `ENV` with a credential-like name
  (DF026 reports such names with other values)
)md",
};

}  // namespace shipshape
