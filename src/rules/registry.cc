#include "rules/registry.h"

#include <vector>

namespace shipshape {

// Each block is owned by one area; keep each block sorted by code. The whole table is sorted by
// code at the end of the list (DC < DF < DX) and a test checks it.
// --- compose rules (DCxxx) ---
extern const Rule kComposeSyntaxError;
extern const Rule kComposeSchemaViolation;
extern const Rule kComposeDuplicateKey;
extern const Rule kImageTagNotPinned;
extern const Rule kImageUntrustedRegistry;
extern const Rule kBuildPathMissing;
extern const Rule kEnvHardcodedSecret;
extern const Rule kBuildArgSecret;
extern const Rule kUrlEmbeddedCredentials;
extern const Rule kSecretInEnvNotSecrets;
extern const Rule kEnvFileCommitted;
extern const Rule kPrivilegedContainer;
extern const Rule kDangerousCapabilityAdded;
extern const Rule kCapabilitiesNotDropped;
extern const Rule kNoNewPrivilegesMissing;
extern const Rule kContainerRunsAsRoot;
extern const Rule kHostNetworkMode;
extern const Rule kHostPidNamespace;
extern const Rule kHostIpcNamespace;
extern const Rule kHostUtsNamespace;
extern const Rule kHostUserNamespace;
extern const Rule kHostCgroupNamespace;
extern const Rule kDockerSocketMounted;
extern const Rule kSensitiveHostPathMounted;
extern const Rule kConfigBindMountWritable;
extern const Rule kRootFilesystemWritable;
extern const Rule kDockerApiSocketEnabled;
extern const Rule kSecurityProfileDisabled;
extern const Rule kRestartPolicyMissing;
extern const Rule kHealthcheckMissing;
extern const Rule kDependsOnNotWaitingForHealthy;
extern const Rule kDependsOnHealthyWithoutHealthcheck;
extern const Rule kResourceLimitsMissing;
extern const Rule kResourceLimitConflict;
extern const Rule kLogRotationMissing;
extern const Rule kContainerNameBlocksScaling;
extern const Rule kObsoleteVersionField;
extern const Rule kUnusedTopLevelResource;
extern const Rule kPidsLimitMissing;
extern const Rule kRestartRetriesUnbounded;
extern const Rule kDatabasePortExposed;
extern const Rule kPortBoundToAllInterfaces;
extern const Rule kDatabaseOnSharedNetwork;
extern const Rule kDuplicatePublishedPort;
extern const Rule kPrivilegedHostPort;
extern const Rule kDuplicateContainerName;
extern const Rule kSourceCodeBindMount;
extern const Rule kDebugModeEnabled;
extern const Rule kDevCacheVolume;
extern const Rule kServiceKeysOutOfOrder;
extern const Rule kPortNotQuoted;
extern const Rule kDuplicateListEntry;
extern const Rule kDependsOnUnsorted;
extern const Rule kServicesUnsorted;
// --- end compose rules ---
// --- dockerfile rules (DFxxx) ---
extern const Rule kDockerfileSyntaxError;
extern const Rule kAddForLocalFiles;
// --- end dockerfile rules ---
// --- context rules (DXxxx) ---
// --- end context rules ---
// --- runtime rules (DRxxx) ---
// --- end runtime rules ---

namespace {
const Rule* const kRules[] = {
    // --- compose table ---
    &kComposeSyntaxError,
    &kComposeSchemaViolation,
    &kComposeDuplicateKey,
    &kImageTagNotPinned,
    &kImageUntrustedRegistry,
    &kBuildPathMissing,
    &kEnvHardcodedSecret,
    &kBuildArgSecret,
    &kUrlEmbeddedCredentials,
    &kSecretInEnvNotSecrets,
    &kEnvFileCommitted,
    &kPrivilegedContainer,
    &kDangerousCapabilityAdded,
    &kCapabilitiesNotDropped,
    &kNoNewPrivilegesMissing,
    &kContainerRunsAsRoot,
    &kHostNetworkMode,
    &kHostPidNamespace,
    &kHostIpcNamespace,
    &kHostUtsNamespace,
    &kHostUserNamespace,
    &kHostCgroupNamespace,
    &kDockerSocketMounted,
    &kSensitiveHostPathMounted,
    &kConfigBindMountWritable,
    &kRootFilesystemWritable,
    &kDockerApiSocketEnabled,
    &kSecurityProfileDisabled,
    &kRestartPolicyMissing,
    &kHealthcheckMissing,
    &kDependsOnNotWaitingForHealthy,
    &kDependsOnHealthyWithoutHealthcheck,
    &kResourceLimitsMissing,
    &kResourceLimitConflict,
    &kLogRotationMissing,
    &kContainerNameBlocksScaling,
    &kObsoleteVersionField,
    &kUnusedTopLevelResource,
    &kPidsLimitMissing,
    &kRestartRetriesUnbounded,
    &kDatabasePortExposed,
    &kPortBoundToAllInterfaces,
    &kDatabaseOnSharedNetwork,
    &kDuplicatePublishedPort,
    &kPrivilegedHostPort,
    &kDuplicateContainerName,
    &kSourceCodeBindMount,
    &kDebugModeEnabled,
    &kDevCacheVolume,
    &kServiceKeysOutOfOrder,
    &kPortNotQuoted,
    &kDuplicateListEntry,
    &kDependsOnUnsorted,
    &kServicesUnsorted,
    // --- end compose table ---
    // --- dockerfile table ---
    &kDockerfileSyntaxError,
    &kAddForLocalFiles,
    // --- end dockerfile table ---
    // --- context table ---
    // --- end context table ---
    // --- runtime table ---
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
