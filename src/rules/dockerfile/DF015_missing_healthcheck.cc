// A service image with no HEALTHCHECK.
#include <string>
#include <vector>

#include "compose/service_role.h"
#include "dockerfile/dockerfile.h"
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

using dockerfile::Instruction;
using dockerfile::Keyword;

// A probe for an official server image, run with a tool the image itself ships. Each entry comes
// from the image's own Dockerfile: nginx installs curl (Debian since 1.19, Alpine too; not the
// -slim variants), postgres ships pg_isready, redis redis-cli, mysql mysqladmin, mariadb 11
// healthcheck.sh (10.x mysqladmin), mongo mongosh from 5.0, rabbitmq rabbitmq-diagnostics, and
// caddy is Alpine (BusyBox wget) with its admin API on localhost:2019.
struct Probe {
  std::string_view repo;
  int min_major = 0, min_minor = 0;  ///< numeric tags below this are skipped
  bool http = false;                 ///< shell form, `%s` is the URL's port suffix
  std::string_view cmd;
};
constexpr Probe kProbes[] = {
    {"nginx", 1, 19, true, "curl -fsS -o /dev/null http://localhost%s/ || exit 1"},
    {"postgres", 0, 0, false, R"j(["pg_isready", "-U", "postgres"])j"},
    {"redis", 0, 0, false, R"j(["redis-cli", "ping"])j"},
    {"mysql", 0, 0, false, R"j(["mysqladmin", "ping", "-h", "localhost"])j"},
    {"mariadb", 11, 0, false, R"j(["healthcheck.sh", "--connect", "--innodb_initialized"])j"},
    {"mariadb", 10, 0, false, R"j(["mysqladmin", "ping", "-h", "localhost"])j"},
    {"mongo", 5, 0, false, R"j(["mongosh", "--quiet", "--eval", "db.adminCommand('ping')"])j"},
    {"rabbitmq", 3, 8, false, R"j(["rabbitmq-diagnostics", "-q", "ping"])j"},
    {"caddy", 2, 0, false, R"j(["wget", "-q", "--spider", "http://localhost:2019/config/"])j"},
};

// The leading `major[.minor]` of a tag; nullopt for non-numeric tags (latest, alpine, lts...),
// which follow the current release. A tag without a minor (`3-management`) follows the latest
// minor of its major.
std::optional<std::pair<int, int>> TagVersion(std::string_view tag) {
  int v[2] = {0, 999};
  size_t i = 0;
  for (int part = 0; part < 2; ++part) {
    size_t start = i;
    if (part == 1) v[1] = 0;
    while (i < tag.size() && tag[i] >= '0' && tag[i] <= '9' && i - start < 6)
      v[part] = v[part] * 10 + (tag[i++] - '0');
    if (i == start) {
      if (part == 0) return std::nullopt;
      v[1] = 999;
      break;
    }
    if (i >= tag.size() || tag[i] != '.') break;
    ++i;
  }
  return std::pair{v[0], v[1]};
}

// The one TCP port the stage's chain EXPOSEs ("" when none, several or not literal).
std::string ExposedPort(const dockerfile::Dockerfile& df, const dockerfile::Stage& st) {
  std::string port;
  for (const dockerfile::Stage* s : rules::StageChain(df, st))
    for (const Instruction* ins : s->instructions) {
      if (ins->kind != Keyword::kExpose) continue;
      for (const dockerfile::Arg& a : ins->args) {
        rules::ExposeSpec e = rules::ParseExpose(a.value);
        if (!e.proto.empty() && Lower(e.proto) != "tcp") continue;
        if (!e.host.empty() || !rules::IsDigits(e.port)) return "";
        if (!port.empty() && port != e.port) return "";
        port = e.port;
      }
    }
  return port;
}

std::optional<Fix> AddHealthcheck(const dockerfile::Dockerfile& df, const dockerfile::Stage& st,
                                  const dockerfile::ImageRef& ref, RuleContext& ctx) {
  if (!ref.registry.empty() || ref.has_variable) return std::nullopt;  // official images only
  const std::string tag = Lower(ref.tag);
  if (tag.find("windows") != std::string::npos || tag.find("nanoserver") != std::string::npos)
    return std::nullopt;
  const Probe* probe = nullptr;
  for (const Probe& p : kProbes) {
    if (p.repo != ref.repository) continue;
    std::optional<std::pair<int, int>> v = TagVersion(tag);
    if (v && *v < std::pair{p.min_major, p.min_minor}) continue;
    probe = &p;
    break;
  }
  if (!probe) return std::nullopt;
  if (probe->repo == "nginx" && tag.find("slim") != std::string::npos) return std::nullopt;
  if (probe->repo == "caddy" && tag.find("builder") != std::string::npos) return std::nullopt;
  std::string cmd(probe->cmd);
  if (probe->http) {
    const std::string port = ExposedPort(df, st);
    if (port == "443") return std::nullopt;  // TLS: the plain-HTTP probe would fail
    const size_t at = cmd.find("%s");
    cmd.replace(at, 2, port.empty() || port == "80" ? "" : ":" + port);
  }
  // After the last instruction before the stage's CMD/ENTRYPOINT, else after its last one.
  const Instruction* anchor = st.from;
  for (const Instruction* ins : st.instructions) {
    if (ins->kind == Keyword::kCmd || ins->kind == Keyword::kEntrypoint) break;
    anchor = ins;
  }
  const std::string_view src = ctx.source();
  const std::string line = rules::run::KeywordLike(src, *anchor, "HEALTHCHECK") + " " +
                           rules::run::KeywordLike(src, *anchor, "CMD") + " " + cmd;
  Fix f;
  f.title = "Add a HEALTHCHECK running `" + cmd + "`";
  f.applicability = Applicability::kUnsafe;
  f.edits = {rules::run::InsertLinesAfter(src, *anchor, {line})};
  return f;
}

// True when the effective ENTRYPOINT + CMD of `st` is a one-off job (compose/service_role).
bool RunsAJob(const dockerfile::Dockerfile& df, const dockerfile::Stage& st) {
  std::vector<std::string> words;
  for (dockerfile::Keyword k : {dockerfile::Keyword::kEntrypoint, dockerfile::Keyword::kCmd})
    if (const dockerfile::Instruction* ins = rules::LastInChain(df, st, k))
      for (const auto& a : ins->args) words.push_back(std::string(a.value));
  return !words.empty() && !compose::OneShotCommand(words).empty();
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const dockerfile::Stage* st = df.final_stage();
  if (!st || !st->from) return;
  // Inherited from an earlier stage, or explicitly disabled with HEALTHCHECK NONE: both decided.
  if (rules::LastInChain(df, *st, dockerfile::Keyword::kHealthcheck)) return;
  if (!rules::LooksLikeService(df, *st)) return;
  // An image whose command runs a job and exits (migrations, a test runner) is never healthy
  // or unhealthy: a HEALTHCHECK does not fit it (issue 16).
  if (RunsAJob(df, *st)) return;
  const dockerfile::Stage& root = rules::RootStage(df, *st);
  // An unknown base (ARG without default, named build context) may define its own.
  std::optional<dockerfile::ImageRef> ref;
  if (!rules::IsScratch(root.base_resolved) && !(ref = rules::ExternalBase(df, root))) return;
  DiagnosticBuilder b =
      ctx.Report(st->base_range, "the final stage runs a service but defines no HEALTHCHECK; the "
                                 "runtime cannot tell a hung process from a healthy one");
  if (!ref) return;
  if (std::optional<Fix> f = AddHealthcheck(df, *st, *ref, ctx)) b.WithFix(std::move(*f));
}

}  // namespace

extern constinit const Rule kMissingHealthcheck{
    .code = "DF015",
    .name = "missing-healthcheck",
    .summary = "A service image has no HEALTHCHECK",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3057"}, {"trivy", "DS-0026"}, {"checkov", "CKV_DOCKER_2"},
                {"kics", "Healthcheck Instruction Missing"}, {"dockle", "CIS-DI-0006"},
                {"cis", "4.6"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n", .after = "FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n"
                  "HEALTHCHECK CMD curl -fsS -o /dev/null http://localhost/ || exit 1\n"},
    .docs = R"md(## What it does
Flags the final stage of an image that looks like a long-running service (it `EXPOSE`s a port,
its `CMD`/`ENTRYPOINT` is something other than an interactive shell or REPL, or it builds on a
server image such as nginx) when neither it nor a stage it builds `FROM` has a `HEALTHCHECK`.
`HEALTHCHECK NONE` counts as a deliberate decision. Builder stages are never judged.
Images whose `ENTRYPOINT`/`CMD` runs a one-off job and exits (a migration such as
`manage.py migrate`, a test runner such as `npm test` or `pytest`, `true`) are not flagged: a
healthcheck never fits them (the same classification the Compose rules use).

## Differences from hadolint
hadolint DL3057 asks for a `HEALTHCHECK` in every image, including a bare `FROM scratch`.
shipshape asks only when the final image runs a service (see above): an image without a
long-running process has nothing to probe.

## Why is this bad
Without a health check, Docker, Swarm and Compose only know whether the process exists. A
deadlocked server stays "running" forever, `depends_on: condition: service_healthy` cannot work,
and rolling updates cannot wait for the new container to be ready. CIS Docker Benchmark 4.6 asks
for one.

## Example
```dockerfile
FROM nginx:1.27
COPY site/ /usr/share/nginx/html/
```

## Use instead
```dockerfile
FROM nginx:1.27
COPY site/ /usr/share/nginx/html/
HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost/ || exit 1
```

## Fix safety
Unsafe, and only for official server images whose probe tool ships in the image itself (taken
from each image's own Dockerfile; nothing is installed):

| Base image | Probe |
|---|---|
| `nginx` 1.19+ (Debian and Alpine, not `-slim`) | `curl -fsS -o /dev/null http://localhost[:port]/ \|\| exit 1` |
| `postgres` | `pg_isready -U postgres` |
| `redis` | `redis-cli ping` |
| `mysql`, `mariadb` 10.x | `mysqladmin ping -h localhost` |
| `mariadb` 11+ | `healthcheck.sh --connect --innodb_initialized` |
| `mongo` 5+ | `mongosh --quiet --eval "db.adminCommand('ping')"` |
| `rabbitmq` 3.8+ | `rabbitmq-diagnostics -q ping` |
| `caddy` (Alpine: BusyBox wget) | `wget -q --spider http://localhost:2019/config/` |

Tags without a version (`latest`, `alpine`, `lts`) count as current. For nginx the URL uses the
one TCP port the image `EXPOSE`s when that is not 80 (no fix when it is 443). The `HEALTHCHECK`
goes after the last instruction before the final stage's `CMD`/`ENTRYPOINT` (or at its end),
with Docker's default timing. It is unsafe because the probe assumes the image's default setup:
a configuration that moves the port, requires TLS or disables the caddy admin API makes a
healthy container report unhealthy, and orchestrators act on that. Other images get no fix: a
useful probe depends on the service and on the tools present. If the orchestrator defines the
probe (Kubernetes, a Compose `healthcheck:`), suppress the rule.

## References
- https://docs.docker.com/reference/dockerfile/#healthcheck
- CIS Docker Benchmark 4.6, Checkov CKV_DOCKER_2, Trivy DS-0026
)md",
};

}  // namespace shipshape
