// SARIF 2.1.0 (OASIS). One run; `driver.rules` holds only the rules that fired, sorted by code,
// and results point at them by `ruleIndex`. Columns are code points, declared by `columnKind`.
// Security rules carry GitHub code scanning's `security-severity` property.
#include <map>
#include <nlohmann/json.hpp>

#include "report/json_dom.h"
#include "report/json_writer.h"
#include "report/render_util.h"
#include "report/reporters.h"

namespace shipshape {
namespace {

using nlohmann::json;
using report::JsonWriter;

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

void WriteRegion(JsonWriter& w, std::string_view key, const report::Position& p) {
  w.Key(key);
  w.BeginObject();
  w.Member("endColumn", p.end_column);
  w.Member("endLine", p.end_line);
  w.Member("startColumn", p.column);
  w.Member("startLine", p.line);
  w.EndObject();
}

void WriteArtifactLocation(JsonWriter& w, std::string_view path) {
  w.Key("artifactLocation");
  w.BeginObject();
  w.Member("uri", report::UriEncode(path));
  w.Member("uriBaseId", "%SRCROOT%");
  w.EndObject();
}

void WriteText(JsonWriter& w, std::string_view key, std::string_view text) {
  w.Key(key);
  w.BeginObject();
  w.Member("text", text);
  w.EndObject();
}

// One result; keys in sorted order (the order nlohmann's map printed, kept for stable output).
void WriteResult(JsonWriter& w, const report::Item& it, const std::map<std::string_view, size_t>& rule_index) {
  const Diagnostic& d = *it.diag;
  w.BeginObject();
  if (d.fix && !d.fix->edits.empty()) {
    w.Key("fixes");
    w.BeginArray();
    w.BeginObject();
    w.Key("artifactChanges");
    w.BeginArray();
    w.BeginObject();
    WriteArtifactLocation(w, it.path);
    w.Key("replacements");
    w.BeginArray();
    for (const Edit& e : d.fix->edits) {
      w.BeginObject();
      WriteRegion(w, "deletedRegion", report::Locate(*it.file->file, e.range));
      if (!e.text.empty()) WriteText(w, "insertedContent", it.mask->EditText(*d.fix, e));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.EndArray();
    std::string desc = report::SafeText(d.fix->title);
    const std::string_view tag = report::FixTag(d.fix->applicability);
    if (!tag.empty()) desc += " " + std::string(tag);
    WriteText(w, "description", desc);
    w.EndObject();
    w.EndArray();
  }
  w.Member("level", Level(d.severity));
  w.Key("locations");
  w.BeginArray();
  w.BeginObject();
  w.Key("physicalLocation");
  w.BeginObject();
  WriteArtifactLocation(w, it.path);
  WriteRegion(w, "region", it.pos);
  w.EndObject();
  w.EndObject();
  w.EndArray();
  WriteText(w, "message", it.message);
  w.Key("partialFingerprints");
  w.BeginObject();
  w.Member("shipshape/v1", it.fingerprint);
  w.EndObject();
  w.Key("properties");
  w.BeginObject();
  w.Member("category", CategoryName(it.category));
  if (!d.related.empty()) {
    w.Key("related");
    w.BeginArray();
    for (const std::string& s : d.related) w.String(report::SafeText(s));
    w.EndArray();
  }
  w.EndObject();
  w.Member("ruleId", it.code);
  if (d.rule != nullptr) w.Member("ruleIndex", uint64_t{rule_index.at(it.code)});
  w.EndObject();
}

// Streamed: the results (one per finding) go straight to text; only the rule descriptions are
// built as a DOM. Key order is sorted throughout, as the DOM version printed it.
std::string Build(const Report& report) {
  const std::vector<report::Item> items = report::Flatten(report);
  const std::vector<report::RuleUse> rules = report::RulesUsed(items);
  std::map<std::string_view, size_t> rule_index;
  json jrules = json::array();
  for (const report::RuleUse& u : rules) {
    rule_index[u.code] = jrules.size();
    jrules.push_back(RuleJson(u));
  }
  std::string out;
  size_t estimate = 4096;
  for (const report::Item& it : items) estimate += 1200 + 2 * it.message.size();
  out.reserve(estimate);
  JsonWriter w(out);
  w.BeginObject();
  w.Member("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  w.Key("runs");
  w.BeginArray();
  w.BeginObject();
  w.Member("columnKind", "unicodeCodePoints");
  w.Key("invocations");
  w.BeginArray();
  w.BeginObject();
  w.Key("executionSuccessful");
  w.Bool(true);
  if (!report.skipped.empty()) {
    w.Key("toolExecutionNotifications");
    w.BeginArray();
    for (const SkippedFile& s : report.skipped) {
      w.BeginObject();
      w.Member("level", "note");
      w.Key("locations");
      w.BeginArray();
      w.BeginObject();
      w.Key("physicalLocation");
      w.BeginObject();
      WriteArtifactLocation(w, s.path);
      w.EndObject();
      w.EndObject();
      w.EndArray();
      WriteText(w, "message", "Skipped " + s.path + ": " + s.reason);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  w.EndArray();
  w.Key("results");
  w.BeginArray();
  for (const report::Item& it : items) WriteResult(w, it, rule_index);
  w.EndArray();
  w.Key("tool");
  w.BeginObject();
  w.Key("driver");
  w.BeginObject();
  w.Member("name", "shipshape");
  w.Key("rules");
  report::WriteDom(w, jrules);
  w.Member("version", report.tool_version.empty() ? std::string("0.0.0") : report.tool_version);
  w.EndObject();
  w.EndObject();
  w.EndObject();
  w.EndArray();
  w.Member("version", "2.1.0");
  w.EndObject();
  out += '\n';
  return out;
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
