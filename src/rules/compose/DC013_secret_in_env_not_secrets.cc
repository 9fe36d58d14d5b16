// A credential passed as an environment variable to an image that can read it from a file.
#include "rules/compose/compose_util.h"
#include "rules/secrets.h"

namespace shipshape {
namespace {

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    const compose::KnownImage* img = crules::KnownImageOf(f, s);
    if (!img || img->file_env.empty()) continue;
    for (const compose::KeyValue& kv : s.environment) {
      if (!kv.value || kv.value->raw.empty() || kv.source != 0) continue;
      if (!secrets::LooksLikeSecretName(kv.key)) continue;
      bool supported = false;
      for (const std::string& e : img->file_env) supported = supported || e == kv.key;
      if (!supported) continue;
      bool has_file = false;
      for (const compose::KeyValue& o : s.environment) has_file = has_file || o.key == kv.key + "_FILE";
      if (has_file) continue;
      std::optional<DiagnosticBuilder> b = once.Report(
          ctx, f, &s, kv.key_range,
          "`" + kv.key + "` reaches service `" + s.name + "` as an environment variable; the " + img->name +
              " image also reads `" + kv.key + "_FILE`, so a Compose `secrets:` entry can replace it");
      if (b) crules::LowerInTestFile(ctx, *b);
      if (b && kv.value->raw.find('$') == std::string::npos) b->Redact(kv.value->range);
    }
  }
}

}  // namespace

extern constinit const Rule kSecretInEnvNotSecrets{
    .code = "DC013",
    .name = "secret-in-env-not-secrets",
    .summary = "A credential passed as an environment variable where a Compose secret fits",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .docs = R"md(## What it does
For images known to read `<NAME>_FILE` variables (postgres, mysql, mariadb, mongo, grafana,
minio, wordpress...), flags a credential variable passed through `environment`, even from
`${VAR}`, when the service does not already use the `_FILE` form.

## Why is this bad
Environment variables are visible in `docker inspect`, in `/proc/<pid>/environ`, to every
process of the container and to anything that dumps the environment in an error report. A
Compose secret is a file mounted at `/run/secrets/<name>`, readable only inside the container.

## Example
```yaml
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}
```

## Use instead
```yaml
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
    secrets: [db_password]
secrets:
  db_password:
    environment: POSTGRES_PASSWORD
```

## Fix safety
No automatic fix: the secret source (a file or a variable) is the deployer's choice.

## References
- https://docs.docker.com/compose/how-tos/use-secrets/
- https://hub.docker.com/_/postgres ("Docker Secrets")
)md",
};

}  // namespace shipshape
