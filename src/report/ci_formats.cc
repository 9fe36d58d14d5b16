// Formats for CI systems and code-quality dashboards. Field choices follow hadolint's formatters
// where it has one, so pipelines switching from hadolint keep working:
//  - checkstyle: <checkstyle version="4.3"><file name><error line column severity message source>
//  - junit: a testsuite per file, a testcase per (file, rule) whose <failure> lists its findings;
//    a file without findings gets one passing testcase so it shows up as checked.
//  - gitlab / codeclimate: Code Climate issue objects; severities error->blocker,
//    warning->major, info->info, style->minor as hadolint, and our critical->blocker.
//    Fingerprints hash path, rule and the (masked, trimmed) line text, not the line number, so
//    an issue keeps its identity when lines above it move.
//  - sonarqube: generic issue import; 0-based columns as Sonar expects.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "report/render_util.h"
#include "report/reporters.h"

namespace shipshape {
namespace {

using nlohmann::json;
using report::Item;
using report::XmlEscape;

std::string_view CheckstyleSeverity(Severity s) {
  switch (s) {
    case Severity::kCritical:
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
    case Severity::kStyle: return "info";
  }
  return "warning";
}

std::string_view CodeClimateSeverity(Severity s) {
  switch (s) {
    case Severity::kCritical:
    case Severity::kError: return "blocker";
    case Severity::kWarning: return "major";
    case Severity::kInfo: return "info";
    case Severity::kStyle: return "minor";
  }
  return "major";
}

std::string_view CodeClimateCategory(Category c) {
  switch (c) {
    case Category::kSecurity: return "Security";
    case Category::kReliability:
    case Category::kCorrectness: return "Bug Risk";
    case Category::kEfficiency: return "Performance";
    case Category::kMaintainability: return "Clarity";
    case Category::kStyle: return "Style";
  }
  return "Bug Risk";
}

json CodeClimateIssue(const Item& it) {
  std::string description(it.code);
  description += ": ";
  description += it.message;
  return {{"type", "issue"},
          {"check_name", it.code},
          {"description", std::move(description)},
          {"categories", json::array({CodeClimateCategory(it.category)})},
          {"severity", CodeClimateSeverity(it.diag->severity)},
          {"fingerprint", it.fingerprint},
          {"location",
           {{"path", it.path}, {"lines", {{"begin", it.pos.line}, {"end", it.pos.end_line}}}}}};
}

std::string Dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string RenderCheckstyle(const Report& report, const RenderOptions&) {
  const std::vector<Item> items = report::Flatten(report);
  std::map<const FileResult*, std::vector<const Item*>> by_file;
  for (const Item& it : items) by_file[it.file].push_back(&it);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  for (const FileResult* f : report::SortedFiles(report)) {
    out += "  <file name=\"" + XmlEscape(f->file->path) + "\">\n";
    for (const Item* it : by_file[f]) {
      out += "    <error line=\"" + std::to_string(it->pos.line) + "\" column=\"" +
             std::to_string(it->pos.column) + "\" severity=\"" +
             std::string(CheckstyleSeverity(it->diag->severity)) + "\" message=\"" +
             XmlEscape(it->message) + "\" source=\"" + XmlEscape(it->code) + "\"/>\n";
    }
    out += "  </file>\n";
  }
  out += "</checkstyle>\n";
  return out;
}

std::string RenderJunit(const Report& report, const RenderOptions&) {
  const std::vector<Item> items = report::Flatten(report);
  // file -> rule code -> findings, both in sorted order.
  std::map<const FileResult*, std::map<std::string_view, std::vector<const Item*>>> grouped;
  for (const Item& it : items) grouped[it.file][it.code].push_back(&it);
  const std::vector<const FileResult*> files = report::SortedFiles(report);

  size_t total_tests = 0, total_failures = 0;
  std::string body;
  for (const FileResult* f : files) {
    const auto& rules = grouped[f];
    const std::string path = XmlEscape(f->file->path);
    const size_t failures = rules.size();
    const size_t tests = rules.empty() ? 1 : rules.size();
    total_tests += tests;
    total_failures += failures;
    body += "  <testsuite name=\"" + path + "\" tests=\"" + std::to_string(tests) +
            "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\" skipped=\"0\">\n";
    if (rules.empty()) {
      body += "    <testcase name=\"shipshape\" classname=\"" + path + "\"/>\n";
    }
    for (const auto& [code, list] : rules) {
      const Item& first = *list.front();
      Severity worst = first.diag->severity;
      for (const Item* it : list) worst = std::max(worst, it->diag->severity);
      // One <failure> per testcase (most consumers read only the first); the body lists every
      // finding of this rule in this file.
      const std::string message = list.size() == 1
                                      ? first.message
                                      : std::to_string(list.size()) + " findings, first: " +
                                            first.message;
      body += "    <testcase name=\"" + XmlEscape(code) + " " + XmlEscape(first.name) +
              "\" classname=\"" + path + "\">\n";
      body += "      <failure type=\"" + std::string(SeverityName(worst)) + "\" message=\"" +
              XmlEscape(message) + "\">";
      for (const Item* it : list) {
        if (it != list.front()) body += '\n';
        body += XmlEscape(it->path) + ":" + std::to_string(it->pos.line) + ":" +
                std::to_string(it->pos.column) + ": " +
                std::string(SeverityName(it->diag->severity)) + ": " + XmlEscape(it->message) +
                " [" + XmlEscape(it->code) + "]";
      }
      body += "</failure>\n";
      body += "    </testcase>\n";
    }
    body += "  </testsuite>\n";
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"shipshape\" tests=\"" + std::to_string(total_tests) +
         "\" failures=\"" + std::to_string(total_failures) + "\" errors=\"0\">\n";
  out += body;
  out += "</testsuites>\n";
  return out;
}

std::string RenderGitlab(const Report& report, const RenderOptions&) {
  try {
    json arr = json::array();
    for (const Item& it : report::Flatten(report)) arr.push_back(CodeClimateIssue(it));
    return Dump(arr, 2) + "\n";
  } catch (...) {
    return "[]\n";
  }
}

std::string RenderCodeclimate(const Report& report, const RenderOptions&) {
  try {
    std::string out;
    for (const Item& it : report::Flatten(report)) {
      out += Dump(CodeClimateIssue(it), -1);
      out += '\0';
    }
    return out;
  } catch (...) {
    return "";
  }
}

std::string RenderGnu(const Report& report, const RenderOptions&) {
  std::string out;
  for (const Item& it : report::Flatten(report)) {
    // One finding per line: a newline in a path or message must not start a line of its own.
    out += EscapeControls(it.path) + ":" + std::to_string(it.pos.line) + "." +
           std::to_string(it.pos.column) + "-" + std::to_string(it.pos.end_line) + "." +
           std::to_string(it.pos.end_column) + ": " +
           std::string(SeverityName(it.diag->severity)) + ": " + EscapeControls(it.message) + " [" +
           std::string(it.code) + "]\n";
  }
  return out;
}

std::string RenderSonarqube(const Report& report, const RenderOptions&) {
  auto severity = [](Severity s) -> std::string_view {
    switch (s) {
      case Severity::kCritical: return "BLOCKER";
      case Severity::kError: return "CRITICAL";
      case Severity::kWarning: return "MAJOR";
      case Severity::kInfo: return "MINOR";
      case Severity::kStyle: return "INFO";
    }
    return "MAJOR";
  };
  try {
    json issues = json::array();
    for (const Item& it : report::Flatten(report)) {
      const report::Position& p = it.pos;
      json range = {{"startLine", p.line}, {"endLine", p.end_line}};
      // Sonar wants start strictly before end; an empty range marks the whole line instead.
      if (p.end_line > p.line || p.end_column > p.column) {
        range["startColumn"] = p.column - 1;
        range["endColumn"] = p.end_column - 1;
      }
      const std::string_view type = it.category == Category::kSecurity ? "VULNERABILITY"
                                    : it.diag->severity >= Severity::kError ? "BUG"
                                                                             : "CODE_SMELL";
      issues.push_back({{"engineId", "shipshape"},
                        {"ruleId", it.code},
                        {"severity", severity(it.diag->severity)},
                        {"type", type},
                        {"primaryLocation",
                         {{"message", it.message}, {"filePath", it.path}, {"textRange", range}}}});
    }
    return Dump(json{{"issues", std::move(issues)}}, 2) + "\n";
  } catch (...) {
    return "{\"issues\": []}\n";
  }
}

}  // namespace shipshape
