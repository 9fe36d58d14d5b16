// The versioned JSON document (schema in reporters.h), streamed with JsonWriter. Keys are written
// in sorted order, the order the schema documents (and nlohmann's sorted map used to print).
#include <algorithm>
#include <thread>

#include "report/json_writer.h"
#include "report/render_util.h"
#include "report/reporters.h"

namespace shipshape {
namespace {

using report::JsonWriter;

// Three of the four position members: in a finding they sort before "fix", "line" after it.
void PositionHead(JsonWriter& w, const report::Position& p) {
  w.Member("column", p.column);
  w.Member("end_column", p.end_column);
  w.Member("end_line", p.end_line);
}

void WriteFix(JsonWriter& w, const report::Item& it) {
  const Diagnostic& d = *it.diag;
  w.Key("fix");
  if (!d.fix) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Member("applicability", ApplicabilityName(d.fix->applicability));
  w.Key("edits");
  w.BeginArray();
  for (const Edit& e : d.fix->edits) {
    const report::Position p = report::Locate(*it.file->file, e.range);
    w.BeginObject();
    w.Member("column", p.column);
    w.Member("content", it.mask->EditText(*d.fix, e));
    w.Member("end_column", p.end_column);
    w.Member("end_line", p.end_line);
    w.Member("line", p.line);
    w.EndObject();
  }
  w.EndArray();
  w.Member("title", report::SafeText(d.fix->title));
  w.EndObject();
}

void StringArray(JsonWriter& w, std::string_view key, const std::vector<std::string>& v) {
  w.Key(key);
  w.BeginArray();
  for (const std::string& x : v) w.String(x);
  w.EndArray();
}

void WriteItem(JsonWriter& w, const report::Item& it) {
  w.BeginObject();
  w.Member("category", CategoryName(it.category));
  PositionHead(w, it.pos);
  WriteFix(w, it);
  w.Member("line", it.pos.line);
  w.Member("message", it.message);
  w.Member("name", it.name);
  w.Member("path", it.path);
  w.Key("related");
  w.BeginArray();
  for (const std::string& r : it.diag->related) w.String(report::SafeText(r));
  w.EndArray();
  w.Member("rule", it.code);
  w.Member("severity", SeverityName(it.diag->severity));
  w.EndObject();
}

// The findings array's elements, rendered in slices on up to `jobs` threads when there are many
// (the text is the same as one writer's: each slice knows whether it follows another).
void WriteItems(JsonWriter& w, const std::vector<report::Item>& items, unsigned jobs, std::string& out) {
  constexpr size_t kMinPerSlice = 512;
  const size_t slices = std::min<size_t>(std::max(1u, jobs), (items.size() + kMinPerSlice - 1) / kMinPerSlice);
  if (slices <= 1) {
    for (const report::Item& it : items) WriteItem(w, it);
    return;
  }
  std::vector<std::string> parts(slices);
  auto render = [&](size_t k) {
    const size_t begin = items.size() * k / slices, end = items.size() * (k + 1) / slices;
    size_t estimate = 0;
    for (size_t i = begin; i < end; ++i) estimate += 640 + items[i].message.size();
    parts[k].reserve(estimate);
    JsonWriter sw(parts[k], 2, w.depth(), /*container_empty=*/k == 0);
    for (size_t i = begin; i < end; ++i) WriteItem(sw, items[i]);
  };
  std::vector<std::thread> threads;
  for (size_t k = 1; k < slices; ++k) threads.emplace_back(render, k);
  render(0);
  for (std::thread& t : threads) t.join();
  for (const std::string& p : parts) out += p;
  w.MarkNonEmpty();
}

std::string Build(const Report& report, unsigned jobs) {
  const std::vector<report::Item> items = report::Flatten(report, /*fingerprints=*/false);
  const report::Counts c = report::Count(items);
  std::string out;
  // One allocation: the members' fixed text is ~600 bytes a finding, plus what varies.
  size_t estimate = 1024;
  for (const report::Item& it : items) {
    estimate += 640 + it.message.size() + it.path.size();
    if (it.diag->fix)
      for (const Edit& e : it.diag->fix->edits) estimate += 128 + e.text.size() + e.text.size() / 8;
  }
  out.reserve(estimate);
  JsonWriter w(out);
  w.BeginObject();
  w.Key("diagnostics");
  w.BeginArray();
  WriteItems(w, items, jobs, out);
  w.EndArray();
  w.Member("files_scanned", uint64_t{report.files.size()});
  w.Key("fix_result");
  if (report.fix.present) {
    w.BeginObject();
    StringArray(w, "files_added", report.fix.files_added);
    StringArray(w, "files_changed", report.fix.files_changed);
    w.Member("fixed", uint64_t{report.fix.fixed});
    w.Member("found", uint64_t{report.fix.found});
    w.Member("left", uint64_t{report.fix.left});
    w.EndObject();
  } else {
    w.Null();
  }
  w.Member("mode", report.mode);
  w.Member("root", report.root);
  w.Key("skipped");
  w.BeginArray();
  for (const SkippedFile& s : report.skipped) {
    w.BeginObject();
    w.Member("path", s.path);
    w.Member("reason", s.reason);
    w.EndObject();
  }
  w.EndArray();
  w.Key("summary");
  w.BeginObject();
  // Sorted: critical, error, files_with_findings, fixable, info, style, total, unsafe_fixable,
  // warning.
  w.Member("critical", uint64_t{c.of(Severity::kCritical)});
  w.Member("error", uint64_t{c.of(Severity::kError)});
  w.Member("files_with_findings", uint64_t{c.files_with_findings});
  w.Member("fixable", uint64_t{c.safe_fixes});
  w.Member("info", uint64_t{c.of(Severity::kInfo)});
  w.Member("style", uint64_t{c.of(Severity::kStyle)});
  w.Member("total", uint64_t{c.total});
  w.Member("unsafe_fixable", uint64_t{c.unsafe_fixes});
  w.Member("warning", uint64_t{c.of(Severity::kWarning)});
  w.EndObject();
  w.Key("tool");
  w.BeginObject();
  w.Member("name", "shipshape");
  w.Member("version", report.tool_version);
  w.EndObject();
  w.Member("version", 1);
  w.EndObject();
  out += '\n';
  return out;
}

}  // namespace

std::string RenderJson(const Report& report, const RenderOptions& opts) {
  try {
    return Build(report, opts.jobs);
  } catch (...) {
    return "{\"version\": 1, \"error\": \"internal error while rendering\"}\n";
  }
}

}  // namespace shipshape
