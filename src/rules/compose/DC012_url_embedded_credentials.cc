// A password written inside a connection URL (`postgres://user:pass@db/app`).
#include "rules/compose/secret_env.h"
#include "rules/secrets.h"

namespace shipshape {
namespace {

// `DATABASE_URL` -> `DATABASE_PASSWORD`, `REDIS_DSN` -> `REDIS_PASSWORD`.
std::string PasswordVar(std::string_view key) {
  std::string k = crules::VarName(key);
  for (std::string_view suffix : {"_CONNECTION_STRING", "_CONN_STRING", "_URL", "_URI", "_DSN", "_CONNECTION",
                                  "_CONN", "_ADDR", "_ADDRESS", "_ENDPOINT"})
    if (k.size() > suffix.size() && k.compare(k.size() - suffix.size(), suffix.size(), suffix) == 0) {
      k.resize(k.size() - suffix.size());
      break;
    }
  if (k == "URL" || k == "DSN" || k.empty()) k = "DATABASE";
  return k + "_PASSWORD";
}

// A secret-named literal elsewhere in the file with this exact value: reuse its variable so the
// two stay in sync (`POSTGRES_PASSWORD` in the db service, the same password in the app's URL).
std::string SameValueVar(const compose::ComposeFile& f, std::string_view value) {
  for (const compose::Service& s : f.services)
    for (const compose::KeyValue& kv : s.environment)
      if (kv.value && kv.value->known && kv.value->text == value && secrets::LooksLikeSecretName(kv.key))
        return crules::VarName(kv.key);
  return {};
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    auto scan_kvs = [&](const std::vector<compose::KeyValue>& kvs, std::string_view where, const yaml::Node* coll) {
      for (const compose::KeyValue& kv : kvs) {
        if (!kv.value || kv.source != 0) continue;
        const compose::Value& v = *kv.value;
        // Offsets into the raw text: passwords in `${VAR:-default}` defaults do not count.
        for (const auto& [pw_start, pw_end] : crules::LiteralConnectionPasswords(v.raw)) {
          const std::string password = v.raw.substr(pw_start, pw_end - pw_start);
          std::optional<DiagnosticBuilder> b = once.Report(
              ctx, f, &s, kv.key_range,
              "`" + kv.key + "` in " + std::string(where) + " of service `" + s.name +
                  "` embeds a password in a URL (`" + MaskSecret(password) + "`); reference a variable instead");
          if (!b) break;
          b->Redact(v.range);
          crules::LowerInTestFile(ctx, *b);
          // Fix: replace just the password bytes by ${VAR}.
          std::optional<uint32_t> start = crules::VerbatimStart(f.text, v);
          if (!start || !coll || compose::edit::IsFlow(f.text, *coll)) break;
          std::string var = SameValueVar(f, password);
          const bool reused = !var.empty();
          if (!reused) var = PasswordVar(kv.key);
          std::string why_not;
          std::optional<crules::EnvMove> plan = crules::PlanEnvMove(ctx, var, s.name, password, false, &why_not);
          if (!plan) {
            if (!why_not.empty()) b->diagnostic().message += " (" + why_not + ")";
            break;
          }
          Fix fix;
          fix.title = "Replace the password in `" + kv.key + "` with `${" + plan->var + "}` kept in `.env`";
          fix.applicability = Applicability::kUnsafe;
          fix.edits = {Edit::Replace({*start + static_cast<uint32_t>(pw_start), *start + static_cast<uint32_t>(pw_end)},
                                     "${" + plan->var + "}")};
          fix.file_writes = std::move(plan->writes);
          b->WithFix(std::move(fix));
          break;
        }
      }
    };
    const yaml::Entry* env = s.Find("environment");
    scan_kvs(s.environment, "`environment`", env ? env->value : nullptr);
    if (s.build) scan_kvs(s.build->args, "`build.args`",
                          s.build->node && s.build->node->IsMapping() ? s.build->node->Get("args") : nullptr);
    // Commands and healthchecks: report only (no variable to move the value into safely).
    auto scan_values = [&](const std::vector<compose::Value>& vals, std::string_view where) {
      for (const compose::Value& v : vals) {
        if (!v.present() || v.source != 0) continue;
        for (const auto& [pw_start, pw_end] : crules::LiteralConnectionPasswords(v.raw)) {
          std::optional<DiagnosticBuilder> b =
              once.Report(ctx, f, &s, v.range,
                          "`" + std::string(where) + "` of service `" + s.name + "` embeds a password in a URL (`" +
                              MaskSecret(v.raw.substr(pw_start, pw_end - pw_start)) + "`)");
          if (b) b->Redact(v.range);
          break;
        }
      }
    };
    scan_values(s.command, "command");
    scan_values(s.entrypoint, "entrypoint");
    if (s.healthcheck) scan_values(s.healthcheck->test, "healthcheck.test");
  }
}

}  // namespace

extern constinit const Rule kUrlEmbeddedCredentials{
    .code = "DC012",
    .name = "url-embedded-credentials",
    .summary = "A password written inside a connection URL",
    .target = Target::kCompose,
    .severity = Severity::kCritical,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"kics", "Passwords And Secrets - Password in URL"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  api:\n    image: app:1\n    environment:\n      DATABASE_URL: postgresql://app:s3cr3t-pw@db:5432/app\n", .after = "services:\n  api:\n    image: app:1\n    environment:\n      DATABASE_URL: postgresql://app:${DATABASE_PASSWORD}@db:5432/app\n"},
    .docs = R"md(## What it does
Finds `scheme://user:password@host` URLs with a literal password in `environment`, `build.args`,
`command`, `entrypoint` and `healthcheck.test` (`DATABASE_URL=postgresql://app:s3cret@db/app`).
URLs whose password is a `${VAR}` reference or a placeholder are fine. The password is never
printed.

## Why is this bad
It is a hard-coded credential like any other (see DC010), only better hidden: reviewers read past
it, and secret scanners that look at variable names miss it.

## Example
```yaml
services:
  api:
    environment:
      DATABASE_URL: postgresql://app:s3cr3t-pw@db:5432/app
```

## Use instead
```yaml
services:
  api:
    environment:
      DATABASE_URL: postgresql://app:${DATABASE_PASSWORD}@db:5432/app
```

## Fix safety
Unsafe (the value moves). In `environment` and `build.args` only the password is replaced, by
`${NAME}`: the variable of a secret-named entry with the same value in this file when there is
one (so the database's `POSTGRES_PASSWORD` and the app's URL stay in sync), else the key without
its `_URL`/`_DSN` suffix plus `_PASSWORD`. `.env` (0600, merged), `.env.example` and
`.gitignore` are updated as for DC010. Passwords in commands are reported without a fix.

## References
- https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/
- KICS "Passwords And Secrets"
)md",
};

}  // namespace shipshape
