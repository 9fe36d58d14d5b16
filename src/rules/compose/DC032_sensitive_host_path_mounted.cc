// A writable bind mount of a sensitive host directory (/, /etc, /proc, /sys, /boot, /dev...).
#include "knowledge/host_paths.h"
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

// True if the service's own command, entrypoint, environment or labels name a path at or below
// `target`: it is configured to keep something there (Traefik's
// `--certificatesresolvers.le.acme.storage=/letsencrypt/acme.json`), so `:ro` would break it.
bool ConfiguredToUse(const compose::Service& s, std::string_view target) {
  while (target.size() > 1 && target.back() == '/') target.remove_suffix(1);
  if (target.size() < 2) return false;
  auto names = [&](std::string_view text) {
    for (size_t at = text.find(target); at != std::string_view::npos; at = text.find(target, at + 1)) {
      const size_t end = at + target.size();
      const bool starts = at == 0 || std::string_view(" =:'\"").find(text[at - 1]) != std::string_view::npos;
      if (starts && (end == text.size() || text[end] == '/' || text[end] == ' ' || text[end] == '"')) return true;
    }
    return false;
  };
  for (const std::vector<compose::Value>* list : {&s.command, &s.entrypoint})
    for (const compose::Value& v : *list)
      if (v.known && names(v.text)) return true;
  for (const std::vector<compose::KeyValue>* list : {&s.environment, &s.labels})
    for (const compose::KeyValue& kv : *list)
      if (kv.value && kv.value->known && names(kv.value->text)) return true;
  return false;
}

// A directory below root's home that is not a dotfile (`/root/n8n/letsencrypt`): application
// data the deployer chose to keep there, not root's shell or credentials (`/root/.ssh`).
bool DataUnderRootHome(std::string_view src) {
  if (src.size() <= 6 || src.substr(0, 6) != "/root/") return false;
  return src[6] != '.';
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    for (const compose::Mount& m : s.volumes) {
      if (m.source_file != 0 || m.read_only) continue;
      const std::string src = crules::AbsoluteBindSource(m);
      // Sockets (DC031 and friends) and harmless devices have no prefix.
      std::string_view prefix = knowledge::SensitiveHostDirectory(src);
      if (prefix.empty()) continue;
      std::optional<DiagnosticBuilder> b =
          once.Report(ctx, f, &s, m.range,
                      "service `" + s.name + "` mounts host path `" + src + "` writable" +
                          (prefix == "/" ? std::string(": the whole host filesystem")
                                         : " (under `" + std::string(prefix) + "`)") +
                          "; a compromised container can change the host");
      if (!b) continue;
      // A privileged container can remount anything: `:ro` protects nothing there and breaks
      // the tracers and agents that run privileged (opentelemetry-demo's eBPF profiler writes
      // to tracefs).
      if (crules::InChain(f, s, [](const compose::Service& x) { return x.privileged.AsBool() == true; })) {
        b->diagnostic().message += " (no read-only fix: the service is privileged and could remount it anyway)";
        continue;
      }
      if (m.target.present() && m.target.known && ConfiguredToUse(s, m.target.text)) {
        b->diagnostic().message += " (no read-only fix: the service is configured to keep data under `" +
                                   m.target.text + "`; move it to a named volume or a directory outside `" +
                                   std::string(prefix) + "`)";
        continue;
      }
      if (prefix == "/root" && DataUnderRootHome(src)) {
        b->diagnostic().message += " (no read-only fix: an application's data directory, which it may write; "
                                   "move it out of root's home)";
        continue;
      }
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
monitoring agent's `/proc:/host/proc:ro`, pass, and so do `/dev/log`, `/dev/null`, `/dev/zero`,
`/dev/random`, `/dev/urandom` and `/dev/full`. Sockets (`*.sock`) are DC031's. The directories
are the ones DR016 uses on running containers.

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
breaks a workload that really writes there. It is not offered when the service's command,
entrypoint, environment or labels name a path under the mount's target (Traefik's
`acme.storage=/letsencrypt/acme.json`: it keeps its certificates there), to a privileged service
(it can remount the path writable, so `:ro` protects nothing and breaks tracers such as eBPF
profilers that write to tracefs), nor for an application directory below `/root` that is not a
dotfile (`/root/n8n/letsencrypt`). Narrowing the mount to
the files needed is better and left to you.

## References
- https://docs.docker.com/engine/storage/bind-mounts/
- CIS Docker Benchmark v1.6.0, 5.6
)md",
};

}  // namespace shipshape
