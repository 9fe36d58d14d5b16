#include "runtime/inspect.h"

#include <algorithm>

#include "lint/container_lint.h"
#include "runtime/inspect_json.h"

namespace shipshape::runtime {

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
