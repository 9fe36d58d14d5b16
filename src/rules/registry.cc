#include "rules/registry.h"

#include <vector>

namespace shipshape {

// Each block is owned by one area; keep each block sorted by code. The whole table is sorted by
// code at the end of the list (DC < DF < DX) and a test checks it.
// --- compose rules (DCxxx) ---
// --- end compose rules ---
// --- dockerfile rules (DFxxx) ---
extern const Rule kDockerfileSyntaxError;
extern const Rule kAddForLocalFiles;
// --- end dockerfile rules ---
// --- context rules (DXxxx) ---
// --- end context rules ---
// --- runtime rules (DRxxx) ---
extern const Rule kNoRestartPolicy;
extern const Rule kUnboundedRestartOnFailure;
extern const Rule kContainerRunsAsRoot;
extern const Rule kPrivilegedContainer;
extern const Rule kAddedCapabilities;
extern const Rule kMissingNoNewPrivileges;
extern const Rule kWritableRootFilesystem;
extern const Rule kNoMemoryLimit;
extern const Rule kNoCpuLimit;
extern const Rule kNoPidsLimit;
extern const Rule kNoHealthcheck;
extern const Rule kUnhealthyContainer;
extern const Rule kImageLatestTag;
extern const Rule kImageWithoutDigest;
extern const Rule kDockerSocketMounted;
extern const Rule kSensitiveHostPathMounted;
extern const Rule kHostNetworkNamespace;
extern const Rule kHostPidNamespace;
extern const Rule kHostIpcNamespace;
extern const Rule kHostUtsNamespace;
extern const Rule kHostUserNamespace;
extern const Rule kPortPublishedOnAllInterfaces;
extern const Rule kUnboundedContainerLogs;
extern const Rule kSeccompUnconfined;
extern const Rule kApparmorUnconfined;
// --- end runtime rules ---

namespace {
const Rule* const kRules[] = {
    // --- compose table ---
    // --- end compose table ---
    // --- dockerfile table ---
    &kDockerfileSyntaxError,
    &kAddForLocalFiles,
    // --- end dockerfile table ---
    // --- context table ---
    // --- end context table ---
    // --- runtime table ---
    &kNoRestartPolicy,
    &kUnboundedRestartOnFailure,
    &kContainerRunsAsRoot,
    &kPrivilegedContainer,
    &kAddedCapabilities,
    &kMissingNoNewPrivileges,
    &kWritableRootFilesystem,
    &kNoMemoryLimit,
    &kNoCpuLimit,
    &kNoPidsLimit,
    &kNoHealthcheck,
    &kUnhealthyContainer,
    &kImageLatestTag,
    &kImageWithoutDigest,
    &kDockerSocketMounted,
    &kSensitiveHostPathMounted,
    &kHostNetworkNamespace,
    &kHostPidNamespace,
    &kHostIpcNamespace,
    &kHostUtsNamespace,
    &kHostUserNamespace,
    &kPortPublishedOnAllInterfaces,
    &kUnboundedContainerLogs,
    &kSeccompUnconfined,
    &kApparmorUnconfined,
    // --- end runtime table ---
};
}  // namespace

std::span<const Rule* const> AllRules() { return kRules; }

const Rule* FindRule(std::string_view code_or_alias) {
  for (const Rule* r : kRules)
    if (r->code == code_or_alias || r->name == code_or_alias) return r;
  for (const Rule* r : kRules)
    if (r->HasAlias(code_or_alias)) return r;
  return nullptr;
}

}  // namespace shipshape
