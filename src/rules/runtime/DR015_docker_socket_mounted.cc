// The container engine's API socket is mounted into the container.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

std::string_view Clean(std::string_view p) {
  while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
  return p;
}

// The socket itself, or a run directory that holds it.
bool IsEngineSocket(std::string_view source) {
  source = Clean(source);
  if (source == "/run" || source == "/var/run") return true;
  const std::string_view base = source.substr(source.rfind('/') + 1);
  for (std::string_view s : {"docker.sock", "podman.sock", "containerd.sock", "dockershim.sock",
                             "cri-dockerd.sock", "buildkitd.sock"})
    if (base == s) return true;
  return false;
}

void Check(const runtime::Container& c, RuleContext& ctx) {
  for (const runtime::Mount& m : c.mounts) {
    if (m.type != "bind" || !IsEngineSocket(m.source)) continue;
    const bool dir = Clean(m.source) == "/run" || Clean(m.source) == "/var/run";
    std::string what = dir ? "the host's " + runtime::Quote(m.source) +
                                 " (which holds the Docker API socket) is mounted"
                           : "the engine API socket " + runtime::Quote(m.source) + " is mounted";
    runtime::ReportAt(
        ctx, c, m.pointer,
        what + " at " + runtime::Quote(m.target) +
            ": anything in the container controls the engine, and so the host" +
            (m.read_only ? " (`:ro` does not limit API calls)" : ""),
        {.run = "recreate it without that mount (or behind a socket proxy that allows only the "
                "API calls needed)",
         .compose =
             "remove " + runtime::Quote(m.source) +
             " from `volumes` (or use a socket proxy that allows only the API calls needed)"});
  }
}

}  // namespace

extern constinit const Rule kRuntimeDockerSocketMounted{
    .code = "DR015",
    .name = "running-docker-socket-mounted",
    .summary = "Docker (or another engine's) API socket mounted into the container",
    .target = Target::kRuntime,
    .severity = Severity::kCritical,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.32"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags a bind mount whose host source is an engine API socket (`docker.sock`, `podman.sock`,
`containerd.sock`, `dockershim.sock`, `cri-dockerd.sock`, `buildkitd.sock`) or a whole `/run` or
`/var/run` directory, which holds it. Mounts are read from `HostConfig.Binds`, `HostConfig.Mounts`
and the top-level `Mounts`.

## Why is this bad
Whoever can talk to the engine can start a privileged container that mounts the host's root: the
socket is root on the host. Mounting it read-only does not help, since `:ro` only stops writes to
the socket file, not API calls. CIS Docker Benchmark 5.32.

## Example
```json
"HostConfig": {
    "Binds": ["/var/run/docker.sock:/var/run/docker.sock"]
}
```

## Use instead
```json
"HostConfig": {
    "Binds": null
}
```
If the container must watch or manage containers, put a socket proxy in front that allows only
the endpoints it needs (e.g. read-only `GET /containers`).

## Fix safety
No automatic fix: the running container is not edited, and tools such as reverse proxies or CI
runners may depend on the socket.

## References
- CIS Docker Benchmark v1.6.0, 5.32 (5.31 in v1.5.0)
- OWASP Docker Security Cheat Sheet, rule #1
- https://docs.docker.com/engine/security/#docker-daemon-attack-surface
)md",
};

}  // namespace shipshape
