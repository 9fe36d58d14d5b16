// The versioned JSON document (schema in reporters.h). nlohmann's default object type is a sorted
// map, which gives the deterministic key order the schema promises.
#include <nlohmann/json.hpp>

#include "report/render_util.h"
#include "report/reporters.h"

namespace shipshape {
namespace {

using nlohmann::json;

json PositionJson(const report::Position& p) {
  return {{"line", p.line}, {"column", p.column}, {"end_line", p.end_line},
          {"end_column", p.end_column}};
}

json FixJson(const report::Item& it) {
  const Diagnostic& d = *it.diag;
  if (!d.fix) return nullptr;
  json edits = json::array();
  for (const Edit& e : d.fix->edits) {
    json je = PositionJson(report::Locate(*it.file->file, e.range));
    je["content"] = report::Scrub(*it.file, e.text);
    edits.push_back(std::move(je));
  }
  return {{"title", report::Scrub(*it.file, d.fix->title)},
          {"applicability", ApplicabilityName(d.fix->applicability)},
          {"edits", std::move(edits)}};
}

std::string Build(const Report& report) {
  const std::vector<report::Item> items = report::Flatten(report);
  const report::Counts c = report::Count(items);
  json diags = json::array();
  for (const report::Item& it : items) {
    json d = PositionJson(it.pos);
    d["rule"] = it.code;
    d["name"] = it.name;
    d["severity"] = SeverityName(it.diag->severity);
    d["category"] = CategoryName(it.category);
    d["path"] = it.path;
    d["message"] = it.message;
    d["fix"] = FixJson(it);
    json related = json::array();
    for (const std::string& r : it.diag->related) related.push_back(report::Scrub(*it.file, r));
    d["related"] = std::move(related);
    diags.push_back(std::move(d));
  }
  json summary = {{"total", c.total},
                  {"files_with_findings", c.files_with_findings},
                  {"fixable", c.safe_fixes},
                  {"unsafe_fixable", c.unsafe_fixes}};
  for (Severity s : report::kSeveritiesDesc) summary[std::string(SeverityName(s))] = c.of(s);
  json skipped = json::array();
  for (const SkippedFile& s : report.skipped)
    skipped.push_back({{"path", s.path}, {"reason", s.reason}});
  json fix_result = nullptr;
  if (report.fix.present) {
    fix_result = {{"found", report.fix.found},
                  {"fixed", report.fix.fixed},
                  {"left", report.fix.left},
                  {"files_changed", report.fix.files_changed},
                  {"files_added", report.fix.files_added}};
  }
  const json doc = {{"version", 1},
                    {"tool", {{"name", "shipshape"}, {"version", report.tool_version}}},
                    {"root", report.root},
                    {"mode", report.mode},
                    {"files_scanned", report.files.size()},
                    {"skipped", std::move(skipped)},
                    {"summary", std::move(summary)},
                    {"fix_result", std::move(fix_result)},
                    {"diagnostics", std::move(diags)}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string RenderJson(const Report& report, const RenderOptions&) {
  try {
    return Build(report);
  } catch (...) {
    return "{\"version\": 1, \"error\": \"internal error while rendering\"}\n";
  }
}

}  // namespace shipshape
