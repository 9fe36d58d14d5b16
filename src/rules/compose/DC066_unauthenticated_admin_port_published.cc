// An unauthenticated admin or debug endpoint published on every host interface: Traefik's
// `--api.insecure=true` dashboard/API, a JVM debug agent (JDWP). Found missing in issue 16.
#include <cctype>

#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

// Every literal string the service runs with: command, entrypoint and environment values.
std::vector<std::string> RunStrings(const compose::ComposeFile& f, const compose::Service& s) {
  std::vector<std::string> out;
  crules::InChain(f, s, [&](const compose::Service& x) {
    for (const compose::Value& v : x.command)
      if (v.known) out.push_back(v.text);
    for (const compose::Value& v : x.entrypoint)
      if (v.known) out.push_back(v.text);
    for (const compose::KeyValue& kv : x.environment) {
      if (!kv.value || !kv.value->known) continue;
      out.push_back(kv.key + "=" + kv.value->text);
    }
    return false;
  });
  return out;
}

// Traefik's insecure API: `--api.insecure` / `--api.insecure=true`, or the environment form.
bool TraefikInsecure(const std::vector<std::string>& strings) {
  for (const std::string& s : strings) {
    const std::string l = Lower(s);
    for (std::string_view form : {"--api.insecure=true", "traefik_api_insecure=true"})
      if (l.find(form) != std::string::npos) return true;
    size_t p = l.find("--api.insecure");
    if (p != std::string::npos) {
      const size_t e = p + 14;
      if (e == l.size() || l[e] == ' ' || l[e] == '"' || l[e] == '\'') return true;
    }
  }
  return false;
}

// The port a JDWP agent listens on (`-agentlib:jdwp=...,address=*:5005`, `-Xrunjdwp:...address=5005`),
// or 0.
int JdwpPort(const std::vector<std::string>& strings) {
  for (const std::string& s : strings) {
    size_t p = s.find("jdwp");
    if (p == std::string::npos) continue;
    p = s.find("address=", p);
    if (p == std::string::npos) continue;
    p += 8;
    const size_t colon = s.find_first_of(":, \"'", p);
    if (colon != std::string::npos && s[colon] == ':') p = colon + 1;
    int n = 0;
    while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p])) && n < 65536) n = n * 10 + (s[p++] - '0');
    if (n > 0 && n < 65536) return n;
  }
  return 0;
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    if (s.ports.empty()) continue;
    const std::vector<std::string> strings = RunStrings(f, s);
    const bool traefik = TraefikInsecure(strings);
    const int jdwp = JdwpPort(strings);
    if (!traefik && jdwp == 0) continue;
    for (const compose::Port& p : s.ports) {
      if (p.source != 0) continue;
      const crules::HostBinding how = crules::BindingOf(p);
      if (how != crules::HostBinding::kAllImplicit && how != crules::HostBinding::kAllExplicit) continue;
      const int port = crules::TargetPort(p);
      std::string what;
      if (traefik && port == 8080)
        what = "Traefik's API and dashboard without authentication (`--api.insecure=true`)";
      else if (jdwp != 0 && port == jdwp)
        what = "a JVM debug agent (JDWP): anyone who connects runs code in the JVM";
      if (what.empty()) continue;
      std::optional<DiagnosticBuilder> b =
          once.Report(ctx, f, &s, p.range,
                      "service `" + s.name + "` publishes port " + std::to_string(port) + " on every host interface: " +
                          what + "; publish it on 127.0.0.1 or drop it");
      if (b) crules::LowerInTestFile(ctx, *b);
    }
  }
}

}  // namespace

extern constinit const Rule kUnauthenticatedAdminPortPublished{
    .code = "DC066",
    .name = "unauthenticated-admin-port-published",
    .summary = "An unauthenticated admin or debug port (Traefik insecure API, JDWP) is published on all interfaces",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kPreview,
    .aliases = {},
    .check_compose = Check,
    .docs = R"md(## What it does
Flags a published port without a host IP (or with `0.0.0.0`/`::`) that serves an endpoint with no
authentication: Traefik's API and dashboard on 8080 when the service runs with
`--api.insecure=true` (or `TRAEFIK_API_INSECURE=true`), and the port of a JVM debug agent
(`-agentlib:jdwp=...address=*:5005`, `-Xrunjdwp`) given in the command, entrypoint or
environment (`JAVA_TOOL_OPTIONS`, `JAVA_OPTS`...). In test/CI files the finding is info.

## Why is this bad
Traefik's insecure API shows every router, service and middleware and needs no login; JDWP lets
whoever connects evaluate code inside the JVM. Docker's published ports bypass host firewalls
such as ufw, so "it is only a dev box" does not hold once the host has a public address.

## Example
```yaml
services:
  proxy:
    image: traefik:v3.1
    command: ["--api.insecure=true", "--providers.docker"]
    ports:
      - "80:80"
      - "8080:8080"
```

## Use instead
```yaml
services:
  proxy:
    image: traefik:v3.1
    command: ["--api.insecure=true", "--providers.docker"]
    ports:
      - "80:80"
      - "127.0.0.1:8080:8080"
```

## Fix safety
No automatic fix: publishing on loopback only, securing the dashboard with a router and
authentication middleware, or removing the debug agent are choices for the author.

## References
- https://doc.traefik.io/traefik/operations/api/#insecure
- https://docs.oracle.com/en/java/javase/21/docs/specs/jpda/conninv.html
)md",
};

}  // namespace shipshape
