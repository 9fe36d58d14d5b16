// A committed env template holding what looks like a real credential.
#include "envfile/envfile.h"
#include "emit/env_example.h"
#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kEnv || !generate::IsEnvTemplateName(context::BaseName(file.path)))
    return;
  const envfile::EnvFile env = envfile::Parse(file.text);
  for (const envfile::Entry& e : env.entries) {
    if (!e.value || e.raw.find('$') != std::string::npos) continue;
    const std::string what = context::DescribeRealSecret(e.key, *e.value);
    if (what.empty()) continue;
    // The message names the key and the kind of secret, never the value; the range is redacted.
    ctx.Report(e.value_range, "`" + e.key + "` in a committed template holds " + what +
                                  "; treat it as leaked: revoke it, then leave the value empty")
        .Redact(e.value_range)
        .WithFix("Remove the value (revoke the credential too)", Applicability::kUnsafe,
                 {Edit::Replace(e.value_range, "")});
  }
}

}  // namespace

extern constinit const Rule kEnvExampleRealSecret{
    .code = "DX024",
    .name = "env-example-real-secret",
    .summary = "env template holds what looks like a real credential",
    .target = Target::kContext,
    .severity = Severity::kCritical,
    .category = Category::kSecurity,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .fix_example = {.path = ".env.example", .before = "GITHUB_TOKEN=ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\n", .after = "GITHUB_TOKEN=\n"},
    .docs = R"md(## What it does
In env templates (`.env.example`, `.env.sample`, `.env.template`, `.env.dist`...) flags values that
look like real credentials rather than placeholders:
- known token formats, whatever the key: AWS access key IDs (`AKIA...`), GitHub (`ghp_`,
  `github_pat_`), GitLab (`glpat-`), Slack (`xox?-`), Stripe live keys, Google API keys (`AIza`),
  npm tokens, `sk-...` API keys, SendGrid keys, JSON Web Tokens, PEM private keys;
- under a credential-like key, long values (20+ characters) with high entropy (random-looking).

Placeholders (`<token>`, `your-api-key`, `changeme`, `xxxx`, `...example...`) are ignored. The
value is masked in every report.

## Why is this bad
Templates are committed on purpose, so whatever they hold is public to everyone with access to
the repository and its history. A real key there has leaked; automated scanners harvest such keys
from public repositories within minutes.

## Example
```
GITHUB_TOKEN=ghp_<36 characters>
```

## Use instead
```
GITHUB_TOKEN=
```

## Fix safety
Unsafe: removing the value from the file does not un-leak it (it stays in the history). Revoke or
rotate the credential first; the fix only empties the value.

## References
- https://docs.github.com/en/code-security/secret-scanning/introduction/supported-secret-scanning-patterns
- https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html
)md",
};

}  // namespace shipshape
