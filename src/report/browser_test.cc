// The HTML report in a real browser. Golden files (reporters_test.cc) pin the bytes; this test
// checks what the bytes do: it renders a representative report, opens it in headless Chromium as
// `report.html#selftest`, and reads back the DOM after the page's scripts ran. The page's own
// self-check (src/report/html.cc) drives the filter controls and writes what it saw into
// data-st-* attributes of <body>.
//
// Chromium is found as $SHIPSHAPE_CHROMIUM, else `chromium`, `chromium-browser`, `google-chrome`
// or `google-chrome-stable` on PATH (Debian's package is `chromium`, installed by
// scripts/bootstrap). Without one the tests skip, unless SHIPSHAPE_REQUIRE_CHROMIUM=1 (set it in
// CI), in which case they fail.
//
// Flags, and why:
//   --headless=new           the real browser without a display (no X server in CI);
//   --no-sandbox             Chromium refuses to start as root with its sandbox (CI containers
//                            and this build machine run as root; the page is our own output);
//   --disable-gpu            no GPU in containers;
//   --disable-dev-shm-usage  containers often have a 64 MB /dev/shm, too small for Chromium
//                            (Debian's launcher adds it itself only when its size check works);
//   --user-data-dir=TMP, --no-first-run, --disable-extensions, --disable-sync,
//   --disable-background-networking, --disable-component-update
//                            a throwaway profile; nothing is fetched and $HOME is not touched;
//   --enable-logging=stderr --v=0
//                            console messages and uncaught exceptions go to stderr;
//   --virtual-time-budget=2000
//                            let timers and load events run before the DOM is dumped;
//   --dump-dom               print the DOM (after scripts) to stdout and exit.
//
// What Chromium 1xx prints for page console output (checked with Chromium 156, Debian 12):
//   [pid:tid:date/time:INFO:CONSOLE:2] "error line", source: file:///.../t.html (2)
//   [pid:tid:date/time:INFO:CONSOLE:4] "Uncaught Error: boom", source: file:///.../t.html (4)
// Every level (log, warn, error) is logged at INFO for web pages: only builtin chrome:// pages
// keep the console level. So the level cannot be told apart from the log line, and the report
// page logs nothing on purpose: any CONSOLE line fails the test (older releases print
// `CONSOLE(2)`; both forms are matched), as does any line with "Uncaught". The page's own hook
// also counts console.error calls and error events (data-st-errors). ERROR lines from dbus and the
// GPU process are environment noise, not page errors, and are ignored.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "report/reporters.h"
#include "rules/rule.h"
#include "testing/spawn.h"

// Test data uses designated initializers that leave defaulted members out.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

constexpr int kTimeoutSeconds = 60;
constexpr std::string_view kSecret = "ghp_Zx81kQ0pLmN4vB7cR2tY";

/// The Chromium to use, or empty.
std::string FindChromium() {
  if (const char* env = std::getenv("SHIPSHAPE_CHROMIUM"); env && *env) return env;
  const char* path = std::getenv("PATH");
  std::string dirs = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
    std::stringstream ss(dirs);
    for (std::string dir; std::getline(ss, dir, ':');) {
      if (dir.empty()) continue;
      const std::string candidate = dir + "/" + name;
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
  }
  return {};
}

bool ChromiumRequired() {
  const char* v = std::getenv("SHIPSHAPE_REQUIRE_CHROMIUM");
  return v && std::string_view(v) == "1";
}

struct BrowserRun {
  int exit_code = -1;
  bool timed_out = false;
  std::string dom;     ///< stdout of --dump-dom.
  std::string log;     ///< stderr.
};

/// Runs headless Chromium on `url` in its own process group (so a timeout kills the renderer and
/// GPU helpers too), without a shell.
BrowserRun DumpDom(const std::string& chromium, const fs::path& work, const std::string& url) {
  BrowserRun r;
  const fs::path out = work / "dom.html", err = work / "chromium.log";
  const std::vector<std::string> args = {
      chromium,
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--user-data-dir=" + (work / "profile").string(),
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-extensions",
      "--disable-sync",
      "--disable-background-networking",
      "--disable-component-update",
      "--enable-logging=stderr",
      "--v=0",
      "--virtual-time-budget=2000",
      "--dump-dom",
      url,
  };
  test::SpawnOptions so;
  so.argv = args;
  so.stdout_path = out.string();
  so.stderr_path = err.string();
  so.timeout_s = kTimeoutSeconds;
  so.new_process_group = true;
  test::SpawnResult s = test::Spawn(so);
  if (!s.error.empty()) {
    r.log = "cannot start " + chromium + ": " + s.error;
    return r;
  }
  r.timed_out = s.timed_out;
  r.exit_code = s.code;
  r.dom = std::move(s.out);
  r.log = std::move(s.err);
  return r;
}

/// Lines of Chromium's log that report a page error: console output or an uncaught exception.
std::vector<std::string> PageErrors(const std::string& log) {
  static const std::regex kConsole(R"(:CONSOLE[:(]\d+)");
  std::vector<std::string> bad;
  std::stringstream ss(log);
  for (std::string line; std::getline(ss, line);)
    if (std::regex_search(line, kConsole) || line.find("Uncaught") != std::string::npos)
      bad.push_back(line);
  return bad;
}

/// The attributes of the dumped <body> element.
std::map<std::string, std::string> BodyAttributes(const std::string& dom) {
  std::map<std::string, std::string> attrs;
  std::smatch body;
  if (!std::regex_search(dom, body, std::regex(R"(<body([^>]*)>)"))) return attrs;
  const std::string tag = body[1];
  static const std::regex kAttr(R"re(([a-z0-9-]+)="([^"]*)")re");
  for (auto it = std::sregex_iterator(tag.begin(), tag.end(), kAttr); it != std::sregex_iterator();
       ++it)
    attrs[(*it)[1]] = (*it)[2];
  return attrs;
}

/// The number on the summary card labelled `label`, or -1.
long Card(const std::string& dom, const std::string& label) {
  std::smatch m;
  if (!std::regex_search(dom, m,
                         std::regex("<div class=\"n\">(\\d+)</div><div class=\"l\">" + label +
                                    "</div>")))
    return -1;
  return std::stol(m[1]);
}

class BrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    chromium_ = FindChromium();
    if (chromium_.empty()) {
      if (ChromiumRequired())
        FAIL() << "SHIPSHAPE_REQUIRE_CHROMIUM=1 but no chromium binary was found "
                  "(install Debian's `chromium`: scripts/bootstrap)";
      GTEST_SKIP() << "no chromium binary on PATH (install Debian's `chromium` with "
                      "scripts/bootstrap, or set SHIPSHAPE_CHROMIUM); HTML browser test skipped";
    }
    char tmpl[] = "/tmp/shipshape-browser-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }

  BrowserRun Open(const std::string& name, const std::string& html, const std::string& hash) {
    const fs::path page = dir_ / name;
    std::ofstream(page, std::ios::binary) << html;
    return DumpDom(chromium_, dir_, "file://" + page.string() + hash);
  }

  std::string chromium_;
  fs::path dir_;
};

// ---- A representative report: three files, every severity, fixes, a redacted secret ----

const Rule kCritical{.code = "DF050", .name = "secret-in-env",
                     .summary = "A credential is baked into the image",
                     .severity = Severity::kCritical, .category = Category::kSecurity,
                     .fix = FixAvailability::kSometimes};
const Rule kError{.code = "DF020", .name = "add-for-local-files", .summary = "ADD for local files",
                  .severity = Severity::kError, .category = Category::kMaintainability,
                  .fix = FixAvailability::kAlways};
const Rule kWarning{.code = "DF001", .name = "image-uses-latest-tag", .summary = "Unpinned image",
                    .severity = Severity::kWarning, .category = Category::kReliability,
                    .fix = FixAvailability::kSometimes};
const Rule kInfo{.code = "DF060", .name = "apt-lists-not-removed", .summary = "apt lists left",
                 .severity = Severity::kInfo, .category = Category::kEfficiency};
const Rule kStyle{.code = "DF070", .name = "label-with-markup", .summary = "Label <markup>",
                  .severity = Severity::kStyle, .category = Category::kStyle};
const Rule kRestart{.code = "DC010", .name = "service-without-restart-policy",
                    .summary = "No restart policy", .target = Target::kCompose,
                    .severity = Severity::kWarning, .category = Category::kReliability,
                    .fix = FixAvailability::kAlways};
const Rule kEnvSecret{.code = "DX030", .name = "secret-in-env-file",
                      .summary = "A credential in a .env file", .target = Target::kContext,
                      .severity = Severity::kCritical, .category = Category::kSecurity};

TextRange Find(std::string_view text, std::string_view needle) {
  const size_t at = text.find(needle);
  EXPECT_NE(at, std::string_view::npos) << needle;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

struct Sample {
  SourceFile dockerfile, compose, env;
  Report report;

  Sample() {
    dockerfile.path = "api/Dockerfile";
    dockerfile.kind = FileKind::kDockerfile;
    dockerfile.text =
        "FROM python:latest\n"
        "ADD app.py /app/\n"
        "RUN apt-get update && apt-get install -y curl\n"
        "ENV GITHUB_TOKEN=ghp_Zx81kQ0pLmN4vB7cR2tY\n"
        "LABEL note=\"<script>alert(1)</script> & more\"\n";
    compose.path = "compose.yaml";
    compose.kind = FileKind::kCompose;
    compose.text = "services:\n  web:\n    image: nginx:1.27\n  api:\n    build: ./api\n";
    env.path = ".env";
    env.kind = FileKind::kEnv;
    env.text = "GITHUB_TOKEN=ghp_Zx81kQ0pLmN4vB7cR2tY\n";

    const std::string_view df = dockerfile.text;
    FileResult f1{&dockerfile, {}};
    Diagnostic latest{.rule = &kWarning, .severity = Severity::kWarning,
                      .range = Find(df, "python:latest"), .message = "Image `python:latest` is not pinned"};
    latest.fix = Fix{.title = "Pin to python:3.12", .applicability = Applicability::kUnsafe,
                     .edits = {Edit::Replace(Find(df, "latest"), "3.12")}};
    f1.diagnostics.push_back(std::move(latest));
    Diagnostic add{.rule = &kError, .severity = Severity::kError, .range = Find(df, "ADD"),
                   .message = "ADD used for local files; use COPY"};
    add.fix = Fix{.title = "Replace ADD with COPY", .applicability = Applicability::kSafe,
                  .edits = {Edit::Replace(Find(df, "ADD"), "COPY")}};
    f1.diagnostics.push_back(std::move(add));
    f1.diagnostics.push_back(Diagnostic{.rule = &kInfo, .severity = Severity::kInfo,
                                        .range = Find(df, "apt-get install -y curl"),
                                        .message = "Remove /var/lib/apt/lists after install"});
    Diagnostic secret{.rule = &kCritical, .severity = Severity::kCritical,
                      .range = Find(df, "GITHUB_TOKEN=ghp_Zx81kQ0pLmN4vB7cR2tY"),
                      .message = "GITHUB_TOKEN holds a credential"};
    secret.redactions.push_back(Find(df, kSecret));
    f1.diagnostics.push_back(std::move(secret));
    // Markup in user text must stay text: an injected <script> would run in the page.
    f1.diagnostics.push_back(Diagnostic{.rule = &kStyle, .severity = Severity::kStyle,
                                        .range = Find(df, "<script>"),
                                        .message = "Label has <script>alert(1)</script> markup"});

    FileResult f2{&compose, {}};
    for (const char* service : {"web", "api"}) {
      Diagnostic d{.rule = &kRestart, .severity = Severity::kWarning,
                   .range = Find(compose.text, std::string("  ") + service + ":"),
                   .message = std::string("Service `") + service + "` has no restart policy"};
      d.fix = Fix{.title = "Add restart: unless-stopped", .applicability = Applicability::kSafe,
                  .edits = {Edit::Insert(Find(compose.text, std::string(service) + ":").end,
                                         "\n    restart: unless-stopped")}};
      f2.diagnostics.push_back(std::move(d));
    }

    FileResult f3{&env, {}};
    Diagnostic env_secret{.rule = &kEnvSecret, .severity = Severity::kCritical,
                          .range = Find(env.text, "GITHUB_TOKEN"),
                          .message = "GITHUB_TOKEN looks like a GitHub token"};
    env_secret.redactions.push_back(Find(env.text, kSecret));
    f3.diagnostics.push_back(std::move(env_secret));

    report.tool_version = "0.1.0";
    report.root = ".";
    report.mode = "fix";
    report.files.push_back(std::move(f3));
    report.files.push_back(std::move(f1));
    report.files.push_back(std::move(f2));
    report.fix.present = true;
    report.fix.found = 10;
    report.fix.fixed = 2;
    report.fix.left = 8;
    report.fix.files_changed = {"compose.yaml"};
    report.fix.files_added = {"api/.dockerignore"};
    report.fix.fixed_by_rule = {{"DC010", "service-without-restart-policy", 1},
                                {"DF020", "add-for-local-files", 1}};
  }
};

TEST_F(BrowserTest, ReportRendersAndFiltersWork) {
  Sample s;
  std::string html, err;
  ASSERT_TRUE(Render("html", s.report, {}, &html, &err)) << err;
  const BrowserRun run = Open("report.html", html, "#selftest");
  ASSERT_FALSE(run.timed_out) << "chromium did not finish in " << kTimeoutSeconds << " s\n"
                              << run.log;
  ASSERT_EQ(run.exit_code, 0) << run.log;
  const std::vector<std::string> errors = PageErrors(run.log);
  EXPECT_TRUE(errors.empty()) << "page errors:\n" << testing::PrintToString(errors);
  ASSERT_NE(run.dom.find("</html>"), std::string::npos) << "no DOM dumped:\n" << run.log;

  const std::map<std::string, std::string> a = BodyAttributes(run.dom);
  ASSERT_EQ(a.count("data-selftest"), 1u) << "the self-check did not run:\n" << run.dom;
  EXPECT_EQ(a.at("data-selftest"), "pass");
  EXPECT_EQ(a.at("data-st-errors"), "0");

  // Counts: 8 findings; by severity 2 critical, 1 error, 3 warnings, 1 info, 1 style.
  const size_t total = s.report.diagnostic_count();
  ASSERT_EQ(total, 8u);
  EXPECT_EQ(a.at("data-st-rows"), "8");
  EXPECT_EQ(a.at("data-st-shown"), "8");
  const std::map<std::string, std::string> by_severity = {
      {"critical", "2"}, {"error", "1"}, {"warning", "3"}, {"info", "1"}, {"style", "1"}};
  for (const auto& [sev, n] : by_severity) {
    SCOPED_TRACE(sev);
    EXPECT_EQ(a.at("data-st-severity-" + sev), n);
  }
  const std::map<std::string, std::string> by_category = {
      {"security", "2"}, {"reliability", "3"}, {"efficiency", "1"}, {"maintainability", "1"},
      {"style", "1"}, {"correctness", "0"}};
  for (const auto& [cat, n] : by_category) {
    SCOPED_TRACE(cat);
    EXPECT_EQ(a.at("data-st-category-" + cat), n);
  }
  // Text filter: the first row is the .env finding (files sort by path), rule DX030.
  EXPECT_EQ(a.at("data-st-text-query"), "DX030");
  EXPECT_EQ(a.at("data-st-text"), "1");
  EXPECT_EQ(a.at("data-st-text-none"), "0");

  // The summary cards, as laid out after the scripts ran.
  EXPECT_EQ(Card(run.dom, "findings"), 8);
  EXPECT_EQ(Card(run.dom, "critical"), 2);
  EXPECT_EQ(Card(run.dom, "errors"), 1);
  EXPECT_EQ(Card(run.dom, "warnings"), 3);
  EXPECT_EQ(Card(run.dom, "info"), 1);
  EXPECT_EQ(Card(run.dom, "style"), 1);
  EXPECT_EQ(Card(run.dom, "fixable \\(safe\\)"), 3);
  EXPECT_EQ(Card(run.dom, "fixable \\(unsafe\\)"), 1);
  EXPECT_EQ(Card(run.dom, "files scanned"), 3);
  EXPECT_EQ(Card(run.dom, "issues fixed"), 2);
  EXPECT_EQ(Card(run.dom, "issues left"), 8);
  // The self-check leaves the filters cleared.
  EXPECT_NE(run.dom.find("id=\"f-count\">8 shown</span>"), std::string::npos);

  // The fix is shown; the secret is not, anywhere; user markup stayed text.
  EXPECT_NE(run.dom.find("Replace ADD with COPY"), std::string::npos);
  EXPECT_NE(run.dom.find("added <code>api/.dockerignore</code>"), std::string::npos);
  EXPECT_NE(run.dom.find("<td><code>DF020</code> add-for-local-files</td><td>1</td>"),
            std::string::npos);
  EXPECT_EQ(run.dom.find(kSecret), std::string::npos);
  EXPECT_EQ(run.dom.find(kSecret.substr(4, 10)), std::string::npos);
  EXPECT_EQ(run.dom.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(run.dom.find("&lt;script&gt;alert(1)"), std::string::npos);
}

TEST_F(BrowserTest, WithoutSelftestHashThePageOnlyFilters) {
  Sample s;
  std::string html, err;
  ASSERT_TRUE(Render("html", s.report, {}, &html, &err)) << err;
  const BrowserRun run = Open("report.html", html, "");
  ASSERT_EQ(run.exit_code, 0) << run.log;
  EXPECT_TRUE(PageErrors(run.log).empty()) << run.log;
  EXPECT_EQ(BodyAttributes(run.dom).count("data-selftest"), 0u);
  EXPECT_NE(run.dom.find("id=\"f-count\">8 shown</span>"), std::string::npos);
}

// The error detection above is only worth something if it matches what this Chromium prints:
// a page that logs an error and throws must be caught by both PageErrors and the page hook.
TEST_F(BrowserTest, ErrorDetectionCatchesConsoleErrorsAndExceptions) {
  Sample s;
  std::string html, err;
  ASSERT_TRUE(Render("html", s.report, {}, &html, &err)) << err;
  // The throw happens on `load`, which always comes after the self-check (a timer could fire
  // before it: the HTML parser may yield between two scripts).
  const std::string broken =
      "<script>console.error('planted error');"
      "addEventListener('load',function(){throw new Error('planted throw')});</script>";
  html.insert(html.find("</main>"), broken);
  const BrowserRun run = Open("broken.html", html, "#selftest");
  ASSERT_EQ(run.exit_code, 0) << run.log;
  const std::vector<std::string> errors = PageErrors(run.log);
  bool saw_console = false, saw_throw = false;
  for (const std::string& e : errors) {
    saw_console |= e.find("planted error") != std::string::npos;
    saw_throw |= e.find("Uncaught Error: planted throw") != std::string::npos;
  }
  EXPECT_TRUE(saw_console) << run.log;
  EXPECT_TRUE(saw_throw) << run.log;
  const std::map<std::string, std::string> a = BodyAttributes(run.dom);
  // The self-check runs before `load`, so it sees the console.error only.
  ASSERT_EQ(a.count("data-st-errors"), 1u) << run.dom;
  EXPECT_EQ(a.at("data-st-errors"), "1");
  EXPECT_NE(a.at("data-selftest").find("planted error"), std::string::npos);
}

}  // namespace
}  // namespace shipshape
