// A writable bind mount of a sensitive host directory (/, /etc, /proc, /sys, /boot, /dev...).
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

// The sensitive prefix `path` falls under, or empty.
std::string_view SensitivePrefix(std::string_view path) {
  if (path == "/") return "/";
  static const std::string_view kDirs[] = {"/etc",  "/proc", "/sys",  "/boot",   "/dev",    "/root",
                                           "/lib",  "/lib64", "/usr", "/bin",    "/sbin",   "/var/run",
                                           "/run",  "/var/lib/docker", "/var/lib/kubelet", "/var/lib/containerd"};
  for (std::string_view d : kDirs)
    if (path == d || (path.size() > d.size() && path.compare(0, d.size(), d) == 0 && path[d.size()] == '/'))
      return d;
  return {};
}

bool IsSocket(std::string_view p) { return p.size() > 5 && p.substr(p.size() - 5) == ".sock"; }

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    for (const compose::Mount& m : s.volumes) {
      if (m.source_file != 0 || m.read_only) continue;
      const std::string src = crules::AbsoluteBindSource(m);
      if (src.empty() || IsSocket(src)) continue;  // sockets: DC031 and friends
      std::string_view prefix = SensitivePrefix(src);
      if (prefix.empty()) continue;
      std::optional<DiagnosticBuilder> b =
          once.Report(ctx, f, &s, m.range,
                      "service `" + s.name + "` mounts host path `" + src + "` writable" +
                          (prefix == "/" ? std::string(": the whole host filesystem")
                                         : " (under `" + std::string(prefix) + "`)") +
                          "; a compromised container can change the host");
      if (!b) continue;
      if (std::optional<Edit> e = crules::MakeMountReadOnly(f, m))
        b->WithFix("Mount `" + src + "` read-only", Applicability::kUnsafe, {*e});
    }
  }
}

}  // namespace

extern constinit const Rule kSensitiveHostPathMounted{
    .code = "DC032",
    .name = "sensitive-host-path-mounted",
    .summary = "A sensitive host directory (/, /etc, /proc, /sys, /dev...) is bind-mounted writable",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"cis", "5.6"}, {"kics", "Volume Has Sensitive Host Directory"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  agent:\n    image: myorg/agent:1.2\n    volumes:\n      - /etc:/host/etc\n", .after = "services:\n  agent:\n    image: myorg/agent:1.2\n    volumes:\n      - /etc:/host/etc:ro\n"},
    .docs = R"md(## What it does
Flags writable bind mounts whose host path is `/` or lies under `/etc`, `/proc`, `/sys`,
`/boot`, `/dev`, `/root`, `/lib`, `/lib64`, `/usr`, `/bin`, `/sbin`, `/run`, `/var/run`,
`/var/lib/docker`, `/var/lib/containerd` or `/var/lib/kubelet` (after normalizing `..`).
Read-only mounts (`:ro`, `read_only: true`), such as `/etc/localtime:/etc/localtime:ro` or a
monitoring agent's `/proc:/host/proc:ro`, pass. Engine sockets are DC031's.

## Why is this bad
Write access to these paths is write access to the host: `/etc/cron.d`, `/etc/sudoers`, kernel
knobs under `/proc/sys`, device nodes, Docker's own state. CIS Docker Benchmark 5.6 (5.5 before
v1.6.0).

## Example
```yaml
services:
  agent:
    image: myorg/agent:1.2
    volumes:
      - /etc:/host/etc
```

## Use instead
```yaml
services:
  agent:
    image: myorg/agent:1.2
    volumes:
      - /etc/os-release:/host/etc/os-release:ro
```

## Fix safety
Unsafe: the fix makes the mount read-only (`:ro`, or `read_only: true` in long syntax), which
breaks a workload that really writes there. Narrowing the mount to the files needed is better
and left to you.

## References
- https://docs.docker.com/engine/storage/bind-mounts/
- CIS Docker Benchmark v1.6.0, 5.6
)md",
};

}  // namespace shipshape
