// A sensitive host directory is mounted into the container.
#include "knowledge/host_paths.h"
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

void Check(const runtime::Container& c, RuleContext& ctx) {
  for (const runtime::Mount& m : c.mounts) {
    if (m.type != "bind") continue;
    // Sockets (DR015) and harmless devices (/dev/null, /dev/log...) have no directory.
    const std::string_view dir = knowledge::SensitiveHostDirectory(m.source);
    if (dir.empty()) continue;
    const std::string src = knowledge::NormalizeHostPath(m.source);
    const bool exact = src == dir;
    // A read-only file under /etc (localtime, certificates) is routine; the whole directory,
    // or anything writable, is not.
    if (!exact && m.read_only) continue;
    std::string problem = exact ? "the host's " + runtime::Quote(dir) + " is mounted"
                                : runtime::Quote(src) + ", under the host's " +
                                      runtime::Quote(dir) + ", is mounted";
    problem += (m.read_only ? " read-only" : " read-write");
    problem += " at " + runtime::Quote(m.target);
    problem += m.read_only ? ": the container can read host secrets and configuration"
                           : ": the container can change the host";
    runtime::ReportAt(
        ctx, c, m.pointer, std::move(problem),
        {.run = m.read_only ? "recreate it without that mount"
                            : "recreate it without that mount, or mount it `:ro`",
         .compose = m.read_only ? "remove " + runtime::Quote(m.source) + " from `volumes`"
                                : "remove " + runtime::Quote(m.source) +
                                      " from `volumes`, or mount it `:ro`"});
  }
}

}  // namespace

extern constinit const Rule kRuntimeSensitiveHostPathMounted{
    .code = "DR016",
    .name = "running-sensitive-host-path-mounted",
    .summary = "Sensitive host directory mounted into the container",
    .target = Target::kRuntime,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"cis", "5.6"}},
    .check_runtime = Check,
    .docs = R"md(## What it does
Flags bind mounts of the host's `/`, `/bin`, `/boot`, `/dev`, `/etc`, `/lib`, `/lib64`, `/proc`,
`/root`, `/run`, `/sbin`, `/sys`, `/usr`, `/var/run`, `/var/lib/containerd`, `/var/lib/docker` or
`/var/lib/kubelet` (read-only or not), and read-write bind mounts of anything below them: the same
directories as DC032. Mounts are read from
`HostConfig.Binds`, `HostConfig.Mounts` and the top-level `Mounts`.

## Why is this bad
Write access to these directories is write access to the host: its users, boot files, devices,
kernel settings and binaries. Read access to a whole one exposes secrets such as `/etc/shadow`.
CIS Docker Benchmark 5.6.

Not flagged, to keep the noise down: read-only mounts of single paths below them
(`/etc/localtime:ro`, `/etc/ssl/certs:ro`), and `/dev/log`, `/dev/null`, `/dev/zero`,
`/dev/random`, `/dev/urandom`, `/dev/full`. Sockets (`*.sock`) are DR015's.

## Example
```json
"HostConfig": {
    "Binds": ["/etc:/host/etc"]
}
```

## Use instead
```json
"HostConfig": {
    "Binds": ["/etc/localtime:/etc/localtime:ro"]
}
```

## Fix safety
No automatic fix: the running container is not edited; monitoring agents may need some of these
paths, in which case mount them read-only and ignore the finding for that container.

## References
- CIS Docker Benchmark v1.6.0, 5.6 (5.5 in v1.5.0)
- https://docs.docker.com/engine/storage/bind-mounts/
)md",
};

}  // namespace shipshape
