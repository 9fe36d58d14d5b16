// A configuration file or directory bind-mounted writable where read-only would do.
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

std::string_view BaseName(std::string_view p) {
  while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
  size_t s = p.rfind('/');
  return s == std::string_view::npos ? p : p.substr(s + 1);
}

bool ConfigTarget(std::string_view target) {
  const std::string t(target);
  if (t == "/docker-entrypoint-initdb.d" || t.rfind("/docker-entrypoint-initdb.d/", 0) == 0) return true;
  const std::string b = Lower(BaseName(t));
  return b.size() > 6 && b.compare(b.size() - 6, 6, "conf.d") == 0;
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    for (const compose::Mount& m : s.volumes) {
      if (m.source_file != 0 || m.read_only || m.type != compose::MountType::kBind || !m.known) continue;
      if (!m.source.present() || !m.target.present()) continue;
      const std::string& src = m.source.text;
      if (!src.empty() && src[0] == '/' && src.rfind("/home/", 0) != 0 && src.rfind("/srv/", 0) != 0 &&
          src.rfind("/opt/", 0) != 0)
        continue;  // other absolute host paths: DC032's domain
      if (!crules::LooksLikeConfigFile(BaseName(src)) && !crules::LooksLikeConfigFile(BaseName(m.target.text)) && !ConfigTarget(m.target.text))
        continue;
      std::optional<DiagnosticBuilder> b =
          once.Report(ctx, f, &s, m.range,
                      "service `" + s.name + "` mounts configuration `" + src + "` writable; mount it read-only "
                      "so the container cannot change its own configuration");
      if (!b) continue;
      if (std::optional<Edit> e = crules::MakeMountReadOnly(f, m))
        b->WithFix("Mount `" + src + "` read-only", Applicability::kUnsafe, {*e});
    }
  }
}

}  // namespace

extern constinit const Rule kConfigBindMountWritable{
    .code = "DC033",
    .name = "config-bind-mount-writable",
    .summary = "A configuration file is bind-mounted writable where `:ro` fits",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf\n", .after = "services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/nginx.conf:ro\n"},
    .docs = R"md(## What it does
Flags writable bind mounts of configuration: files with a configuration extension (`.conf`,
`.cfg`, `.cnf`, `.ini`, `.yml`, `.yaml`, `.toml`, `.json`, `.xml`, `.properties`, `.lua`,
`.vcl`, `.rules`), certificates and keys (`.pem`, `.crt`, `.key`), `Caddyfile`, `Corefile`,
`.htpasswd`, and directories mounted on `*conf.d` or `/docker-entrypoint-initdb.d`. Files
applications write (Traefik's `acme.json`) are not reported.

## Why is this bad
A container that can rewrite its own configuration can make a compromise persistent (a new
upstream in `nginx.conf`, a new user in `.htpasswd`) and the change lands in your working copy.
Configuration is read at start; read-only costs nothing.

## Example
```yaml
services:
  web:
    image: nginx:1.27
    volumes:
      - ./nginx.conf:/etc/nginx/nginx.conf
```

## Use instead
```yaml
services:
  web:
    image: nginx:1.27
    volumes:
      - ./nginx.conf:/etc/nginx/nginx.conf:ro
```

## Fix safety
Unsafe: `:ro` is appended (before other options such as `z`), or `read_only: true` added in long
syntax. An image whose entrypoint edits its configuration in place at start (templating with
`sed -i`, `envsubst` into the same file) then fails.

## References
- https://docs.docker.com/reference/compose-file/services/#volumes
)md",
};

}  // namespace shipshape
