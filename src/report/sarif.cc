// SARIF 2.1.0 (OASIS). One run; `driver.rules` holds only the rules that fired, sorted by code,
// and results point at them by `ruleIndex`. Columns are code points, declared by `columnKind`.
// Security rules carry GitHub code scanning's `security-severity` property.
#include <map>
#include <nlohmann/json.hpp>

#include "report/render_util.h"
#include "report/reporters.h"

namespace shipshape {
namespace {

using nlohmann::json;

std::string_view Level(Severity s) {
  switch (s) {
    case Severity::kCritical:
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo:
    case Severity::kStyle: return "note";
  }
  return "warning";
}

std::string_view SecuritySeverity(Severity s) {
  switch (s) {
    case Severity::kCritical: return "9.5";
    case Severity::kError: return "8.0";
    case Severity::kWarning: return "5.5";
    case Severity::kInfo: return "3.0";
    case Severity::kStyle: return "1.0";
  }
  return "5.5";
}

std::string_view TargetName(Target t) {
  switch (t) {
    case Target::kDockerfile: return "dockerfile";
    case Target::kCompose: return "compose";
    case Target::kContext: return "context";
    case Target::kRuntime: return "runtime";
  }
  return "dockerfile";
}

/// The first paragraph under "## What it does", or the summary.
std::string FullDescription(const Rule& rule) {
  constexpr std::string_view kHeading = "## What it does";
  std::string_view docs = rule.docs;
  const size_t at = docs.find(kHeading);
  if (at == std::string_view::npos) return std::string(rule.summary);
  docs.remove_prefix(at + kHeading.size());
  const size_t end = docs.find("\n#");
  std::string text(docs.substr(0, end));
  // Unwrap and trim.
  std::string out;
  for (char ch : text) {
    if (ch == '\n' || ch == '\r') ch = ' ';
    if (ch == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += ch;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? std::string(rule.summary) : out;
}

json RuleJson(const report::RuleUse& u) {
  json r = {{"id", u.code}, {"name", u.name}};
  if (u.rule == nullptr) {
    r["shortDescription"] = {{"text", u.code}};
    return r;
  }
  const Rule& rule = *u.rule;
  const std::string summary = rule.summary.empty() ? std::string(rule.name)
                                                   : std::string(rule.summary);
  r["shortDescription"] = {{"text", summary}};
  r["fullDescription"] = {{"text", FullDescription(rule)}};
  json help = {{"text", summary}};
  if (!rule.docs.empty()) help["markdown"] = rule.docs;
  r["help"] = std::move(help);
  r["defaultConfiguration"] = {{"level", Level(rule.severity)}};
  json aliases = json::array();
  for (const Alias& a : rule.aliases) aliases.push_back(std::string(a.tool) + ":" + std::string(a.id));
  json props = {{"category", CategoryName(rule.category)},
                {"tags", json::array({CategoryName(rule.category), TargetName(rule.target)})},
                {"aliases", std::move(aliases)}};
  if (rule.category == Category::kSecurity)
    props["security-severity"] = SecuritySeverity(rule.severity);
  r["properties"] = std::move(props);
  return r;
}

json Region(const report::Position& p) {
  return {{"startLine", p.line}, {"startColumn", p.column}, {"endLine", p.end_line},
          {"endColumn", p.end_column}};
}

json ArtifactLocation(std::string_view path) {
  return {{"uri", report::UriEncode(path)}, {"uriBaseId", "%SRCROOT%"}};
}

std::string Build(const Report& report) {
  const std::vector<report::Item> items = report::Flatten(report);
  const std::vector<report::RuleUse> rules = report::RulesUsed(items);
  std::map<std::string_view, size_t> rule_index;
  json jrules = json::array();
  for (const report::RuleUse& u : rules) {
    rule_index[u.code] = jrules.size();
    jrules.push_back(RuleJson(u));
  }
  json results = json::array();
  for (const report::Item& it : items) {
    const Diagnostic& d = *it.diag;
    json r = {{"ruleId", it.code},
              {"level", Level(d.severity)},
              {"message", {{"text", it.message}}},
              {"locations",
               {{{"physicalLocation",
                  {{"artifactLocation", ArtifactLocation(it.path)}, {"region", Region(it.pos)}}}}}},
              {"partialFingerprints", {{"shipshape/v1", it.fingerprint}}}};
    if (d.rule != nullptr) r["ruleIndex"] = rule_index[it.code];
    if (d.fix && !d.fix->edits.empty()) {
      json replacements = json::array();
      for (const Edit& e : d.fix->edits) {
        json rep = {{"deletedRegion", Region(report::Locate(*it.file->file, e.range))}};
        if (!e.text.empty()) rep["insertedContent"] = {{"text", report::Scrub(*it.file, e.text)}};
        replacements.push_back(std::move(rep));
      }
      std::string desc = report::Scrub(*it.file, d.fix->title);
      const std::string_view tag = report::FixTag(d.fix->applicability);
      if (!tag.empty()) desc += " " + std::string(tag);
      r["fixes"] = {{{"description", {{"text", desc}}},
                     {"artifactChanges",
                      {{{"artifactLocation", ArtifactLocation(it.path)},
                        {"replacements", std::move(replacements)}}}}}};
    }
    json props = {{"category", CategoryName(it.category)}};
    if (!d.related.empty()) {
      json related = json::array();
      for (const std::string& s : d.related) related.push_back(report::Scrub(*it.file, s));
      props["related"] = std::move(related);
    }
    r["properties"] = std::move(props);
    results.push_back(std::move(r));
  }
  json notifications = json::array();
  for (const SkippedFile& s : report.skipped) {
    notifications.push_back(
        {{"level", "note"},
         {"message", {{"text", "Skipped " + s.path + ": " + s.reason}}},
         {"locations", {{{"physicalLocation", {{"artifactLocation", ArtifactLocation(s.path)}}}}}}});
  }
  json invocation = {{"executionSuccessful", true}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  json driver = {{"name", "shipshape"},
                 {"version", report.tool_version.empty() ? "0.0.0" : report.tool_version},
                 {"rules", std::move(jrules)}};
  const json doc = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       {{{"tool", {{"driver", std::move(driver)}}},
         {"columnKind", "unicodeCodePoints"},
         {"invocations", {std::move(invocation)}},
         {"results", std::move(results)}}}}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string RenderSarif(const Report& report, const RenderOptions&) {
  try {
    return Build(report);
  } catch (...) {
    return "{\"version\": \"2.1.0\", \"runs\": []}\n";
  }
}

}  // namespace shipshape
