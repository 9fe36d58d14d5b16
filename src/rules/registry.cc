#include "rules/registry.h"

#include <vector>

namespace shipshape {

// Each block is owned by one area; keep each block sorted by code. The whole table is sorted by
// code at the end of the list (DC < DF < DX) and a test checks it.
// --- compose rules (DCxxx) ---
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
// --- end dockerfile rules ---
// --- context rules (DXxxx) ---
// --- end context rules ---
// --- runtime rules (DRxxx) ---
// --- end runtime rules ---

namespace {
const Rule* const kRules[] = {
    // --- compose table ---
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
