// The container engine's API socket is mounted into the container.
#include "knowledge/host_paths.h"
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  for (const runtime::Mount& m : c.mounts) {
    if (m.type != "bind" && m.type != "npipe") continue;
    // The socket itself, or a directory that holds it.
    const bool dir = !knowledge::EngineSocketDirectory(m.source).empty();
    if (!dir && !knowledge::IsEngineSocket(m.source)) continue;
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
`containerd.sock`, `crio.sock`, `dockershim.sock`, `cri-dockerd.sock`, `buildkitd.sock`), an
engine's Windows named pipe (`docker_engine`...), or a directory that holds one (`/`, `/var`,
`/run`, `/var/run`, `/run/podman`, `/run/containerd`, `/run/crio`, `/run/buildkit` and their
`/var/run` spellings): the same lists as DC031. Mounts are read from `HostConfig.Binds`,
`HostConfig.Mounts` and the top-level `Mounts`.

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
