#include "rules/registry.h"

#include <vector>

namespace shipshape {

// Every rule file defines `extern constinit const Rule kName`; rules.def lists each once, by code.
#define RULE(code, name) extern const Rule k##name;
#include "rules/rules.def"
#undef RULE

namespace {
constinit const Rule* const kRules[] = {
#define RULE(code, name) &k##name,
#include "rules/rules.def"
#undef RULE
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
