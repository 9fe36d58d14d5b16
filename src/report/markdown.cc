// The Markdown audit report, shaped like a hand-written Docker audit: executive summary per
// component, findings by severity, category scores, findings per file, a risk assessment, phased
// recommendations and, after `shipshape fix`, what was fixed. No dates: the same Report renders
// to the same bytes.
#include <algorithm>
#include <map>

#include "report/priorities.h"
#include "report/render_util.h"
#include "report/reporters.h"

namespace shipshape {
namespace {

using report::Item;
using report::RuleUse;

/// Escapes text for a table cell or running text.
std::string Cell(std::string_view s) {
  std::string out;
  // Control characters (ESC...) are shown as escapes; line breaks become blanks.
  for (char ch : EscapeControls(s, "\t\n\r")) {
    switch (ch) {
      case '|': out += "\\|"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\n':
      case '\r': out += ' '; break;
      default: out += ch;
    }
  }
  return out;
}

/// An inline code span that survives backticks in `s`.
std::string Code(std::string_view s) {
  std::string body = Cell(s);
  const bool tick = body.find('`') != std::string::npos;
  const std::string fence = tick ? "`` " : "`";
  const std::string close = tick ? " ``" : "`";
  return fence + body + close;
}

enum Component { kDockerfiles, kCompose, kContext };

Component ComponentOf(FileKind k) {
  switch (k) {
    case FileKind::kDockerfile: return kDockerfiles;
    case FileKind::kCompose: return kCompose;
    default: return kContext;
  }
}

std::string_view StatusIcon(size_t findings, Severity highest) {
  if (findings == 0 || highest <= Severity::kInfo) return "✅ OK";
  if (highest == Severity::kWarning) return "⚠️ Needs attention";
  return "❌ Action required";
}

enum Phase { kImmediate, kShortTerm, kMediumTerm };

Phase PhaseOf(const RuleUse& u) {
  if (u.severity == Severity::kCritical) return kImmediate;
  if (u.severity == Severity::kError &&
      (u.category == Category::kSecurity || u.category == Category::kCorrectness))
    return kImmediate;
  if (u.severity >= Severity::kWarning) return kShortTerm;
  return kMediumTerm;
}

std::string_view PhaseName(Phase p) {
  switch (p) {
    case kImmediate: return "Immediate";
    case kShortTerm: return "Short term";
    case kMediumTerm: return "Medium term";
  }
  return "Medium term";
}

std::string FixAdvice(const RuleUse& u) {
  const size_t fixable = u.safe_fixes + u.unsafe_fixes;
  if (fixable == 0) return "manual fix";
  if (u.safe_fixes == u.findings) return "auto-fixable with `shipshape fix`";
  if (u.unsafe_fixes == u.findings)
    return "auto-fixable with `shipshape fix --unsafe` (review the change)";
  std::string how;
  if (u.safe_fixes) how = std::to_string(u.safe_fixes) + " with `shipshape fix`";
  if (u.unsafe_fixes)
    how += (how.empty() ? "" : ", ") + std::to_string(u.unsafe_fixes) +
           " with `shipshape fix --unsafe`";
  if (fixable == u.findings) return "auto-fixable: " + how;
  return std::to_string(fixable) + " of " + std::to_string(u.findings) + " auto-fixable (" + how +
         "); fix the rest by hand";
}

std::string FixCell(const Diagnostic& d) {
  if (!d.fix) return "—";
  std::string label;
  switch (d.fix->applicability) {
    case Applicability::kSafe: label = "✅ safe"; break;
    case Applicability::kUnsafe: label = "⚠️ unsafe"; break;
    case Applicability::kDisplayOnly: label = "💡 suggestion"; break;
  }
  return label + ": " + Cell(report::SafeText(d.fix->title));
}

/// The fix cell of an entry: its finding's fix, or for a service's hardening gaps what
/// `shipshape fix` can do about them together.
std::string EntryFixCell(const report::Entry& e) {
  if (!e.grouped()) return FixCell(*e.items[0]->diag);
  size_t safe = 0, unsafe = 0, advice = 0;
  for (const Item* it : e.items) {
    if (!it->diag->fix) continue;
    switch (it->diag->fix->applicability) {
      case Applicability::kSafe: ++safe; break;
      case Applicability::kUnsafe: ++unsafe; break;
      case Applicability::kDisplayOnly: ++advice; break;
    }
  }
  std::string out;
  if (safe) out += "✅ " + std::to_string(safe) + " with `shipshape fix`";
  if (unsafe) out += std::string(out.empty() ? "" : ", ") + "⚠️ " + std::to_string(unsafe) +
                     " with `shipshape fix --unsafe`";
  const size_t by_hand = e.items.size() - safe - unsafe;
  if (by_hand) out += std::string(out.empty() ? "" : ", ") + "💡 " + std::to_string(by_hand) +
                      (advice ? " suggested" : " by hand");
  return out;
}

std::string EntryRuleCell(const report::Entry& e) {
  if (!e.grouped()) return Code(e.items[0]->code) + " " + Cell(e.items[0]->name);
  return Code(report::GroupCodes(e)) + " service hardening";
}

}  // namespace

std::string RenderMarkdown(const Report& report, const RenderOptions&) {
  const std::vector<Item> items = report::Flatten(report, /*fingerprints=*/false);
  const report::Counts counts = report::Count(items);
  const std::vector<const FileResult*> files = report::SortedFiles(report);
  std::string out;

  out += "# Docker infrastructure audit";
  if (!report.root.empty()) out += ": " + Code(report.root);
  out += "\n\n";
  out += "Generated by shipshape";
  if (!report.tool_version.empty()) out += " " + Cell(report.tool_version);
  out += " (mode: " + Cell(report.mode) + "). " +
         report::Plural(report.files.size(), "file", "files") + " scanned";
  if (!report.skipped.empty()) out += ", " + std::to_string(report.skipped.size()) + " skipped";
  out += ".\n\n";

  // ---- Executive summary ----
  struct Row {
    size_t files = 0;
    size_t findings = 0;
    Severity highest = Severity::kStyle;
  };
  Row rows[3];
  for (const FileResult* f : files) ++rows[ComponentOf(f->file->kind)].files;
  for (const Item& it : items) {
    Row& r = rows[ComponentOf(it.file->file->kind)];
    if (r.findings == 0 || it.diag->severity > r.highest) r.highest = it.diag->severity;
    ++r.findings;
  }
  out += "## Executive summary\n\n";
  out += "| Component | Files | Findings | Highest severity | Status |\n";
  out += "|-----------|------:|---------:|------------------|--------|\n";
  const char* names[3] = {"Dockerfiles", "Compose files",
                          "Context files (.dockerignore, .env, entrypoints)"};
  for (int i = 0; i < 3; ++i) {
    const Row& r = rows[i];
    out += "| " + std::string(names[i]) + " | " + std::to_string(r.files) + " | " +
           std::to_string(r.findings) + " | " +
           (r.findings ? std::string(SeverityName(r.highest)) : std::string("—")) + " | " +
           std::string(r.files == 0 ? "➖ None scanned" : StatusIcon(r.findings, r.highest)) +
           " |\n";
  }
  out += "\n";
  if (counts.total == 0) {
    out += "No problems found.\n\n";
  } else {
    out += "**" + report::Plural(counts.total, "finding", "findings") + "** in " +
           report::Plural(counts.files_with_findings, "file", "files") + "; " +
           std::to_string(counts.safe_fixes) + " fixable with `shipshape fix`, " +
           std::to_string(counts.unsafe_fixes) + " more with `shipshape fix --unsafe`, " +
           std::to_string(counts.suggestions) + " with a suggested change.\n\n";
  }

  // ---- Fix these first ----
  // Every finding ranked by severity weight x confidence; a service's routine hardening gaps
  // count as one entry, so they do not crowd out what matters.
  const std::vector<report::Entry> entries = report::Entries(items);
  if (!entries.empty()) {
    const std::vector<report::Entry> ranked = report::Ranked(entries);
    const size_t shown = std::min<size_t>(ranked.size(), 10);
    out += "## Fix these first\n\n";
    out += "The " + report::Plural(shown, "entry", "entries") +
           " that weigh most: severity (critical 25, error 10, warning 4, info 1) times confidence "
           "(1 for stable rules, 0.75 for a service's hardening gaps taken together, 0.5 for "
           "preview rules).\n\n";
    out += "| # | Severity | Where | Finding | Rule | Fix |\n";
    out += "|--:|----------|-------|---------|------|-----|\n";
    for (size_t i = 0; i < shown; ++i) {
      const report::Entry& e = ranked[i];
      const Item& first = *e.items[0];
      out += "| " + std::to_string(i + 1) + " | " + std::string(SeverityName(e.severity)) + " | " +
             Code(std::string(first.path) + ":" + std::to_string(first.pos.line)) + " | " +
             Cell(report::EntryText(e)) + " | " + EntryRuleCell(e) + " | " + EntryFixCell(e) +
             " |\n";
    }
    out += "\n";
  }

  // ---- Findings by severity ----
  out += "## Findings by severity\n\n";
  out += "| Severity | Findings | Auto-fixable |\n|----------|---------:|-------------:|\n";
  std::map<Severity, size_t> fixable;
  for (const Item& it : items)
    if (it.diag->fix && it.diag->fix->applicability != Applicability::kDisplayOnly)
      ++fixable[it.diag->severity];
  for (Severity s : report::kSeveritiesDesc)
    out += "| " + std::string(SeverityName(s)) + " | " + std::to_string(counts.of(s)) + " | " +
           std::to_string(fixable[s]) + " |\n";
  out += "| **total** | **" + std::to_string(counts.total) + "** | **" +
         std::to_string(counts.safe_fixes + counts.unsafe_fixes) + "** |\n\n";

  // ---- Scores ----
  const double units = report::AuditUnits(report);
  const std::vector<report::CategoryScore> scores = report::Scores(items, units);
  const report::CategoryScore overall = report::OverallScore(scores, units);
  out += "## Scores by category\n\n";
  out += "Audited: " + report::Fixed1(units) + " units (10 configuration lines each).\n\n";
  out += "| Category | Findings | Penalty | Per unit | Score | Grade |\n";
  out += "|----------|---------:|--------:|---------:|------:|:-----:|\n";
  for (const report::CategoryScore& s : scores)
    out += "| " + std::string(s.name) + " | " + std::to_string(s.findings) + " | " +
           std::to_string(s.penalty) + " | " + report::Fixed1(s.density) + " | " +
           std::to_string(s.score) + " | " + s.grade + " |\n";
  out += "| **overall** | " + std::to_string(overall.findings) + " | " +
         std::to_string(overall.penalty) + " | " + report::Fixed1(overall.density) + " | **" +
         std::to_string(overall.score) + "** | **" + overall.grade + "** |\n\n";
  out += "*How scores are computed:* " + std::string(report::ScoreFormulaText()) + "\n\n";

  // ---- Findings by file ----
  out += "## Findings by file\n\n";
  // One row per entry: a service's hardening gaps share a row, their codes listed.
  std::map<const FileResult*, std::vector<const report::Entry*>> by_file;
  size_t findings_in_file = 0;
  for (const report::Entry& e : entries) by_file[e.items[0]->file].push_back(&e);
  std::vector<const FileResult*> clean;
  for (const FileResult* f : files) {
    const auto found = by_file.find(f);
    if (found == by_file.end()) {
      clean.push_back(f);
      continue;
    }
    findings_in_file = 0;
    for (const report::Entry* e : found->second) findings_in_file += e->items.size();
    out += "### " + Code(f->file->path) + " (" + std::string(FileKindName(f->file->kind)) + ", " +
           report::Plural(findings_in_file, "finding", "findings") + ")\n\n";
    out += "| Line | Severity | Rule | Message | Fix |\n";
    out += "|-----:|----------|------|---------|-----|\n";
    for (const report::Entry* e : found->second)
      out += "| " + std::to_string(e->items[0]->pos.line) + " | " +
             std::string(SeverityName(e->severity)) + " | " + EntryRuleCell(*e) + " | " +
             Cell(report::EntryText(*e)) + " | " + EntryFixCell(*e) + " |\n";
    out += "\n";
  }
  if (!clean.empty()) {
    out += "Files with no findings:";
    for (size_t i = 0; i < clean.size(); ++i)
      out += std::string(i ? ", " : " ") + Code(clean[i]->file->path);
    out += ".\n\n";
  }
  if (files.empty()) out += "No files were scanned.\n\n";

  // ---- Risk assessment ----
  std::vector<RuleUse> rules = report::RulesUsed(items);
  std::stable_sort(rules.begin(), rules.end(), [](const RuleUse& a, const RuleUse& b) {
    return a.severity > b.severity;  // Stable: ties stay in code order.
  });
  out += "## Risk assessment\n\n";
  if (rules.empty()) {
    out += "No risks identified.\n\n";
  } else {
    out += "| Rule | Severity | Category | Impact | Findings | Files | When to act |\n";
    out += "|------|----------|----------|--------|---------:|------:|-------------|\n";
    for (const RuleUse& u : rules) {
      const std::string impact =
          u.rule && !u.rule->summary.empty() ? Cell(u.rule->summary) : Cell(u.name);
      out += "| " + Code(u.code) + " " + Cell(u.name) + " | " +
             std::string(SeverityName(u.severity)) + " | " +
             std::string(CategoryName(u.category)) + " | " + impact + " | " +
             std::to_string(u.findings) + " | " + std::to_string(u.files.size()) + " | " +
             std::string(PhaseName(PhaseOf(u))) + " |\n";
    }
    out += "\n*When to act:* immediately for critical findings and for errors in security or "
           "correctness (a build that fails, a leaked credential); in the short term for other "
           "errors and for warnings; in the medium term for info and style findings.\n\n";
  }

  // ---- Recommendations ----
  out += "## Recommendations\n\n";
  const char* phase_titles[3] = {"### Phase 1: Immediate\n\n", "### Phase 2: Short term\n\n",
                                 "### Phase 3: Medium term\n\n"};
  for (int p = 0; p < 3; ++p) {
    out += phase_titles[p];
    bool any = false;
    for (const RuleUse& u : rules) {
      if (PhaseOf(u) != p) continue;
      any = true;
      out += "- **" + Cell(u.code) + "** " + Cell(u.name);
      if (u.rule && !u.rule->summary.empty()) out += ": " + Cell(u.rule->summary);
      out += " — " + report::Plural(u.findings, "finding", "findings") + " in " +
             report::Plural(u.files.size(), "file", "files") + " (";
      for (size_t i = 0; i < u.files.size(); ++i) out += (i ? ", " : "") + Code(u.files[i]);
      out += "); " + FixAdvice(u) + ".\n";
    }
    if (!any) out += "Nothing to do in this phase.\n";
    out += "\n";
  }

  // ---- Fix results ----
  if (report.fix.present) {
    out += "## Fix results\n\n";
    out += "| Issues found | Issues fixed | Issues left | Files changed | Files added |\n";
    out += "|-------------:|-------------:|------------:|--------------:|------------:|\n";
    out += "| " + std::to_string(report.fix.found) + " | " + std::to_string(report.fix.fixed) +
           " | " + std::to_string(report.fix.left) + " | " +
           std::to_string(report.fix.files_changed.size()) + " | " +
           std::to_string(report.fix.files_added.size()) + " |\n\n";
    std::vector<std::string> changed = report.fix.files_changed;
    std::vector<std::string> added = report.fix.files_added;
    std::sort(changed.begin(), changed.end());
    std::sort(added.begin(), added.end());
    if (!report.fix.fixed_by_rule.empty()) {
      out += "### Fixes applied\n\n| Rule | Name | Fixes |\n|------|------|------:|\n";
      for (const FixSummary::RuleFixes& r : report.fix.fixed_by_rule)
        out += "| " + Code(r.code) + " | " + Cell(r.name) + " | " + std::to_string(r.count) + " |\n";
      out += "\n";
    }
    if (!changed.empty()) {
      out += "### Files changed\n\n";
      for (const std::string& f : changed) out += "- " + Code(f) + "\n";
      out += "\n";
    }
    if (!added.empty()) {
      out += "### Files added\n\n";
      for (const std::string& f : added) out += "- " + Code(f) + "\n";
      out += "\n";
    }
  }

  // ---- Skipped ----
  if (!report.skipped.empty()) {
    out += "## Skipped files\n\n| File | Reason |\n|------|--------|\n";
    for (const SkippedFile& s : report.skipped)
      out += "| " + Code(s.path) + " | " + Cell(s.reason) + " |\n";
    out += "\n";
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
    out.pop_back();
  return out;
}

}  // namespace shipshape
