// The one table of every rule, sorted by code. Explicit registration: each rule file defines an
// `extern constinit const Rule kName` and rules/rules.def lists it once (an X-macro list).
#ifndef SHIPSHAPE_RULES_REGISTRY_H_
#define SHIPSHAPE_RULES_REGISTRY_H_

#include <span>
#include <string_view>

#include "rules/rule.h"

namespace shipshape {

/// Every rule, sorted by code.
std::span<const Rule* const> AllRules();
/// Rule by code, name or alias (first match in code order), or nullptr.
const Rule* FindRule(std::string_view code_or_alias);

}  // namespace shipshape

#endif  // SHIPSHAPE_RULES_REGISTRY_H_
