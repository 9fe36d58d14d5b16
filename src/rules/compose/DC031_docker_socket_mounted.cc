// The container engine's API socket mounted into a container.
#include "knowledge/host_paths.h"
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

// Host directories that hold an engine socket: mounting them mounts the socket (issue 16 found
// `/var/run:/var/run` stacks that no socket check saw). `:ro` does not help: a socket is used, not
// written.
std::string_view SocketDirectory(const compose::Mount& m) {
  return knowledge::EngineSocketDirectory(crules::AbsoluteBindSource(m));
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    for (const compose::Mount& m : s.volumes) {
      if (m.source_file != 0 || !m.known || !m.source.present()) continue;
      if (m.type != compose::MountType::kBind && m.type != compose::MountType::kNpipe) continue;
      if (std::string_view dir = SocketDirectory(m); !dir.empty()) {
        once.Report(ctx, f, &s, m.range,
                    "service `" + s.name + "` mounts the host directory `" + std::string(dir) +
                        "`, which holds the container engine socket (`/var/run/docker.sock`)" +
                        (m.read_only ? " (`:ro` does not restrict the API)" : "") +
                        ": whoever controls the container controls the host");
        continue;
      }
      if (!knowledge::IsEngineSocket(m.source.text)) continue;
      once.Report(ctx, f, &s, m.range,
                  "service `" + s.name + "` mounts the container engine socket `" + m.source.text + "`" +
                      (m.read_only ? " (`:ro` does not restrict the API)" : "") +
                      ": whoever controls the container controls the host");
    }
  }
}

}  // namespace

extern constinit const Rule kDockerSocketMounted{
    .code = "DC031",
    .name = "docker-socket-mounted",
    .summary = "The Docker (or Podman/containerd) API socket is mounted into a container",
    .target = Target::kCompose,
    .severity = Severity::kCritical,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.32"}, {"kics", "Docker Socket Mounted In Container"}},
    .check_compose = Check,
    .docs = R"md(## What it does
Flags bind mounts of an engine API socket (`docker.sock`, `podman.sock`, `containerd.sock`,
`crio.sock`, `dockershim.sock`, `cri-dockerd.sock`, `buildkitd.sock`, in any directory) and of the
engines' Windows named pipes (`docker_engine`, `dockerDesktopLinuxEngine`,
`containerd-containerd`, `podman-machine-default`), in short or long volume syntax.
Also flags bind mounts of the host directories that hold such a socket (`/`, `/var`, `/run`,
`/var/run`, `/run/podman`, `/run/containerd`, `/var/run/containerd`, `/run/crio`,
`/var/run/crio`, `/run/buildkit`, `/var/run/buildkit`): the socket comes with them, read-only or
not. The lists are the ones DR015 uses on running containers.

## Why is this bad
The engine API is root on the host: anyone who can talk to it can start a privileged container
that mounts `/`. A read-only mount (`:ro`) only protects the socket file, not the API behind it.
CIS Docker Benchmark 5.32 (5.31 before v1.6.0); OWASP Docker Security rule #1.

## Example
```yaml
services:
  traefik:
    image: traefik:v3.1
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
```

## Use instead
```yaml
services:
  traefik:
    image: traefik:v3.1
    command: --providers.docker.endpoint=tcp://socket-proxy:2375
```
where `socket-proxy` is a filtering proxy (such as `tecnativa/docker-socket-proxy` with only
`CONTAINERS=1`): it still mounts the socket, but only that one small, audited service does, and
the tool gets just the endpoints it needs (here: listing containers).

## Fix safety
No automatic fix: the tool needs some API access; what it needs is a design decision.

## References
- https://docs.docker.com/engine/security/#docker-daemon-attack-surface
- https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html
- CIS Docker Benchmark v1.6.0, 5.32
)md",
};

}  // namespace shipshape
