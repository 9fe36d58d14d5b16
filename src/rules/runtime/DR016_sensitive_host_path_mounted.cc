// A sensitive host directory is mounted into the container.
#include "rules/rule.h"
#include "runtime/container.h"
#include "runtime/finding.h"

namespace shipshape {
namespace {

constexpr std::string_view kSensitive[] = {"/",    "/boot", "/dev", "/etc",
                                           "/lib", "/proc", "/sys", "/usr"};

// Harmless character devices and the syslog socket: bind-mounting them read-write is routine.
constexpr std::string_view kHarmless[] = {"/dev/log",    "/dev/null",    "/dev/zero",
                                          "/dev/random", "/dev/urandom", "/dev/full"};

std::string_view Clean(std::string_view p) {
  while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
  return p;
}

void Check(const runtime::Container& c, RuleContext& ctx) {
  for (const runtime::Mount& m : c.mounts) {
    if (m.type != "bind" || m.source.empty() || m.source[0] != '/') continue;
    const std::string_view src = Clean(m.source);
    bool harmless = false;
    for (std::string_view h : kHarmless) harmless |= src == h;
    if (harmless) continue;
    for (std::string_view dir : kSensitive) {
      const bool exact = src == dir;
      const bool under = dir != "/" && src.size() > dir.size() &&
                         src.substr(0, dir.size()) == dir && src[dir.size()] == '/';
      // A read-only file under /etc (localtime, certificates) is routine; the whole directory,
      // or anything writable, is not.
      if (!exact && !(under && !m.read_only)) continue;
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
      break;
    }
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
Flags bind mounts of the host's `/`, `/boot`, `/dev`, `/etc`, `/lib`, `/proc`, `/sys` or `/usr`
(read-only or not), and read-write bind mounts of anything below them. Mounts are read from
`HostConfig.Binds`, `HostConfig.Mounts` and the top-level `Mounts`.

## Why is this bad
Write access to these directories is write access to the host: its users, boot files, devices,
kernel settings and binaries. Read access to a whole one exposes secrets such as `/etc/shadow`.
CIS Docker Benchmark 5.6.

Not flagged, to keep the noise down: read-only mounts of single paths below them
(`/etc/localtime:ro`, `/etc/ssl/certs:ro`), and `/dev/log`, `/dev/null`, `/dev/zero`,
`/dev/random`, `/dev/urandom`, `/dev/full`. The Docker socket is DR015.

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
