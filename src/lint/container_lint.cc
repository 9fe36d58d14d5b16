#include "lint/container_lint.h"

#include <algorithm>

#include "rules/registry.h"

namespace shipshape::runtime {
namespace {

std::vector<std::string> SplitList(std::string_view s) {
  std::vector<std::string> out;
  size_t p = 0;
  while (p <= s.size()) {
    size_t e = s.find_first_of(", ", p);
    if (e == std::string_view::npos) e = s.size();
    if (e > p) out.emplace_back(s.substr(p, e - p));
    p = e + 1;
  }
  return out;
}

bool IgnoredByLabel(const Rule& rule, const std::vector<std::string>& ignored) {
  for (const std::string& s : ignored)
    if (s == "all" || rule.Matches(s)) return true;
  return false;
}

void AddComposeRelated(const Container& c, Diagnostic* d) {
  if (!c.compose.present()) return;
  std::string service = "service " + c.compose.service;
  if (!c.compose.project.empty()) service += " (project " + c.compose.project + ")";
  auto add = [&](std::string s) {
    if (std::find(d->related.begin(), d->related.end(), s) == d->related.end())
      d->related.push_back(std::move(s));
  };
  add(std::move(service));
  for (const std::string& f : c.compose.config_files) add(f);
}

}  // namespace

std::vector<Diagnostic> LintContainer(const Container& container, const SourceFile& file,
                                      const LintOptions& opts) {
  static const Config kDefault;
  const Config& config = opts.config ? *opts.config : kDefault;
  const std::vector<std::string> ignored = SplitList(container.Label(kIgnoreLabel));
  std::vector<Diagnostic> out;
  for (const Rule* rule : AllRules()) {
    if (rule->target != Target::kRuntime || !rule->check_runtime) continue;
    if (opts.only ? rule != opts.only : !RuleEnabled(*rule, config)) continue;
    if (IgnoredByLabel(*rule, ignored)) continue;
    RuleContext ctx(*rule, file, config, opts.workspace, &out);
    rule->check_runtime(container, ctx);
  }
  for (Diagnostic& d : out) {
    AddComposeRelated(container, &d);
    if (!opts.only) d.severity = EffectiveSeverity(*d.rule, config);
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.start != b.range.start) return a.range.start < b.range.start;
    return a.rule->code < b.rule->code;
  });
  return out;
}

}  // namespace shipshape::runtime
