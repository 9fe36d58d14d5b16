#include "rules/registry.h"

#include <vector>

namespace shipshape {

// Each block is owned by one area; keep each block sorted by code. The whole table is sorted by
// code at the end of the list (DC < DF < DR < DX) and a test checks it.
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
extern const Rule kComponentWithoutDockerfile;
extern const Rule kDatabasePortExposed;
extern const Rule kPortBoundToAllInterfaces;
extern const Rule kDatabaseOnSharedNetwork;
extern const Rule kDuplicatePublishedPort;
extern const Rule kPrivilegedHostPort;
extern const Rule kDuplicateContainerName;
extern const Rule kUnauthenticatedAdminPortPublished;
extern const Rule kSourceCodeBindMount;
extern const Rule kDebugModeEnabled;
extern const Rule kDevCacheVolume;
extern const Rule kServiceKeysOutOfOrder;
extern const Rule kUndefinedReference;
extern const Rule kPortNotQuoted;
extern const Rule kDuplicateListEntry;
extern const Rule kDependsOnUnsorted;
extern const Rule kServicesUnsorted;
// --- end compose rules ---
// --- dockerfile rules (DFxxx) ---
extern const Rule kDockerfileSyntaxError;
extern const Rule kUntaggedBaseImage;
extern const Rule kLatestBaseImageTag;
extern const Rule kBaseImageWithoutDigest;
extern const Rule kUntrustedRegistry;
extern const Rule kConstantPlatformFlag;
extern const Rule kRedundantTargetPlatform;
extern const Rule kUndefinedArgInFrom;
extern const Rule kInvalidBaseImageName;
extern const Rule kUnpinnedSyntaxDirective;
extern const Rule kRootFinalUser;
extern const Rule kMissingUser;
extern const Rule kNonNumericUser;
extern const Rule kWorkdirInSystemDir;
extern const Rule kSensitiveVolume;
extern const Rule kMissingHealthcheck;
extern const Rule kMultipleHealthchecks;
extern const Rule kMultipleCmd;
extern const Rule kMultipleEntrypoint;
extern const Rule kShellFormCmd;
extern const Rule kAddForLocalFiles;
extern const Rule kExposedSshPort;
extern const Rule kInvalidExposePort;
extern const Rule kExposeProtocolCasing;
extern const Rule kExposeHostMapping;
extern const Rule kMaintainerDeprecated;
extern const Rule kSecretInArgOrEnv;
extern const Rule kHardcodedSecret;
extern const Rule kRelativeWorkdir;
extern const Rule kCopyRelativeDestWithoutWorkdir;
extern const Rule kMultiSourceCopyDestWithoutSlash;
extern const Rule kCopyFromUnknownStage;
extern const Rule kCopyFromOwnStage;
extern const Rule kDuplicateStageName;
extern const Rule kReservedStageName;
extern const Rule kStageNameCasing;
extern const Rule kFromAsCasing;
extern const Rule kInconsistentInstructionCasing;
extern const Rule kEmptyContinuationLine;
extern const Rule kLegacyKeyValueFormat;
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
extern const Rule kUndefinedVariable;
extern const Rule kEnvSelfReference;
extern const Rule kInstructionBeforeFrom;
extern const Rule kInvalidOnbuildTrigger;
extern const Rule kCopyFromStageIndex;
extern const Rule kCopyWholeFilesystem;
extern const Rule kInvalidLabelKey;
extern const Rule kMissingRequiredLabel;
extern const Rule kLabelNotInSchema;
extern const Rule kInvalidLabelValue;
extern const Rule kDeprecatedLabelSchema;
extern const Rule kAddUrlWithoutChecksum;
extern const Rule kCopyArchiveThenExtract;
extern const Rule kCrlfLineEndings;
extern const Rule kMissingDockerignore;
extern const Rule kMissingMultiStageBuild;
extern const Rule kInvalidStopsignal;
extern const Rule kCopyChownFlag;
extern const Rule kCopyContextBeforeDependencyInstall;
extern const Rule kInlineIgnorePragma;
extern const Rule kInvalidDefinitionDescription;
extern const Rule kCopySecretFile;
extern const Rule kCopyIgnoredFile;
extern const Rule kCurlWithoutLocation;
extern const Rule kGpgSksKeyserver;
extern const Rule kGpgSignatureNotRemoved;
extern const Rule kChecksumLineSingleSpace;
extern const Rule kConfigureWithoutBuildTriplet;
extern const Rule kUsrSrcNotRemoved;
extern const Rule kGemUpdateSystemLeftovers;
extern const Rule kSetuidBitSet;
extern const Rule kMissingInitProcess;
extern const Rule kHealthcheckToolMissing;
extern const Rule kBaseImagePlatformMismatch;
extern const Rule kImageAccountDatabaseProblem;
extern const Rule kKnownVulnerablePackageVersion;
extern const Rule kCopySourceOutsideContext;
extern const Rule kHeredocRunWithoutErrexit;
extern const Rule kEndOfLifeBaseImage;
// --- end dockerfile rules ---
// --- runtime rules (DRxxx) ---
extern const Rule kNoRestartPolicy;
extern const Rule kUnboundedRestartOnFailure;
extern const Rule kRuntimeContainerRunsAsRoot;
extern const Rule kRuntimePrivilegedContainer;
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
extern const Rule kRuntimeDockerSocketMounted;
extern const Rule kRuntimeSensitiveHostPathMounted;
extern const Rule kHostNetworkNamespace;
extern const Rule kRuntimeHostPidNamespace;
extern const Rule kRuntimeHostIpcNamespace;
extern const Rule kRuntimeHostUtsNamespace;
extern const Rule kRuntimeHostUserNamespace;
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
    &kComponentWithoutDockerfile,
    &kDatabasePortExposed,
    &kPortBoundToAllInterfaces,
    &kDatabaseOnSharedNetwork,
    &kDuplicatePublishedPort,
    &kPrivilegedHostPort,
    &kDuplicateContainerName,
    &kUnauthenticatedAdminPortPublished,
    &kSourceCodeBindMount,
    &kDebugModeEnabled,
    &kDevCacheVolume,
    &kServiceKeysOutOfOrder,
    &kPortNotQuoted,
    &kDuplicateListEntry,
    &kDependsOnUnsorted,
    &kServicesUnsorted,
    &kUndefinedReference,
    // --- end compose table ---
    // --- dockerfile table ---
    &kDockerfileSyntaxError,
    &kUntaggedBaseImage,
    &kLatestBaseImageTag,
    &kBaseImageWithoutDigest,
    &kUntrustedRegistry,
    &kConstantPlatformFlag,
    &kRedundantTargetPlatform,
    &kUndefinedArgInFrom,
    &kInvalidBaseImageName,
    &kUnpinnedSyntaxDirective,
    &kRootFinalUser,
    &kMissingUser,
    &kNonNumericUser,
    &kWorkdirInSystemDir,
    &kSensitiveVolume,
    &kMissingHealthcheck,
    &kMultipleHealthchecks,
    &kMultipleCmd,
    &kMultipleEntrypoint,
    &kShellFormCmd,
    &kAddForLocalFiles,
    &kExposedSshPort,
    &kInvalidExposePort,
    &kExposeProtocolCasing,
    &kExposeHostMapping,
    &kMaintainerDeprecated,
    &kSecretInArgOrEnv,
    &kHardcodedSecret,
    &kRelativeWorkdir,
    &kCopyRelativeDestWithoutWorkdir,
    &kMultiSourceCopyDestWithoutSlash,
    &kCopyFromUnknownStage,
    &kCopyFromOwnStage,
    &kDuplicateStageName,
    &kReservedStageName,
    &kStageNameCasing,
    &kFromAsCasing,
    &kInconsistentInstructionCasing,
    &kEmptyContinuationLine,
    &kLegacyKeyValueFormat,
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
    &kUndefinedVariable,
    &kEnvSelfReference,
    &kInstructionBeforeFrom,
    &kInvalidOnbuildTrigger,
    &kCopyFromStageIndex,
    &kCopyWholeFilesystem,
    &kInvalidLabelKey,
    &kMissingRequiredLabel,
    &kLabelNotInSchema,
    &kInvalidLabelValue,
    &kDeprecatedLabelSchema,
    &kAddUrlWithoutChecksum,
    &kCopyArchiveThenExtract,
    &kCrlfLineEndings,
    &kMissingDockerignore,
    &kMissingMultiStageBuild,
    &kInvalidStopsignal,
    &kCopyChownFlag,
    &kCopyContextBeforeDependencyInstall,
    &kInlineIgnorePragma,
    &kInvalidDefinitionDescription,
    &kCopySecretFile,
    &kCopyIgnoredFile,
    &kCurlWithoutLocation,
    &kGpgSksKeyserver,
    &kGpgSignatureNotRemoved,
    &kChecksumLineSingleSpace,
    &kConfigureWithoutBuildTriplet,
    &kUsrSrcNotRemoved,
    &kGemUpdateSystemLeftovers,
    &kSetuidBitSet,
    &kMissingInitProcess,
    &kHealthcheckToolMissing,
    &kCopySourceOutsideContext,
    &kHeredocRunWithoutErrexit,
    &kEndOfLifeBaseImage,
    &kBaseImagePlatformMismatch,
    &kImageAccountDatabaseProblem,
    &kKnownVulnerablePackageVersion,
    // --- end dockerfile table ---
    // --- runtime table ---
    &kNoRestartPolicy,
    &kUnboundedRestartOnFailure,
    &kRuntimeContainerRunsAsRoot,
    &kRuntimePrivilegedContainer,
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
    &kRuntimeDockerSocketMounted,
    &kRuntimeSensitiveHostPathMounted,
    &kHostNetworkNamespace,
    &kRuntimeHostPidNamespace,
    &kRuntimeHostIpcNamespace,
    &kRuntimeHostUtsNamespace,
    &kRuntimeHostUserNamespace,
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
