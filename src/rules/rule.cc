#include "rules/rule.h"

#include <algorithm>

namespace shipshape {

DiagnosticBuilder& DiagnosticBuilder::WithFix(std::string title, Applicability a,
                                              std::vector<Edit> edits) {
  Fix f;
  f.title = std::move(title);
  f.applicability = a;
  f.edits = std::move(edits);
  return WithFix(std::move(f));
}

DiagnosticBuilder& DiagnosticBuilder::WithFix(Fix fix) {
  std::sort(fix.edits.begin(), fix.edits.end(),
            [](const Edit& a, const Edit& b) { return a.range.start < b.range.start; });
  d_->fix = std::move(fix);
  return *this;
}

DiagnosticBuilder& DiagnosticBuilder::Redact(TextRange r) {
  d_->redactions.push_back(r);
  return *this;
}

DiagnosticBuilder& DiagnosticBuilder::Related(std::string what) {
  d_->related.push_back(std::move(what));
  return *this;
}

DiagnosticBuilder RuleContext::Report(TextRange range, std::string message) {
  Diagnostic d;
  d.rule = &rule_;
  d.severity = rule_.severity;
  d.range = range;
  d.message = std::move(message);
  out_->push_back(std::move(d));
  return DiagnosticBuilder(&out_->back());
}

}  // namespace shipshape
