#include "knowledge/capabilities.h"

#include "core/strings.h"

namespace shipshape::knowledge {
namespace {

constexpr std::string_view kDefaults[] = {
    "AUDIT_WRITE",      "CHOWN",   "DAC_OVERRIDE", "FOWNER", "FSETID",  "KILL",   "MKNOD",
    "NET_BIND_SERVICE", "NET_RAW", "SETFCAP",      "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"};

constexpr DangerousCapability kDangerous[] = {
    {"ALL", "every capability, as good as `privileged`"},
    {"SYS_ADMIN", "mount, namespaces, BPF, many known escapes"},
    {"SYS_MODULE", "loads kernel modules"},
    {"SYS_PTRACE", "traces and injects into other processes"},
    {"SYS_RAWIO", "raw I/O ports and memory"},
    {"SYS_BOOT", "reboots the host"},
    {"SYS_TIME", "sets the host clock"},
    {"DAC_READ_SEARCH", "reads any host file by handle (the `shocker` escape)"},
    {"NET_ADMIN", "reconfigures interfaces, routes and firewall rules"},
    {"BPF", "loads BPF programs"},
    {"PERFMON", "kernel performance monitoring"},
    {"MAC_ADMIN", "changes the MAC (AppArmor/SELinux) policy"},
    {"MAC_OVERRIDE", "bypasses the MAC policy"},
    {"LINUX_IMMUTABLE", "changes immutable file flags"},
    {"SYSLOG", "reads and clears the kernel log"},
    {"AUDIT_CONTROL", "changes the audit configuration"},
    {"CHECKPOINT_RESTORE", "checkpoints other processes"},
};

}  // namespace

std::string NormalizeCapability(std::string_view cap) {
  std::string c = Upper(cap);
  if (c.starts_with("CAP_")) c.erase(0, 4);
  return c;
}

std::span<const std::string_view> DefaultCapabilities() { return kDefaults; }

bool IsDefaultCapability(std::string_view cap) {
  for (std::string_view d : kDefaults)
    if (d == cap) return true;
  return false;
}

std::span<const DangerousCapability> DangerousCapabilities() { return kDangerous; }

const DangerousCapability* FindDangerousCapability(std::string_view cap) {
  for (const DangerousCapability& d : kDangerous)
    if (d.name == cap) return &d;
  return nullptr;
}

}  // namespace shipshape::knowledge
