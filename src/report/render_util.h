// Helpers shared by the reporters: a flat, sorted view of the findings with their line/column
// positions, counts, the category scores used by the Markdown and HTML reports, escaping for the
// markup formats, secret scrubbing and stable fingerprints. Internal to src/report/.
#ifndef SHIPSHAPE_REPORT_RENDER_UTIL_H_
#define SHIPSHAPE_REPORT_RENDER_UTIL_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"
#include "rules/rule.h"

namespace shipshape::report {

/// 1-based line and code-point column of a range; `end_column` is exclusive.
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
  uint32_t end_line = 1;
  uint32_t end_column = 1;
};
Position Locate(const SourceFile& file, TextRange range);

/// What of one file must never be shown: the redacted ranges of every diagnostic, the secrets
/// secrets::FindSecretsToMask sees in the text and, in an env file, every value. Masking is by
/// byte range only, never by searching for a secret's value in other text: a password `test`
/// leaves a service `test-db` alone. Built once per file, in time linear in the file and its
/// diagnostics; each query costs a binary search plus the ranges it overlaps, so rendering all
/// findings of a file is linear too (a per-finding scan of every redaction was quadratic).
class SecretMask {
 public:
  SecretMask(const SourceFile& file, const std::vector<Diagnostic>& diagnostics);
  /// Source line `line` (1-based, no line break) with masked bytes replaced by '*'.
  std::string Line(uint32_t line) const;
  /// `text`, which is the file's bytes from `offset` on, with masked bytes replaced by '*'.
  std::string Apply(std::string_view text, uint32_t offset) const;
  /// The replacement text of edit `e` of `fix`, masked: secrets it contains by their form, and
  /// the secrets of the lines the fix replaces wherever the new text holds such a line again
  /// (a fix that moves or re-indents lines carries their secrets along), and values of 8 bytes
  /// or more from those lines wherever they occur in it.
  std::string EditText(const Fix& fix, const Edit& e) const;
  /// Sorted, disjoint.
  const std::vector<TextRange>& ranges() const { return ranges_; }
  /// Ranges examined by Line/Apply so far: a work count for the complexity test.
  size_t visits() const { return visits_.load(std::memory_order_relaxed); }

 private:
  const SourceFile& file_;
  std::vector<TextRange> ranges_;
  mutable std::atomic<size_t> visits_{0};
};

/// One finding with everything a reporter needs about it.
struct Item {
  const FileResult* file = nullptr;
  const Diagnostic* diag = nullptr;
  std::shared_ptr<const SecretMask> mask;  ///< Shared by the items of one file.
  Position pos;
  std::string_view path;
  std::string_view code;     ///< Rule code, or "unknown" if the diagnostic has no rule.
  std::string_view name;
  Category category = Category::kMaintainability;
  std::string message;       ///< With credentials in it masked (rules never put one there).
  std::string fingerprint;   ///< Stable across line moves: hash of path, rule, line text.
};

/// Every finding, ordered by (path, start offset, code), whatever the input order. Fingerprints
/// (a SHA-256 per finding) are left empty unless asked for: only SARIF and the CI formats use them.
std::vector<Item> Flatten(const Report& report, bool fingerprints = true);

/// Files in path order (the report's, re-sorted defensively).
std::vector<const FileResult*> SortedFiles(const Report& report);

constexpr size_t kSeverityCount = 5;
/// Severities from most to least severe, the order every summary uses.
constexpr std::array<Severity, kSeverityCount> kSeveritiesDesc = {
    Severity::kCritical, Severity::kError, Severity::kWarning, Severity::kInfo, Severity::kStyle};

struct Counts {
  std::array<size_t, kSeverityCount> by_severity{};  ///< Indexed by static_cast<int>(Severity).
  size_t total = 0;
  size_t safe_fixes = 0;     ///< Applied by `shipshape fix`.
  size_t unsafe_fixes = 0;   ///< Need `--unsafe`.
  size_t suggestions = 0;    ///< Display-only fixes.
  size_t files_with_findings = 0;
  size_t of(Severity s) const { return by_severity[static_cast<size_t>(s)]; }
};
Counts Count(const std::vector<Item>& items);

// ---- Scoring (Markdown and HTML) ----
//
// Scores measure how dense the problems are in what was audited, so a large stack is not failed
// for being large and a small one not passed for being small:
//   units     = Σ over scanned files of max(1, configuration lines / 10), where a configuration
//               line is a non-blank, non-comment line (a Dockerfile instruction continued with
//               `\` counts once);
//   penalty   = Σ weight(severity) over a category's findings: critical 25, error 10, warning 4,
//               info 1, style 0;
//   density   = penalty / units;
//   score     = round(100 · 12 / (12 + density)), at most 69 while the category has a critical
//               finding (a hard-coded secret or a root-equivalent mount is never better than D).
// Grade: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F. `style` rules count toward maintainability and
// `correctness` toward reliability. Overall: the same formula over every finding.
struct CategoryScore {
  std::string_view name;  ///< "security", "reliability", "efficiency", "maintainability".
  size_t findings = 0;
  size_t critical = 0;
  int penalty = 0;
  double density = 0;     ///< penalty per audited unit.
  int score = 100;
  char grade = 'A';
};
int SeverityWeight(Severity s);
char Grade(int score);
/// Audited units of one file's text (see above); `dockerfile` joins `\` continuation lines.
double AuditUnits(std::string_view text, bool dockerfile);
/// Audited units of every scanned file of the report (at least 1).
double AuditUnits(const Report& report);
/// Score of `penalty` over `units`, capped when there are critical findings.
int DensityScore(int penalty, double units, size_t critical);
/// The four scored categories, in the order above.
std::vector<CategoryScore> Scores(const std::vector<Item>& items, double units);
CategoryScore OverallScore(const std::vector<CategoryScore>& scores, double units);
/// A one-paragraph description of the formula, for inclusion in reports.
std::string_view ScoreFormulaText();
/// `v` with one decimal ("12.5").
std::string Fixed1(double v);

// ---- Rules ----
struct RuleUse {
  const Rule* rule = nullptr;  ///< May be null for rule-less diagnostics.
  std::string_view code;
  std::string_view name;
  Severity severity = Severity::kInfo;  ///< Highest among its findings.
  Category category = Category::kMaintainability;
  size_t findings = 0;
  std::vector<std::string_view> files;  ///< Sorted, unique.
  size_t safe_fixes = 0;
  size_t unsafe_fixes = 0;
};
/// The rules that produced findings, sorted by code.
std::vector<RuleUse> RulesUsed(const std::vector<Item>& items);

// ---- Text helpers ----
/// Text a rule wrote (a message, a fix title, a related name) with credentials in it masked by
/// their form (secrets::FindSecretsByForm: tokens, URL passwords, `curl -u`...). Rules name
/// variables, not values (the inline-case driver checks it); this catches a command line or URL
/// a message quotes. `name: value` patterns are left alone: in prose they are sentences.
std::string SafeText(std::string_view text);
/// XML/HTML escaping of text and attribute values; drops characters XML 1.0 forbids and writes
/// line breaks as character references, so no output line starts with text from a file.
std::string XmlEscape(std::string_view s);
/// Percent-encodes a relative path for use as a URI reference (keeps '/').
std::string UriEncode(std::string_view path);
/// Lower-case hex SHA-256.
std::string Sha256Hex(std::string_view data);
/// Number of Unicode code points in `s` (UTF-8; invalid bytes count one each).
size_t CodePoints(std::string_view s);
/// Longest source line shown whole in an excerpt, in code points.
inline constexpr uint32_t kMaxExcerptWidth = 200;
/// `line` cut to at most kMaxExcerptWidth code points around column `*col` (1-based) with "..."
/// where it was cut; `*col` is moved to the same character of the result. A 10 MB line in a file
/// must not put 10 MB into the report once per finding on it.
std::string ExcerptWindow(std::string_view line, uint32_t* col);
/// "1 error" / "2 errors".
std::string Plural(size_t n, std::string_view one, std::string_view many);
std::string_view FixTag(Applicability a);  ///< "", "(unsafe)", "(suggestion)".

}  // namespace shipshape::report

#endif  // SHIPSHAPE_REPORT_RENDER_UTIL_H_
