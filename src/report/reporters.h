// Every output format shipshape can write, as pure functions from a Report to text. None of them
// does I/O, reads the clock or the environment, or throws: the same Report always renders to the
// same bytes, and the CLI decides where they go (and whether colour is wanted).
//
// Secrets: every reporter masks source excerpts by byte range (report::SecretMask: the rules'
// redactions plus credentials found by their form), masks the secrets a fix's new text carries,
// and masks credentials of a recognisable form in messages, which name variables, not values.
// A secret's value is never searched for in unrelated text. Control characters: text, gnu and
// Markdown print them as escapes; the XML and JSON formats encode them.
//
// Formats (FormatNames() order): text, json, sarif, markdown, html, checkstyle, junit, gitlab,
// codeclimate, gnu, sonarqube. Render() also accepts hadolint's names "tty" and
// "gitlab_codeclimate", and "md", so existing pipelines keep working.
//
// ---------------------------------------------------------------------------------------------
// JSON schema, version 1 (`--format json`). Keys of every object are sorted; arrays keep the
// report order (files by path, diagnostics by start offset then rule code). Lines and columns are
// 1-based; columns count Unicode code points; `end_column` is exclusive (the column just after
// the last character), as in SARIF. Additive changes keep `version`; anything else bumps it.
//
//   {
//     "diagnostics": [{
//       "category":   "security" | "reliability" | "efficiency" | "maintainability" | "style"
//                     | "correctness",
//       "column": int, "end_column": int, "end_line": int, "line": int,
//       "fix": null | {
//         "applicability": "safe" | "unsafe" | "display-only",
//         "edits": [{"column", "content", "end_column", "end_line", "line"}],
//         "title": string },
//       "message": string,
//       "name": string,          // the rule's kebab-case name
//       "path": string,
//       "related": [string],     // services, stages or files this finding also concerns
//       "rule": string,          // the rule code, e.g. "DF020"
//       "severity": "critical" | "error" | "warning" | "info" | "style" },
//     ...],
//     "files_scanned": int,
//     "fix_result": null | {"files_added": [string], "files_changed": [string], "fixed": int,
//                           "found": int, "left": int},
//     "mode": "check" | "fix" | "inspect",
//     "root": string,
//     "skipped": [{"path": string, "reason": string}],
//     "summary": {"critical": int, "error": int, "files_with_findings": int, "fixable": int,
//                 "info": int, "style": int, "total": int, "unsafe_fixable": int,
//                 "warning": int},
//     "tool": {"name": "shipshape", "version": string},
//     "version": 1
//   }
//
// `fixable` counts safe fixes (applied by `shipshape fix`), `unsafe_fixable` those that also
// need `--unsafe`.
// ---------------------------------------------------------------------------------------------
#ifndef SHIPSHAPE_REPORT_REPORTERS_H_
#define SHIPSHAPE_REPORT_REPORTERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"

namespace shipshape {

/// Compiler-style diagnostics with source excerpt, caret and fix hint, then a summary line.
std::string RenderText(const Report& report, const RenderOptions& opts);
/// The versioned JSON document described above.
std::string RenderJson(const Report& report, const RenderOptions& opts);
/// SARIF 2.1.0, one run, `columnKind: unicodeCodePoints`, with rules and fixes.
std::string RenderSarif(const Report& report, const RenderOptions& opts);
/// A Markdown audit report: executive summary, scores, findings per file, risk assessment,
/// phased recommendations and (after a fix run) what was fixed.
std::string RenderMarkdown(const Report& report, const RenderOptions& opts);
/// One self-contained HTML page (inline CSS, SVG charts and a small filter script).
std::string RenderHtml(const Report& report, const RenderOptions& opts);
/// Checkstyle 4.3 XML, as hadolint writes it (`source` is the rule code).
std::string RenderCheckstyle(const Report& report, const RenderOptions& opts);
/// JUnit XML: a testsuite per file, a testcase per (file, rule); one failure lists its findings.
std::string RenderJunit(const Report& report, const RenderOptions& opts);
/// GitLab Code Quality: a JSON array of Code Climate issues with stable fingerprints.
std::string RenderGitlab(const Report& report, const RenderOptions& opts);
/// Code Climate engine output: the same issue objects, each followed by a NUL byte (spec).
std::string RenderCodeclimate(const Report& report, const RenderOptions& opts);
/// GNU style: `path:line.col-endline.endcol: severity: message [CODE]`.
std::string RenderGnu(const Report& report, const RenderOptions& opts);
/// SonarQube generic issue import JSON (the `issues` format hadolint writes).
std::string RenderSonarqube(const Report& report, const RenderOptions& opts);

/// Renders `report` in `format` into `*out`. Returns false and sets `*err` for an unknown format
/// (or, defensively, if a renderer failed internally). Never throws.
bool Render(std::string_view format, const Report& report, const RenderOptions& opts,
            std::string* out, std::string* err);

/// The canonical format names, in documentation order.
std::vector<std::string_view> FormatNames();

}  // namespace shipshape

#endif  // SHIPSHAPE_REPORT_REPORTERS_H_
