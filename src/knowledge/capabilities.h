// Linux capabilities as Docker grants them: the default set a container starts with, and the
// ones whose grant amounts to host access. One copy, read by the Compose rules (DC021, DC022,
// DC082) and the runtime rule DR005, which used to keep their own lists and explanations.
#ifndef SHIPSHAPE_KNOWLEDGE_CAPABILITIES_H_
#define SHIPSHAPE_KNOWLEDGE_CAPABILITIES_H_

#include <span>
#include <string>
#include <string_view>

namespace shipshape::knowledge {

/// `CAP_SYS_ADMIN`, `cap_sys_admin`, `sys_admin` -> `SYS_ADMIN` (the spelling Docker prints).
std::string NormalizeCapability(std::string_view cap);

/// Docker's default capability set (moby `oci/caps/defaults.go`), normalized names.
std::span<const std::string_view> DefaultCapabilities();
/// True if the normalized `cap` is in DefaultCapabilities(): adding it back grants nothing a
/// default container lacks.
bool IsDefaultCapability(std::string_view cap);

/// A capability that breaks an isolation boundary, with what it allows.
struct DangerousCapability {
  std::string_view name;  ///< Normalized (`SYS_ADMIN`); `ALL` for every capability.
  std::string_view why;   ///< What it lets a container do to the host, for messages.
};
/// Every dangerous capability, `ALL` first.
std::span<const DangerousCapability> DangerousCapabilities();
/// The entry for the normalized `cap`, or nullptr when it is not dangerous.
const DangerousCapability* FindDangerousCapability(std::string_view cap);

}  // namespace shipshape::knowledge

#endif  // SHIPSHAPE_KNOWLEDGE_CAPABILITIES_H_
