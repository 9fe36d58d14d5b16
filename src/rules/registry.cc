#include "rules/registry.h"

#include <vector>

namespace shipshape {

// Each block is owned by one area; keep each block sorted by code. The whole table is sorted by
// code at the end of the list (DC < DF < DX) and a test checks it.
// --- compose rules (DCxxx) ---
extern const Rule kComposeSyntaxError;
extern const Rule kComposeSchemaViolation;
extern const Rule kComposeDuplicateKey;
// --- end compose rules ---
// --- dockerfile rules (DFxxx) ---
extern const Rule kDockerfileSyntaxError;
extern const Rule kAddForLocalFiles;
// --- end dockerfile rules ---
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
// --- runtime rules (DRxxx) ---
// --- end runtime rules ---

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
    // --- end dockerfile table ---
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
