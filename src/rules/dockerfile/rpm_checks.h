// Checks shared by the yum, dnf/microdnf and zypper rules (DF052..DF060): each rule file calls
// one of these with the tools it covers, so the three families behave the same way.
#ifndef SHIPSHAPE_RULES_DOCKERFILE_RPM_CHECKS_H_
#define SHIPSHAPE_RULES_DOCKERFILE_RPM_CHECKS_H_

#include <initializer_list>

#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape::rules::run {

/// Install/upgrade/remove without `-y` (zypper: `-n`/`--non-interactive` or `-y`). Fix: insert
/// ` -y` after the subcommand (safe).
void CheckRpmNonInteractive(const dockerfile::Dockerfile& df, RuleContext& ctx,
                            std::initializer_list<RpmTool> tools);
/// Install/upgrade in a RUN of a final-image stage without a later `clean all` (zypper:
/// `clean`), `rm` of the cache directory or a cache/tmpfs mount on it. Fix: append the clean
/// command (safe).
void CheckRpmClean(const dockerfile::Dockerfile& df, RuleContext& ctx,
                   std::initializer_list<RpmTool> tools);
/// Install of packages without a version.
void CheckRpmUnpinned(const dockerfile::Dockerfile& df, RuleContext& ctx,
                      std::initializer_list<RpmTool> tools);

}  // namespace shipshape::rules::run

#endif  // SHIPSHAPE_RULES_DOCKERFILE_RPM_CHECKS_H_
