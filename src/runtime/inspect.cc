#include "runtime/inspect.h"

#include <algorithm>

#include "rules/registry.h"
#include "runtime/finding.h"
#include "runtime/inspect_json.h"

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

Result<Inspection> InspectFromJson(std::string_view json, const Config& config, std::string root) {
  Result<std::vector<LoadedContainer>> loaded = LoadInspectJson(json);
  if (!loaded.ok()) return loaded.error();
  Inspection ins;
  ins.report.mode = "inspect";
  ins.report.root = std::move(root);
  ins.report.tool_version = SHIPSHAPE_VERSION;
  LintOptions opts;
  opts.config = &config;
  for (LoadedContainer& lc : *loaded) {
    ins.sources.push_back(std::make_unique<SourceFile>(std::move(lc.file)));
    ins.containers.push_back(std::move(lc.model));
  }
  for (size_t i = 0; i < ins.sources.size(); ++i) {
    FileResult fr;
    fr.file = ins.sources[i].get();
    fr.diagnostics = LintContainer(ins.containers[i], *fr.file, opts);
    ins.report.files.push_back(std::move(fr));
  }
  std::stable_sort(
      ins.report.files.begin(), ins.report.files.end(),
      [](const FileResult& a, const FileResult& b) { return a.file->path < b.file->path; });
  return ins;
}

Result<Inspection> InspectFromEngine(const EngineOptions& engine, const Config& config) {
  const std::string host = engine.host.empty() ? std::string(kDefaultDockerHost) : engine.host;
  Result<std::string> json = FetchInspectJson(engine);
  if (!json.ok()) return json.error();
  return InspectFromJson(*json, config, host);
}

}  // namespace shipshape::runtime
