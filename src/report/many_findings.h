// A report whose one Compose file has `n` services, each with a finding that redacts its
// `API_TOKEN` value: the shape that made masking quadratic. Shared by the complexity test
// (secret_mask_test.cc) and the benchmark (render_bench.cc). Test-only; header-only.
#ifndef SHIPSHAPE_REPORT_MANY_FINDINGS_H_
#define SHIPSHAPE_REPORT_MANY_FINDINGS_H_

#include <string>

#include "report/report.h"
#include "rules/rule.h"

namespace shipshape::testing {

inline const Rule& ManyFindingsRule() {
  static const Rule kRule = [] {
    Rule r;
    r.code = "DC010";
    r.name = "env-hardcoded-secret";
    r.summary = "Literal credential in environment";
    r.target = Target::kCompose;
    r.severity = Severity::kCritical;
    r.category = Category::kSecurity;
    return r;
  }();
  return kRule;
}

/// Fills `file` (which must outlive the report) and returns the report over it.
inline Report ManyFindings(SourceFile* file, size_t n) {
  file->path = "compose.yaml";
  file->kind = FileKind::kCompose;
  file->text = "services:\n";
  FileResult r;
  r.file = file;
  for (size_t i = 0; i < n; ++i) {
    const std::string line =
        "  s" + std::to_string(i) + ": {environment: {API_TOKEN: v" + std::to_string(i) + "}}\n";
    const uint32_t at = static_cast<uint32_t>(file->text.size());
    file->text += line;
    Diagnostic d;
    d.rule = &ManyFindingsRule();
    d.severity = Severity::kCritical;
    d.range = {at + 2, at + 4};
    d.message = "`API_TOKEN` of service `s" + std::to_string(i) + "` is a literal credential";
    d.redactions.push_back({static_cast<uint32_t>(at + line.find(": v") + 2),
                            static_cast<uint32_t>(at + line.find("}}"))});
    r.diagnostics.push_back(std::move(d));
  }
  Report report;
  report.files.push_back(std::move(r));
  return report;
}

}  // namespace shipshape::testing

#endif  // SHIPSHAPE_REPORT_MANY_FINDINGS_H_
