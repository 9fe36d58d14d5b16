// Rule documentation pages, generated from the registry (docs/rules/ is never hand-edited).
#ifndef SHIPSHAPE_RULES_DOCS_H_
#define SHIPSHAPE_RULES_DOCS_H_
#include <string>
#include "rules/rule.h"
namespace shipshape {
/// One rule's page: title, metadata table, aliases, then the rule's own docs.
std::string RuleDocPage(const Rule& rule);
/// The index of every rule, as a Markdown table.
std::string RuleIndexPage();
}  // namespace shipshape
#endif  // SHIPSHAPE_RULES_DOCS_H_
