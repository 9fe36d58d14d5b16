#include "rules/registry.h"

#include <vector>

namespace shipshape {

// Each block is owned by one area; keep each block sorted by code. The whole table is sorted by
// code at the end of the list (DC < DF < DR < DX) and a test checks it.
// --- compose rules (DCxxx) ---
extern const Rule kComposeSyntaxError;
extern const Rule kComposeSchemaViolation;
extern const Rule kComposeDuplicateKey;
// --- end compose rules ---
// --- dockerfile rules (DFxxx) ---
extern const Rule kDockerfileSyntaxError;
extern const Rule kAddForLocalFiles;
extern const Rule kAptInstallWithoutYes;
extern const Rule kAptInstallWithRecommends;
extern const Rule kAptListsNotRemoved;
extern const Rule kAptInScript;
extern const Rule kAptPackageUnpinned;
extern const Rule kAptUpgradeInBuild;
extern const Rule kPackageIndexUpdateAlone;
extern const Rule kAptAllowUnauthenticated;
extern const Rule kAptForceYes;
extern const Rule kApkPackageUnpinned;
extern const Rule kApkAddWithoutNoCache;
extern const Rule kApkAllowUntrusted;
extern const Rule kYumWithoutYes;
extern const Rule kYumCacheNotCleaned;
extern const Rule kYumPackageUnpinned;
extern const Rule kDnfWithoutYes;
extern const Rule kDnfCacheNotCleaned;
extern const Rule kDnfPackageUnpinned;
extern const Rule kZypperWithoutNonInteractive;
extern const Rule kZypperCacheNotCleaned;
extern const Rule kZypperPackageUnpinned;
extern const Rule kZypperDistUpgrade;
extern const Rule kRpmSignatureCheckDisabled;
extern const Rule kPipInstallWithoutNoCacheDir;
extern const Rule kPipPackageUnpinned;
extern const Rule kPipTrustedHost;
extern const Rule kPythonHttpsVerifyDisabled;
extern const Rule kNodePackageUnpinned;
extern const Rule kNpmInstallInsteadOfCi;
extern const Rule kNpmCacheNotCleaned;
extern const Rule kNpmCacheCleanWithoutForce;
extern const Rule kYarnCacheNotCleaned;
extern const Rule kNodeTlsVerificationDisabled;
extern const Rule kGemPackageUnpinned;
extern const Rule kGemInstallWithDocs;
extern const Rule kGoInstallUnpinned;
extern const Rule kCargoInstallWithoutLocked;
extern const Rule kPythonToolUnpinned;
extern const Rule kPythonInstallerCacheKept;
extern const Rule kPnpmStoreNotPruned;
extern const Rule kComposerInstallDevDependencies;
extern const Rule kCdInsteadOfWorkdir;
extern const Rule kSudoInRun;
extern const Rule kPointlessCommandInRun;
extern const Rule kPipeWithoutPipefail;
extern const Rule kShellChangedViaLn;
extern const Rule kWgetAndCurlInStage;
extern const Rule kWgetWithoutProgress;
extern const Rule kCurlWithoutFail;
extern const Rule kTlsVerificationDisabled;
extern const Rule kPlainHttpDownload;
extern const Rule kDownloadPipedToInterpreter;
extern const Rule kChmodWorldWritable;
extern const Rule kUseraddWithoutNoLogInit;
extern const Rule kChpasswdInRun;
extern const Rule kGpgWithoutBatch;
extern const Rule kArchiveNotRemoved;
extern const Rule kConsecutiveRunInstructions;
extern const Rule kCacheMountRecommended;
extern const Rule kShellcheck;
// --- end dockerfile rules ---
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
// --- context rules (DXxxx) ---
extern const Rule kDockerignoreMissingVcsDir;
extern const Rule kDockerignoreMissingEnvFiles;
extern const Rule kDockerignoreMissingPrivateKeys;
extern const Rule kDockerignoreMissingDependencyDirs;
extern const Rule kDockerignoreMissingBuildOutputs;
extern const Rule kDockerignoreMissingCaches;
extern const Rule kDockerignoreRootOnlyPattern;
extern const Rule kDockerignoreInvalidPattern;
extern const Rule kEnvSyntaxError;
extern const Rule kEnvFileNotGitignored;
extern const Rule kEnvFilePermissionsTooOpen;
extern const Rule kEnvExampleWeakPassword;
extern const Rule kEnvExampleRealSecret;
extern const Rule kComposeVariableUndocumented;
extern const Rule kEntrypointXtrace;
extern const Rule kEntrypointMissingErrexit;
extern const Rule kEntrypointMissingExec;
extern const Rule kEntrypointMissingShebang;
extern const Rule kEntrypointCrlfLineEndings;
// --- end context rules ---

namespace {
const Rule* const kRules[] = {
    // --- compose table ---
    &kComposeSyntaxError,
    &kComposeSchemaViolation,
    &kComposeDuplicateKey,
    // --- end compose table ---
    // --- dockerfile table ---
    &kDockerfileSyntaxError,
    &kAddForLocalFiles,
    &kAptInstallWithoutYes,
    &kAptInstallWithRecommends,
    &kAptListsNotRemoved,
    &kAptInScript,
    &kAptPackageUnpinned,
    &kAptUpgradeInBuild,
    &kPackageIndexUpdateAlone,
    &kAptAllowUnauthenticated,
    &kAptForceYes,
    &kApkPackageUnpinned,
    &kApkAddWithoutNoCache,
    &kApkAllowUntrusted,
    &kYumWithoutYes,
    &kYumCacheNotCleaned,
    &kYumPackageUnpinned,
    &kDnfWithoutYes,
    &kDnfCacheNotCleaned,
    &kDnfPackageUnpinned,
    &kZypperWithoutNonInteractive,
    &kZypperCacheNotCleaned,
    &kZypperPackageUnpinned,
    &kZypperDistUpgrade,
    &kRpmSignatureCheckDisabled,
    &kPipInstallWithoutNoCacheDir,
    &kPipPackageUnpinned,
    &kPipTrustedHost,
    &kPythonHttpsVerifyDisabled,
    &kNodePackageUnpinned,
    &kNpmInstallInsteadOfCi,
    &kNpmCacheNotCleaned,
    &kNpmCacheCleanWithoutForce,
    &kYarnCacheNotCleaned,
    &kNodeTlsVerificationDisabled,
    &kGemPackageUnpinned,
    &kGemInstallWithDocs,
    &kGoInstallUnpinned,
    &kCargoInstallWithoutLocked,
    &kPythonToolUnpinned,
    &kPythonInstallerCacheKept,
    &kPnpmStoreNotPruned,
    &kComposerInstallDevDependencies,
    &kCdInsteadOfWorkdir,
    &kSudoInRun,
    &kPointlessCommandInRun,
    &kPipeWithoutPipefail,
    &kShellChangedViaLn,
    &kWgetAndCurlInStage,
    &kWgetWithoutProgress,
    &kCurlWithoutFail,
    &kTlsVerificationDisabled,
    &kPlainHttpDownload,
    &kDownloadPipedToInterpreter,
    &kChmodWorldWritable,
    &kUseraddWithoutNoLogInit,
    &kChpasswdInRun,
    &kGpgWithoutBatch,
    &kArchiveNotRemoved,
    &kConsecutiveRunInstructions,
    &kCacheMountRecommended,
    &kShellcheck,
    // --- end dockerfile table ---
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
    // --- context table ---
    &kDockerignoreMissingVcsDir,
    &kDockerignoreMissingEnvFiles,
    &kDockerignoreMissingPrivateKeys,
    &kDockerignoreMissingDependencyDirs,
    &kDockerignoreMissingBuildOutputs,
    &kDockerignoreMissingCaches,
    &kDockerignoreRootOnlyPattern,
    &kDockerignoreInvalidPattern,
    &kEnvSyntaxError,
    &kEnvFileNotGitignored,
    &kEnvFilePermissionsTooOpen,
    &kEnvExampleWeakPassword,
    &kEnvExampleRealSecret,
    &kComposeVariableUndocumented,
    &kEntrypointXtrace,
    &kEntrypointMissingErrexit,
    &kEntrypointMissingExec,
    &kEntrypointMissingShebang,
    &kEntrypointCrlfLineEndings,
    // --- end context table ---
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
