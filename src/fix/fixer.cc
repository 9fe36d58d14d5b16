#include "fix/fixer.h"

#include <algorithm>
#include <set>

#include "rules/rule.h"

namespace shipshape {

std::vector<const Diagnostic*> ApplyFixes(std::string_view text,
                                          const std::vector<Diagnostic>& diags,
                                          Applicability min, std::string* out) {
  std::vector<const Diagnostic*> candidates;
  for (const Diagnostic& d : diags)
    if (d.fix && d.fix->applicability >= min && d.fix->applicability != Applicability::kDisplayOnly &&
        (!d.fix->edits.empty() || !d.fix->file_writes.empty()))
      candidates.push_back(&d);
  auto first = [](const Diagnostic* d) {
    return d->fix->edits.empty() ? UINT32_MAX : d->fix->edits.front().range.start;
  };
  std::stable_sort(candidates.begin(), candidates.end(), [&](const Diagnostic* a, const Diagnostic* b) {
    if (first(a) != first(b)) return first(a) < first(b);
    return a->rule->code < b->rule->code;
  });
  std::vector<const Diagnostic*> applied;
  std::set<uint32_t> groups;
  std::vector<const Edit*> edits;
  int64_t last_end = -1;
  for (const Diagnostic* d : candidates) {
    const Fix& f = *d->fix;
    if (f.isolation_group && groups.count(*f.isolation_group)) continue;
    bool ok = true;
    int64_t end = last_end;
    for (const Edit& e : f.edits) {
      if (e.range.end > text.size() || e.range.start > e.range.end ||
          static_cast<int64_t>(e.range.start) <= end) {
        ok = false;
        break;
      }
      end = e.range.end;
      // A pure insertion occupies its point: a later edit at the same point must wait.
      if (e.range.empty()) end = e.range.start;
    }
    if (!ok) continue;
    if (!f.edits.empty()) last_end = end;
    if (f.isolation_group) groups.insert(*f.isolation_group);
    for (const Edit& e : f.edits) edits.push_back(&e);
    applied.push_back(d);
  }
  std::string result;
  result.reserve(text.size());
  uint32_t pos = 0;
  for (const Edit* e : edits) {
    result.append(text.substr(pos, e->range.start - pos));
    result.append(e->text);
    pos = e->range.end;
  }
  result.append(text.substr(pos));
  *out = std::move(result);
  return applied;
}

bool HasParseError(const std::vector<Diagnostic>& diags) {
  for (const Diagnostic& d : diags)
    if (d.rule->category == Category::kCorrectness && d.rule->fix == FixAvailability::kNone &&
        d.rule->name.find("syntax") != std::string_view::npos)
      return true;
  return false;
}

namespace {

void CountFix(const Rule& rule, std::vector<FixOutcome::RuleFixes>* counts) {
  auto it = std::lower_bound(counts->begin(), counts->end(), rule.code,
                             [](const FixOutcome::RuleFixes& r, std::string_view code) {
                               return r.code < code;
                             });
  if (it == counts->end() || it->code != rule.code)
    it = counts->insert(it, {std::string(rule.code), std::string(rule.name), 0});
  ++it->count;
}

}  // namespace

FixOutcome FixToFixpoint(const SourceFile& file, const LintOptions& opts, Applicability min) {
  FixOutcome out;
  out.text = file.text;
  SourceFile current;
  current.path = file.path;
  current.kind = file.kind;
  current.mode = file.mode;
  current.text = file.text;
  std::vector<Diagnostic> diags = LintFile(current, opts);
  out.found = diags.size();
  if (HasParseError(diags)) {
    out.unparsable = true;
    out.remaining = std::move(diags);
    return out;
  }
  constexpr int kMaxPasses = 100;
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    std::string next;
    std::vector<const Diagnostic*> applied = ApplyFixes(current.text, diags, min, &next);
    if (applied.empty()) {
      out.remaining = std::move(diags);
      out.text = current.text;
      return out;
    }
    SourceFile candidate;
    candidate.path = current.path;
    candidate.kind = current.kind;
    candidate.mode = current.mode;
    candidate.text = std::move(next);
    std::vector<Diagnostic> after = LintFile(candidate, opts);
    out.passes = pass + 1;
    if (HasParseError(after)) {
      std::set<std::string> rules;
      for (const Diagnostic* d : applied) rules.insert(std::string(d->rule->code));
      out.rolled_back.assign(rules.begin(), rules.end());
      out.remaining = std::move(diags);
      out.text = current.text;
      return out;
    }
    for (const Diagnostic* d : applied) {
      for (const Fix::FileWrite& w : d->fix->file_writes) {
        bool dup = false;
        for (const Fix::FileWrite& have : out.file_writes)
          dup = dup || (have.path == w.path && have.content == w.content);
        if (!dup) out.file_writes.push_back(w);
      }
    }
    std::vector<FixOutcome::AppliedEdit> edits;
    for (const Diagnostic* d : applied)
      for (const Edit& e : d->fix->edits) edits.push_back({e, std::string(d->rule->code)});
    std::stable_sort(edits.begin(), edits.end(), [](const auto& a, const auto& b) {
      return a.edit.range.start < b.edit.range.start;
    });
    if (!edits.empty()) out.pass_edits.push_back(std::move(edits));
    out.fixed += applied.size();
    for (const Diagnostic* d : applied) CountFix(*d->rule, &out.fixed_by_rule);
    if (candidate.text == current.text) {
      // Only side-file writes were applied; do not loop on them.
      out.remaining = std::move(after);
      out.text = current.text;
      return out;
    }
    current.text = std::move(candidate.text);
    diags = std::move(after);
  }
  out.converged = false;
  out.remaining = std::move(diags);
  out.text = current.text;
  return out;
}

}  // namespace shipshape
