// A single self-contained HTML page: inline CSS, inline SVG bar charts and a few lines of inline
// JavaScript for filtering. No external URL of any kind, so the file works offline and in
// artefact viewers with strict CSP-less sandboxes. Every piece of user text is escaped.
#include <algorithm>
#include <map>

#include "report/priorities.h"
#include "report/render_util.h"
#include "report/reporters.h"

namespace shipshape {
namespace {

using report::Item;
using report::XmlEscape;

struct Bar {
  std::string label;
  size_t value = 0;
  std::string_view color;
};

std::string_view SeverityColor(Severity s) {
  switch (s) {
    case Severity::kCritical: return "#7b1fa2";
    case Severity::kError: return "#d32f2f";
    case Severity::kWarning: return "#f9a825";
    case Severity::kInfo: return "#1976d2";
    case Severity::kStyle: return "#607d8b";
  }
  return "#607d8b";
}

/// Keeps at most `n` code points, adding an ellipsis when cut.
std::string Truncate(std::string_view s, size_t n) {
  size_t cps = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (cps++ == n) return std::string(s.substr(0, i)) + "…";
  }
  return std::string(s);
}

/// Keeps the last `n` code points (the informative end of a path), with a leading ellipsis.
std::string TruncateLeft(std::string_view s, size_t n) {
  size_t cps = 0;
  for (size_t i = s.size(); i-- > 0;) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (++cps == n) return i == 0 ? std::string(s) : "…" + std::string(s.substr(i));
  }
  return std::string(s);
}

std::string BarChart(std::string_view title, const std::vector<Bar>& bars, bool paths = false) {
  constexpr int kLabelW = 170, kBarW = 220, kRowH = 24, kTop = 30;
  size_t max = 1;
  for (const Bar& b : bars) max = std::max(max, b.value);
  const int height = kTop + static_cast<int>(bars.size()) * kRowH + 8;
  std::string out = "<figure class=\"chart\"><svg role=\"img\" width=\"" +
                    std::to_string(kLabelW + kBarW + 50) + "\" height=\"" +
                    std::to_string(height) + "\" viewBox=\"0 0 " +
                    std::to_string(kLabelW + kBarW + 50) + " " + std::to_string(height) +
                    "\"><title>" + XmlEscape(title) + "</title>";
  out += "<text x=\"0\" y=\"18\" class=\"ct\">" + XmlEscape(title) + "</text>";
  int y = kTop;
  for (const Bar& b : bars) {
    const int w = static_cast<int>(b.value * kBarW / max);
    out += "<text x=\"" + std::to_string(kLabelW - 6) + "\" y=\"" + std::to_string(y + 15) +
           "\" text-anchor=\"end\"><title>" + XmlEscape(b.label) + "</title>" +
           XmlEscape(paths ? TruncateLeft(b.label, 24) : Truncate(b.label, 24)) + "</text>";
    out += "<rect x=\"" + std::to_string(kLabelW) + "\" y=\"" + std::to_string(y + 3) +
           "\" width=\"" + std::to_string(w) + "\" height=\"16\" fill=\"" + std::string(b.color) +
           "\"/>";
    out += "<text x=\"" + std::to_string(kLabelW + w + 6) + "\" y=\"" + std::to_string(y + 15) +
           "\">" + std::to_string(b.value) + "</text>";
    y += kRowH;
  }
  if (bars.empty())
    out += "<text x=\"0\" y=\"" + std::to_string(kTop + 15) + "\">No findings</text>";
  out += "</svg></figure>\n";
  return out;
}

constexpr std::string_view kStyle = R"css(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{margin:0 0 4px}h2{margin-top:32px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
.meta{color:#57606a;margin:0 0 16px}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 16px;min-width:110px}
.card .n{font-size:26px;font-weight:700}.card .l{color:#57606a}
.charts{display:flex;flex-wrap:wrap;gap:16px}
.chart{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px;margin:0}
.chart text{font-size:12px;fill:#1f2328}.chart .ct{font-weight:700;font-size:13px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #d0d7de;padding:6px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eaeef2}
.sev{display:inline-block;padding:1px 6px;border-radius:10px;color:#fff;font-size:12px}
.sev-critical{background:#7b1fa2}.sev-error{background:#d32f2f}.sev-warning{background:#f9a825;color:#1f2328}
.sev-info{background:#1976d2}.sev-style{background:#607d8b}
pre{margin:6px 0 0;padding:6px;background:#f6f8fa;border-radius:4px;white-space:pre-wrap;font-size:12px}
.filters{display:flex;gap:8px;margin:8px 0;align-items:center}
.grade{font-weight:700}
code{font-size:12px}
)css";

// The filters, plus a self-check that runs only when the page is opened as `report.html#selftest`
// (src/report/browser_test.cc loads it so in headless Chromium). The self-check drives the real
// controls, counts the rows the browser actually lays out (getClientRects, so a CSS mistake that
// leaves "hidden" rows visible is caught), and writes what it saw into data-st-* attributes of
// <body>, which the test reads from Chromium's --dump-dom output.
constexpr std::string_view kScript = R"js(
(function(){
var sev=document.getElementById('f-sev'),cat=document.getElementById('f-cat'),txt=document.getElementById('f-text');
var rows=document.querySelectorAll('#findings tbody tr'),count=document.getElementById('f-count');
function apply(){
var s=sev.value,c=cat.value,t=txt.value.toLowerCase(),n=0;
for(var i=0;i<rows.length;i++){var r=rows[i];
var ok=(!s||r.getAttribute('data-severity')===s)&&(!c||r.getAttribute('data-category')===c)&&(!t||r.textContent.toLowerCase().indexOf(t)>=0);
r.hidden=!ok;if(ok)n++;}
count.textContent=n+' shown';}
sev.addEventListener('change',apply);cat.addEventListener('change',apply);txt.addEventListener('input',apply);apply();
if(location.hash!=='#selftest')return;
var b=document.body,fails=[];
function shown(){var n=0;for(var i=0;i<rows.length;i++)if(rows[i].getClientRects().length)n++;return n;}
function set(el,v,ev){el.value=v;el.dispatchEvent(new Event(ev));var n=shown();
if(count.textContent!==n+' shown')fails.push(el.id+'='+v+': counter says '+count.textContent+', '+n+' rows laid out');return n;}
function each(el,prefix){for(var i=1;i<el.options.length;i++){var v=el.options[i].value;b.setAttribute('data-st-'+prefix+'-'+v,set(el,v,'change'));}set(el,'','change');}
b.setAttribute('data-st-rows',rows.length);
b.setAttribute('data-st-shown',shown());
each(sev,'severity');
each(cat,'category');
var q=rows.length?rows[0].getAttribute('data-rule'):'';
b.setAttribute('data-st-text-query',q);
b.setAttribute('data-st-text',set(txt,q,'input'));
b.setAttribute('data-st-text-none',set(txt,'no such finding \u2603','input'));
set(txt,'','input');
if(shown()!==rows.length)fails.push('clearing the filters does not show every row');
var errs=window.__shipshapeErrors||[];
b.setAttribute('data-st-errors',errs.length);
b.setAttribute('data-selftest',fails.length||errs.length?'fail: '+fails.concat(errs).join('; '):'pass');
})();
)js";

/// Installed first thing in <head> so that the self-check can also see errors thrown before it
/// runs (uncaught exceptions, console.error). Does nothing without `#selftest`.
constexpr std::string_view kSelftestHook = R"js(
if(location.hash==='#selftest'){var e=window.__shipshapeErrors=[];
addEventListener('error',function(ev){e.push('uncaught: '+ev.message);});
var ce=console.error;console.error=function(){e.push('console.error: '+Array.prototype.join.call(arguments,' '));ce.apply(console,arguments);};}
)js";

/// No network, ever: everything the page needs is inline, and the policy makes the browser
/// refuse anything else (a violation shows up as a console error in the browser test).
constexpr std::string_view kCsp =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

std::string Card(std::string_view label, size_t n) {
  return "<div class=\"card\"><div class=\"n\">" + std::to_string(n) + "</div><div class=\"l\">" +
         XmlEscape(label) + "</div></div>";
}

}  // namespace

std::string RenderHtml(const Report& report, const RenderOptions&) {
  const std::vector<Item> items = report::Flatten(report, /*fingerprints=*/false);
  const report::Counts c = report::Count(items);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"" +
      std::string(kCsp) + "\">\n<script>" + std::string(kSelftestHook) + "</script>\n"
      "<title>shipshape report";
  if (!report.root.empty()) out += ": " + XmlEscape(report.root);
  out += "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<main>\n";
  out += "<h1>Docker infrastructure audit</h1>\n<p class=\"meta\">";
  if (!report.root.empty()) out += "<code>" + XmlEscape(report.root) + "</code> · ";
  out += "shipshape " + XmlEscape(report.tool_version) + " · mode " + XmlEscape(report.mode) +
         " · " + report::Plural(report.files.size(), "file", "files") + " scanned";
  if (!report.skipped.empty()) out += ", " + std::to_string(report.skipped.size()) + " skipped";
  out += "</p>\n";

  // Cards.
  out += "<section class=\"cards\">";
  out += Card("findings", c.total);
  out += Card("critical", c.of(Severity::kCritical));
  out += Card("errors", c.of(Severity::kError));
  out += Card("warnings", c.of(Severity::kWarning));
  out += Card("info", c.of(Severity::kInfo));
  out += Card("style", c.of(Severity::kStyle));
  out += Card("fixable (safe)", c.safe_fixes);
  out += Card("fixable (unsafe)", c.unsafe_fixes);
  out += Card("files scanned", report.files.size());
  out += Card("files with findings", c.files_with_findings);
  out += "</section>\n";

  // Charts.
  std::vector<Bar> by_sev;
  for (Severity s : report::kSeveritiesDesc)
    by_sev.push_back({std::string(SeverityName(s)), c.of(s), SeverityColor(s)});
  std::map<std::string_view, size_t> cat_counts;
  for (const Item& it : items) ++cat_counts[CategoryName(it.category)];
  std::vector<Bar> by_cat;
  for (const auto& [name, n] : cat_counts) by_cat.push_back({std::string(name), n, "#0969da"});
  std::map<std::string_view, size_t> file_counts;
  for (const Item& it : items) ++file_counts[it.path];
  std::vector<Bar> by_file;
  for (const auto& [path, n] : file_counts) by_file.push_back({std::string(path), n, "#57606a"});
  std::stable_sort(by_file.begin(), by_file.end(),
                   [](const Bar& a, const Bar& b) { return a.value > b.value; });
  if (by_file.size() > 10) by_file.resize(10);
  out += "<h2>Overview</h2>\n<section class=\"charts\">\n";
  out += BarChart("Findings by severity", by_sev);
  out += BarChart("Findings by category", by_cat);
  out += BarChart("Findings by file (top 10)", by_file, /*paths=*/true);
  out += "</section>\n";

  // Scores.
  const double units = report::AuditUnits(report);
  const std::vector<report::CategoryScore> scores = report::Scores(items, units);
  const report::CategoryScore overall = report::OverallScore(scores, units);
  out += "<h2>Scores</h2>\n<table class=\"scores\"><thead><tr><th>Category</th><th>Findings</th>"
         "<th>Penalty</th><th>Per unit</th><th>Score</th><th>Grade</th></tr></thead><tbody>\n";
  for (const report::CategoryScore& s : scores)
    out += "<tr><td>" + std::string(s.name) + "</td><td>" + std::to_string(s.findings) +
           "</td><td>" + std::to_string(s.penalty) + "</td><td>" + report::Fixed1(s.density) +
           "</td><td>" + std::to_string(s.score) + "</td><td class=\"grade\">" + s.grade +
           "</td></tr>\n";
  out += "<tr><th>overall</th><th>" + std::to_string(overall.findings) + "</th><th>" +
         std::to_string(overall.penalty) + "</th><th>" + report::Fixed1(overall.density) +
         "</th><th>" + std::to_string(overall.score) + "</th><th class=\"grade\">" +
         overall.grade + "</th></tr>\n</tbody></table>\n";
  out += "<p class=\"meta\">Audited: " + report::Fixed1(units) +
         " units (10 configuration lines each).</p>\n";
  out += "<p class=\"meta\">" + XmlEscape(report::ScoreFormulaText()) + "</p>\n";

  // Fix these first: entries ranked by severity x confidence, a service's hardening gaps as one.
  const std::vector<report::Entry> ranked = report::Ranked(report::Entries(items));
  if (!ranked.empty()) {
    out += "<h2>Fix these first</h2>\n<table class=\"priorities\"><thead><tr><th>#</th>"
           "<th>Severity</th><th>Where</th><th>Finding</th><th>Rule</th></tr></thead><tbody>\n";
    for (size_t i = 0; i < ranked.size() && i < 10; ++i) {
      const report::Entry& e = ranked[i];
      const Item& first = *e.items[0];
      out += "<tr><td>" + std::to_string(i + 1) + "</td><td class=\"sev-" +
             std::string(SeverityName(e.severity)) + "\">" + std::string(SeverityName(e.severity)) +
             "</td><td><code>" + XmlEscape(std::string(first.path) + ":" +
                                           std::to_string(first.pos.line)) +
             "</code></td><td>" + XmlEscape(report::EntryText(e)) + "</td><td><code>" +
             XmlEscape(e.grouped() ? report::GroupCodes(e) : std::string(first.code)) +
             "</code></td></tr>\n";
    }
    out += "</tbody></table>\n<p class=\"meta\">Ranked by severity (critical 25, error 10, "
           "warning 4, info 1) times confidence (1 for stable rules, 0.75 for a service's "
           "hardening gaps taken together, 0.5 for preview rules).</p>\n";
  }

  // Findings table with filters.
  out += "<h2>Findings</h2>\n<div class=\"filters\">"
         "<label>Severity <select id=\"f-sev\"><option value=\"\">all</option>";
  for (Severity s : report::kSeveritiesDesc)
    out += "<option>" + std::string(SeverityName(s)) + "</option>";
  out += "</select></label><label>Category <select id=\"f-cat\"><option value=\"\">all</option>";
  for (Category cat : {Category::kSecurity, Category::kReliability, Category::kEfficiency,
                       Category::kMaintainability, Category::kStyle, Category::kCorrectness})
    out += "<option>" + std::string(CategoryName(cat)) + "</option>";
  out += "</select></label><label>Text <input id=\"f-text\" type=\"search\"></label>"
         "<span id=\"f-count\"></span></div>\n";
  out += "<table id=\"findings\"><thead><tr><th>Location</th><th>Severity</th><th>Rule</th>"
         "<th>Category</th><th>Message</th><th>Fix</th></tr></thead><tbody>\n";
  for (const Item& it : items) {
    const Diagnostic& d = *it.diag;
    const std::string sev(SeverityName(d.severity));
    out += "<tr data-severity=\"" + sev + "\" data-category=\"" +
           std::string(CategoryName(it.category)) + "\" data-rule=\"" + XmlEscape(it.code) + "\">";
    out += "<td><code>" + XmlEscape(it.path) + ":" + std::to_string(it.pos.line) + ":" +
           std::to_string(it.pos.column) + "</code></td>";
    out += "<td><span class=\"sev sev-" + sev + "\">" + sev + "</span></td>";
    out += "<td><code>" + XmlEscape(it.code) + "</code> " + XmlEscape(it.name) + "</td>";
    out += "<td>" + std::string(CategoryName(it.category)) + "</td>";
    out += "<td>" + XmlEscape(it.message);
    uint32_t column = it.pos.column;
    const std::string line = report::ExcerptWindow(it.mask->Line(it.pos.line), &column);
    out += "<pre>" + std::to_string(it.pos.line) + " | " + XmlEscape(line) + "</pre></td>";
    out += "<td>";
    if (d.fix) {
      out += XmlEscape(report::SafeText(d.fix->title));
      out += " <em>(" + std::string(ApplicabilityName(d.fix->applicability)) + ")</em>";
    } else {
      out += "—";
    }
    out += "</td></tr>\n";
  }
  out += "</tbody></table>\n";
  if (items.empty()) out += "<p>No problems found.</p>\n";

  if (report.fix.present) {
    out += "<h2>Fix results</h2>\n<section class=\"cards\">";
    out += Card("issues found", report.fix.found);
    out += Card("issues fixed", report.fix.fixed);
    out += Card("issues left", report.fix.left);
    out += Card("files changed", report.fix.files_changed.size());
    out += Card("files added", report.fix.files_added.size());
    out += "</section>\n";
    if (!report.fix.fixed_by_rule.empty()) {
      out += "<table class=\"fixes\"><thead><tr><th>Rule</th><th>Fixes applied</th></tr></thead>"
             "<tbody>\n";
      for (const FixSummary::RuleFixes& r : report.fix.fixed_by_rule)
        out += "<tr><td><code>" + XmlEscape(r.code) + "</code> " + XmlEscape(r.name) + "</td><td>" +
               std::to_string(r.count) + "</td></tr>\n";
      out += "</tbody></table>\n";
    }
    out += "<ul>";
    std::vector<std::string> changed = report.fix.files_changed, added = report.fix.files_added;
    std::sort(changed.begin(), changed.end());
    std::sort(added.begin(), added.end());
    for (const std::string& f : changed) out += "<li>changed <code>" + XmlEscape(f) + "</code></li>";
    for (const std::string& f : added) out += "<li>added <code>" + XmlEscape(f) + "</code></li>";
    out += "</ul>\n";
  }
  if (!report.skipped.empty()) {
    out += "<h2>Skipped files</h2>\n<ul>";
    for (const SkippedFile& s : report.skipped)
      out += "<li><code>" + XmlEscape(s.path) + "</code>: " + XmlEscape(s.reason) + "</li>";
    out += "</ul>\n";
  }
  out += "</main>\n<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace shipshape
