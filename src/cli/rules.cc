// `shipshape rules` (the catalogue as text or JSON, or one doc page per rule) and `shipshape rule CODE`.
#include <sys/stat.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/writer.h"
#include "rules/docs.h"
#include "rules/registry.h"

namespace shipshape::cli {
namespace {

nlohmann::ordered_json RuleJson(const Rule& r) {
  nlohmann::ordered_json j;
  j["code"] = r.code;
  j["name"] = r.name;
  j["summary"] = r.summary;
  static const char* kTargets[] = {"dockerfile", "compose", "context", "runtime"};
  j["target"] = kTargets[static_cast<int>(r.target)];
  j["severity"] = SeverityName(r.severity);
  j["category"] = CategoryName(r.category);
  static const char* kFix[] = {"none", "sometimes", "always"};
  j["fix"] = kFix[static_cast<int>(r.fix)];
  static const char* kStatus[] = {"stable", "preview", "deprecated", "removed", "not-applicable"};
  j["status"] = kStatus[static_cast<int>(r.status)];
  nlohmann::ordered_json aliases = nlohmann::ordered_json::object();
  for (const Alias& a : r.aliases) aliases[std::string(a.tool)].push_back(a.id);
  j["aliases"] = aliases;
  return j;
}

}  // namespace

int RunRules(const Options& o) {
  if (!o.write_docs.empty()) {
    ::mkdir(o.write_docs.c_str(), 0755);
    std::string err;
    for (const Rule* r : AllRules()) {
      if (!AtomicWrite(o.write_docs + "/" + std::string(r->code) + ".md", RuleDocPage(*r), &err)) {
        Err(err);
        return kExitError;
      }
    }
    if (!AtomicWrite(o.write_docs + "/README.md", RuleIndexPage(), &err)) {
      Err(err);
      return kExitError;
    }
    return kExitOk;
  }
  std::string format = o.outputs.empty() ? "text" : o.outputs[0].format;
  std::string out;
  if (format == "json") {
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const Rule* r : AllRules()) all.push_back(RuleJson(*r));
    out = all.dump(2) + "\n";
  } else if (format == "text") {
    for (const Rule* r : AllRules()) {
      std::string aliases;
      for (const Alias& a : r->aliases) {
        if (a.tool != "hadolint" && a.tool != "buildkit" && a.tool != "cis") continue;
        aliases += aliases.empty() ? " (" : ", ";
        aliases += std::string(a.id);
      }
      if (!aliases.empty()) aliases += ")";
      char line[512];
      std::snprintf(line, sizeof line, "%-6.*s %-8.*s %-38.*s %.*s%s\n",
                    static_cast<int>(r->code.size()), r->code.data(),
                    static_cast<int>(SeverityName(r->severity).size()),
                    SeverityName(r->severity).data(), static_cast<int>(r->name.size()),
                    r->name.data(), static_cast<int>(r->summary.size()), r->summary.data(),
                    aliases.c_str());
      out += line;
    }
  } else {
    Err("rules --format takes text or json");
    return kExitError;
  }
  std::string err;
  ScanRoots operator_paths;  // no tree scanned: the path is the operator's
  if (!WriteText(o.outputs.empty() ? "" : o.outputs[0].path, out, operator_paths, &err)) {
    Err(err);
    return kExitError;
  }
  return kExitOk;
}

int RunRule(const Options& o) {
  if (o.paths.size() != 1) {
    Err("rule takes one rule code, name or alias, e.g. shipshape rule DF020");
    return kExitError;
  }
  const Rule* r = FindRule(o.paths[0]);
  if (!r) {
    Err("no rule named '" + o.paths[0] + "' (see shipshape rules)");
    return kExitError;
  }
  std::string out = RuleDocPage(*r);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}
}  // namespace shipshape::cli
