// Golden-output tests for every reporter, plus invariants that hold for all formats: no redacted
// secret ever appears, machine formats parse, SARIF validates against the OASIS schema, and
// rendering is deterministic. Refresh goldens with SHIPSHAPE_UPDATE_SNAPSHOTS=1 and review the
// diff like code.
#include "report/reporters.h"

// Test data uses designated initializers that leave defaulted members out.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
// valijson uses std::regex, where g++ 12 with sanitizers reports false maybe-uninitialized.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "core/embedded.h"
#include "report/render_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

constexpr std::string_view kSecret = "sk_live_abcdef123456";

const Rule kLatestTag{
    .code = "DF001",
    .name = "image-uses-latest-tag",
    .summary = "Base image is not pinned to a version",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .aliases = {{"hadolint", "DL3007"}},
    .docs = "## What it does\nFlags `FROM image:latest`.\n\n## Why is this bad\nBuilds drift.\n",
};
const Rule kAddForLocal{
    .code = "DF020",
    .name = "add-for-local-files",
    .summary = "ADD used where COPY is enough",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kAlways,
    .aliases = {{"hadolint", "DL3020"}},
    .docs = "## What it does\nFlags `ADD` of local files.\n\n## Fix safety\nSafe.\n",
};
const Rule kSecretInEnv{
    .code = "DF050",
    .name = "secret-in-env",
    .summary = "A credential is baked into the image with ENV",
    .target = Target::kDockerfile,
    .severity = Severity::kCritical,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .docs = "## What it does\nFinds secrets in `ENV`.\n",
};
const Rule kAptNoClean{
    .code = "DF060",
    .name = "apt-lists-not-removed",
    .summary = "apt lists are left in the layer",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kEfficiency,
};
const Rule kLabelStyle{
    .code = "DF070",
    .name = "label-with-markup",
    .summary = "Label value contains <markup> & \"quotes\" | pipes",
    .target = Target::kDockerfile,
    .severity = Severity::kStyle,
    .category = Category::kStyle,
};
const Rule kNoRestart{
    .code = "DC010",
    .name = "service-without-restart-policy",
    .summary = "A service has no restart policy",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kAlways,
    .aliases = {{"dclint", "require-restart"}},
};

/// Byte range of the first occurrence of `needle` in `text`.
TextRange Find(std::string_view text, std::string_view needle) {
  const size_t at = text.find(needle);
  EXPECT_NE(at, std::string_view::npos) << needle;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

struct Fixture {
  SourceFile dockerfile, compose, dockerignore;
  Report report;

  Fixture() {
    dockerfile.path = "app/Dockerfile";
    dockerfile.kind = FileKind::kDockerfile;
    dockerfile.text =
        "FROM python:latest\n"
        "ADD app.py /app/\n"
        "ENV API_KEY=sk_live_abcdef123456\n"
        "RUN\tapt-get install -y curl\n"
        "LABEL description=\"café <b>&\"\n";
    compose.path = "docker-compose.yml";
    compose.kind = FileKind::kCompose;
    compose.text = "services:\n  web:\n    image: nginx\n";
    dockerignore.path = ".dockerignore";
    dockerignore.kind = FileKind::kDockerignore;
    dockerignore.text = ".git\n";

    const std::string_view df = dockerfile.text;
    FileResult f1{&dockerfile, {}};
    {
      Diagnostic d{.rule = &kLatestTag, .severity = Severity::kWarning,
                   .range = Find(df, "python:latest"),
                   .message = "Image `python:latest` is not pinned"};
      d.fix = Fix{.title = "Pin the image to 3.12", .applicability = Applicability::kUnsafe,
                  .edits = {Edit::Replace(Find(df, "latest"), "3.12")}};
      f1.diagnostics.push_back(std::move(d));
    }
    {
      Diagnostic d{.rule = &kAddForLocal, .severity = Severity::kError,
                   .range = Find(df, "ADD"), .message = "ADD used for local files; use COPY"};
      d.fix = Fix{.title = "Replace ADD with COPY", .applicability = Applicability::kSafe,
                  .edits = {Edit::Replace(Find(df, "ADD"), "COPY")}};
      f1.diagnostics.push_back(std::move(d));
    }
    {
      // Messages name the variable, never the value; a fix that carries the value along (here in
      // a comment) has it masked in its edit text.
      Diagnostic d{.rule = &kSecretInEnv, .severity = Severity::kCritical,
                   .range = Find(df, "API_KEY=sk_live_abcdef123456"),
                   .message = "API_KEY holds a credential"};
      d.redactions.push_back(Find(df, kSecret));
      d.fix = Fix{.title = "Move the value to a build secret",
                  .applicability = Applicability::kDisplayOnly,
                  .edits = {Edit::Replace(Find(df, "API_KEY=sk_live_abcdef123456"),
                                          "API_KEY # was sk_live_abcdef123456")}};
      f1.diagnostics.push_back(std::move(d));
    }
    f1.diagnostics.push_back(Diagnostic{.rule = &kAptNoClean, .severity = Severity::kInfo,
                                        .range = Find(df, "apt-get install -y curl"),
                                        .message = "Remove /var/lib/apt/lists after install"});
    f1.diagnostics.push_back(Diagnostic{.rule = &kLabelStyle, .severity = Severity::kStyle,
                                        .range = Find(df, "<b>&"),
                                        .message = "Label has <markup> & \"quotes\" | pipe"});
    // A multi-line range (FROM through ADD).
    f1.diagnostics.push_back(Diagnostic{.rule = &kLatestTag, .severity = Severity::kWarning,
                                        .range = {0, Find(df, "/app/").end},
                                        .message = "Stage spans two lines"});

    FileResult f2{&compose, {}};
    {
      Diagnostic d{.rule = &kNoRestart, .severity = Severity::kWarning,
                   .range = Find(compose.text, "web"),
                   .message = "Service `web` has no restart policy"};
      d.related = {"web"};
      d.fix = Fix{.title = "Add restart: unless-stopped", .applicability = Applicability::kSafe,
                  .edits = {Edit::Insert(Find(compose.text, "    image").start,
                                         "    restart: unless-stopped\n")}};
      f2.diagnostics.push_back(std::move(d));
    }
    FileResult f3{&dockerignore, {}};

    report.tool_version = "0.1.0";
    report.root = ".";
    report.mode = "fix";
    // Deliberately out of order: reporters sort.
    report.files.push_back(std::move(f1));
    report.files.push_back(std::move(f3));
    report.files.push_back(std::move(f2));
    report.skipped.push_back({"assets/blob.bin", "binary file"});
    report.fix.present = true;
    report.fix.found = 9;
    report.fix.fixed = 2;
    report.fix.left = 7;
    report.fix.files_changed = {"docker-compose.yml", "app/Dockerfile"};
    report.fix.files_added = {"app/.dockerignore"};
  }
};

std::string GoldenPath(std::string_view name) {
  return std::string(SHIPSHAPE_SOURCE_DIR) + "/tests/golden/report/" + std::string(name);
}

void ExpectGolden(std::string_view name, const std::string& actual) {
  const std::string path = GoldenPath(name);
  const char* update = std::getenv("SHIPSHAPE_UPDATE_SNAPSHOTS");
  if (update != nullptr && std::string_view(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << "missing golden " << path
                         << " (run with SHIPSHAPE_UPDATE_SNAPSHOTS=1)";
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(ss.str(), actual) << "golden " << path
                              << " differs (refresh with SHIPSHAPE_UPDATE_SNAPSHOTS=1)";
}

std::string RenderOrDie(std::string_view format, const Report& r, RenderOptions opts = {}) {
  std::string out, err;
  EXPECT_TRUE(Render(format, r, opts, &out, &err)) << err;
  return out;
}

struct GoldenCase {
  std::string_view format;
  std::string_view file;
};
constexpr GoldenCase kGoldens[] = {
    {"text", "report.txt"},          {"json", "report.json"},
    {"sarif", "report.sarif"},       {"markdown", "report.md"},
    {"html", "report.html"},         {"checkstyle", "report.checkstyle.xml"},
    {"junit", "report.junit.xml"},   {"gitlab", "report.gitlab.json"},
    {"codeclimate", "report.codeclimate"}, {"gnu", "report.gnu"},
    {"sonarqube", "report.sonarqube.json"},
};

TEST(Reporters, GoldenOutputs) {
  Fixture fx;
  for (const GoldenCase& g : kGoldens) {
    SCOPED_TRACE(g.format);
    ExpectGolden(g.file, RenderOrDie(g.format, fx.report));
  }
  RenderOptions color;
  color.color = true;
  ExpectGolden("report.color.txt", RenderOrDie("text", fx.report, color));
  RenderOptions no_source;
  no_source.show_source = false;
  ExpectGolden("report.nosource.txt", RenderOrDie("text", fx.report, no_source));
}

TEST(Reporters, EmptyReportGoldens) {
  SourceFile f;
  f.path = "Dockerfile";
  f.kind = FileKind::kDockerfile;
  f.text = "FROM alpine:3.20\n";
  Report r;
  r.tool_version = "0.1.0";
  r.files.push_back(FileResult{&f, {}});
  EXPECT_EQ(RenderOrDie("text", r), "No problems found in 1 file.\n");
  ExpectGolden("empty.md", RenderOrDie("markdown", r));
  ExpectGolden("empty.json", RenderOrDie("json", r));
  for (std::string_view format : FormatNames()) {
    SCOPED_TRACE(format);
    EXPECT_FALSE(RenderOrDie(format, r).empty() && format != "gnu" && format != "codeclimate");
  }
}

TEST(Reporters, FormatNamesAndAliases) {
  const std::vector<std::string_view> names = FormatNames();
  EXPECT_EQ(names.size(), 11u);
  Fixture fx;
  EXPECT_EQ(RenderOrDie("tty", fx.report), RenderOrDie("text", fx.report));
  EXPECT_EQ(RenderOrDie("gitlab_codeclimate", fx.report), RenderOrDie("gitlab", fx.report));
  std::string out, err;
  EXPECT_FALSE(Render("yaml", fx.report, {}, &out, &err));
  EXPECT_NE(err.find("unknown format 'yaml'"), std::string::npos) << err;
}

TEST(Reporters, NoFormatLeaksARedactedSecret) {
  Fixture fx;
  for (std::string_view format : FormatNames()) {
    SCOPED_TRACE(format);
    const std::string out = RenderOrDie(format, fx.report);
    EXPECT_EQ(out.find(kSecret), std::string::npos);
    // Not even most of it.
    EXPECT_EQ(out.find(kSecret.substr(2, 12)), std::string::npos);
  }
}

TEST(Reporters, Deterministic) {
  for (std::string_view format : FormatNames()) {
    SCOPED_TRACE(format);
    Fixture a, b;
    EXPECT_EQ(RenderOrDie(format, a.report), RenderOrDie(format, a.report));
    EXPECT_EQ(RenderOrDie(format, a.report), RenderOrDie(format, b.report));
  }
}

TEST(Reporters, JsonFormatsParse) {
  Fixture fx;
  for (std::string_view format : {"json", "sarif", "gitlab", "sonarqube"}) {
    SCOPED_TRACE(format);
    EXPECT_TRUE(nlohmann::json::accept(RenderOrDie(format, fx.report)));
  }
  // Code Climate: NUL-terminated documents.
  const std::string cc = RenderOrDie("codeclimate", fx.report);
  size_t docs = 0;
  std::stringstream ss(cc);
  for (std::string doc; std::getline(ss, doc, '\0');) {
    EXPECT_TRUE(nlohmann::json::accept(doc)) << doc;
    ++docs;
  }
  EXPECT_EQ(docs, fx.report.diagnostic_count());
}

TEST(Reporters, JsonSchemaShape) {
  Fixture fx;
  const nlohmann::json j = nlohmann::json::parse(RenderOrDie("json", fx.report));
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["tool"]["name"], "shipshape");
  EXPECT_EQ(j["files_scanned"], 3);
  EXPECT_EQ(j["summary"]["total"], 7);
  EXPECT_EQ(j["summary"]["critical"], 1);
  EXPECT_EQ(j["summary"]["fixable"], 2);
  EXPECT_EQ(j["summary"]["unsafe_fixable"], 1);
  const auto& diags = j["diagnostics"];
  ASSERT_EQ(diags.size(), 7u);
  // Sorted by path first: app/Dockerfile before docker-compose.yml.
  EXPECT_EQ(diags[0]["path"], "app/Dockerfile");
  EXPECT_EQ(diags[6]["path"], "docker-compose.yml");
  for (const auto& d : diags) {
    for (const char* key : {"rule", "name", "severity", "category", "path", "line", "column",
                            "end_line", "end_column", "message", "fix", "related"})
      EXPECT_TRUE(d.contains(key)) << key;
  }
  // Code-point columns: "<b>&" starts after `LABEL description="café ` (24 code points).
  bool found_label = false;
  for (const auto& d : diags) {
    if (d["rule"] != "DF070") continue;
    found_label = true;
    EXPECT_EQ(d["line"], 5);
    EXPECT_EQ(d["column"], 25);
    EXPECT_EQ(d["end_column"], 29);
  }
  EXPECT_TRUE(found_label);
}

/// A minimal XML well-formedness check: balanced tags, quoted attributes, known entities.
bool WellFormedXml(std::string_view s, std::string* why) {
  std::vector<std::string> stack;
  size_t i = 0;
  bool root_seen = false;
  while (i < s.size()) {
    if (s[i] == '&') {
      const size_t semi = s.find(';', i);
      if (semi == std::string_view::npos) return *why = "bad entity", false;
      const std::string_view ent = s.substr(i, semi - i + 1);
      if (ent != "&amp;" && ent != "&lt;" && ent != "&gt;" && ent != "&quot;" && ent != "&#39;")
        return *why = "unknown entity " + std::string(ent), false;
      i = semi + 1;
      continue;
    }
    if (s[i] != '<') {
      if (s[i] == '>') return *why = "stray >", false;
      ++i;
      continue;
    }
    if (s.substr(i, 2) == "<?") {
      const size_t end = s.find("?>", i);
      if (end == std::string_view::npos) return *why = "unterminated PI", false;
      i = end + 2;
      continue;
    }
    const size_t end = s.find('>', i);
    if (end == std::string_view::npos) return *why = "unterminated tag", false;
    std::string_view tag = s.substr(i + 1, end - i - 1);
    i = end + 1;
    if (!tag.empty() && tag[0] == '/') {
      if (stack.empty() || stack.back() != tag.substr(1))
        return *why = "mismatched </" + std::string(tag.substr(1)) + ">", false;
      stack.pop_back();
      continue;
    }
    const bool self_closing = !tag.empty() && tag.back() == '/';
    if (self_closing) tag.remove_suffix(1);
    const size_t sp = tag.find(' ');
    const std::string name(tag.substr(0, sp));
    if (name.empty()) return *why = "empty tag name", false;
    // Attributes: name="value" pairs; values may not contain '<' or '"'.
    std::string_view attrs = sp == std::string_view::npos ? "" : tag.substr(sp);
    size_t quotes = 0;
    for (char c : attrs) {
      if (c == '"') ++quotes;
      if (c == '<') return *why = "< in attribute", false;
    }
    if (quotes % 2) return *why = "unbalanced quotes in <" + name + ">", false;
    if (stack.empty()) {
      if (root_seen) return *why = "two root elements", false;
      root_seen = true;
    }
    if (!self_closing) stack.push_back(name);
  }
  if (!stack.empty()) return *why = "unclosed <" + stack.back() + ">", false;
  return root_seen || (*why = "no root", false);
}

TEST(Reporters, XmlFormatsAreWellFormed) {
  Fixture fx;
  for (std::string_view format : {"checkstyle", "junit"}) {
    SCOPED_TRACE(format);
    std::string why;
    EXPECT_TRUE(WellFormedXml(RenderOrDie(format, fx.report), &why)) << why;
  }
  std::string why;
  EXPECT_FALSE(WellFormedXml("<a><b></a>", &why));
  EXPECT_FALSE(WellFormedXml("<a x=\"1>&foo;</a>", &why));
}

TEST(Reporters, HtmlIsSelfContainedAndEscaped) {
  Fixture fx;
  const std::string html = RenderOrDie("html", fx.report);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<b>&"), std::string::npos);  // The user text is escaped...
  EXPECT_NE(html.find("&lt;b&gt;&amp;"), std::string::npos);  // ...and still shown.
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("id=\"f-sev\""), std::string::npos);
}

class SarifSchema : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string_view text = EmbeddedFile("sarif-schema-2.1.0.json");
    ASSERT_FALSE(text.empty());
    schema_doc_ = new nlohmann::json(nlohmann::json::parse(text));
    schema_ = new valijson::Schema;
    // The file declares draft-04 and an absolute `id`; its `$ref`s are all local
    // ("#/definitions/..."), so the parser needs no remote fetching.
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
    valijson::adapters::NlohmannJsonAdapter adapter(*schema_doc_);
    parser.populateSchema(adapter, *schema_);
  }
  static void TearDownTestSuite() {
    delete schema_;
    delete schema_doc_;
  }
  static std::string Validate(const nlohmann::json& doc) {
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(doc);
    if (validator.validate(*schema_, target, &results)) return "";
    std::string errors;
    valijson::ValidationResults::Error e;
    while (results.popError(e)) {
      for (const std::string& c : e.context) errors += c;
      errors += ": " + e.description + "\n";
    }
    return errors.empty() ? "invalid" : errors;
  }
  static nlohmann::json* schema_doc_;
  static valijson::Schema* schema_;
};
nlohmann::json* SarifSchema::schema_doc_ = nullptr;
valijson::Schema* SarifSchema::schema_ = nullptr;

TEST_F(SarifSchema, OutputValidates) {
  Fixture fx;
  const nlohmann::json doc = nlohmann::json::parse(RenderOrDie("sarif", fx.report));
  EXPECT_EQ(Validate(doc), "");
  EXPECT_EQ(doc["runs"][0]["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(doc["runs"][0]["tool"]["driver"]["rules"].size(), 6u);
}

TEST_F(SarifSchema, EmptyOutputValidates) {
  Report r;
  EXPECT_EQ(Validate(nlohmann::json::parse(RenderOrDie("sarif", r))), "");
}

TEST_F(SarifSchema, SchemaActuallyRejectsBadDocuments) {
  Fixture fx;
  nlohmann::json doc = nlohmann::json::parse(RenderOrDie("sarif", fx.report));
  doc["runs"][0]["results"][0]["level"] = "fatal";
  EXPECT_NE(Validate(doc), "");
  nlohmann::json doc2 = nlohmann::json::parse(RenderOrDie("sarif", fx.report));
  doc2["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
  EXPECT_NE(Validate(doc2), "");
}

TEST(Reporters, SurvivesOddInput) {
  // A rule-less diagnostic, an empty range at end of file, a range past the end, invalid UTF-8
  // and control characters in a message, CRLF line ends.
  SourceFile f;
  f.path = "odd dir/Dockerfile";
  f.kind = FileKind::kDockerfile;
  f.text = "FROM a\r\nRUN x\r\n";
  Report r;
  FileResult fr{&f, {}};
  fr.diagnostics.push_back(Diagnostic{.rule = nullptr, .severity = Severity::kError,
                                      .range = {14, 14}, .message = "bad \xff\x01 byte"});
  fr.diagnostics.push_back(Diagnostic{.rule = &kAptNoClean, .severity = Severity::kInfo,
                                      .range = {8, 500}, .message = "past the end"});
  r.files.push_back(std::move(fr));
  for (std::string_view format : FormatNames()) {
    SCOPED_TRACE(format);
    const std::string out = RenderOrDie(format, r);
    EXPECT_FALSE(out.empty() && format != "codeclimate");
  }
  for (std::string_view format : {"checkstyle", "junit"}) {
    std::string why;
    const std::string xml = RenderOrDie(format, r);
    EXPECT_TRUE(WellFormedXml(xml, &why)) << why;
    EXPECT_EQ(xml.find('\x01'), std::string::npos);
    EXPECT_EQ(xml.find('\xff'), std::string::npos);
  }
  EXPECT_TRUE(nlohmann::json::accept(RenderOrDie("json", r)));
  EXPECT_NE(RenderOrDie("sarif", r).find("odd%20dir/Dockerfile"), std::string::npos);
}

TEST(Scoring, FormulaAndGrades) {
  EXPECT_EQ(report::Grade(100), 'A');
  EXPECT_EQ(report::Grade(90), 'A');
  EXPECT_EQ(report::Grade(89), 'B');
  EXPECT_EQ(report::Grade(70), 'C');
  EXPECT_EQ(report::Grade(60), 'D');
  EXPECT_EQ(report::Grade(59), 'F');
  // Units: configuration lines / 10, at least 1 per file; a continued instruction counts once.
  EXPECT_EQ(report::AuditUnits("", true), 1.0);
  std::string df = "# syntax=docker/dockerfile:1\n\nFROM alpine:3.20\n";
  for (int i = 0; i < 24; ++i) df += "RUN a \\\n  # note\n    && b\n";
  EXPECT_DOUBLE_EQ(report::AuditUnits(df, true), 2.5);        // FROM + 24 RUNs
  EXPECT_DOUBLE_EQ(report::AuditUnits(df, false), 4.9);       // every non-comment line
  // Density score: 100 x 12 / (12 + penalty per unit); a critical finding caps at 69.
  EXPECT_EQ(report::DensityScore(0, 10, 0), 100);
  EXPECT_EQ(report::DensityScore(120, 10, 0), 50);
  EXPECT_EQ(report::DensityScore(8, 10, 0), 94);
  EXPECT_EQ(report::DensityScore(25, 100, 1), 69);
  EXPECT_EQ(report::DensityScore(40, 1, 0), 23);
  // The same findings weigh less in a larger audit: the score discriminates by density.
  EXPECT_LT(report::DensityScore(40, 2, 0), report::DensityScore(40, 20, 0));
  Fixture fx;
  const auto items = report::Flatten(fx.report);
  const auto scores = report::Scores(items, 10.0);
  ASSERT_EQ(scores.size(), 4u);
  EXPECT_EQ(scores[0].name, "security");
  EXPECT_EQ(scores[0].score, 69);  // One critical (density 2.5 would give 83: capped).
  EXPECT_EQ(scores[1].score, 91);  // Three warnings (reliability): density 1.2.
  EXPECT_EQ(scores[2].score, 99);  // One info: density 0.1.
  EXPECT_EQ(scores[3].score, 92);  // One error + one style: density 1.0.
  const auto overall = report::OverallScore(scores, 10.0);
  EXPECT_EQ(overall.penalty, 25 + 12 + 1 + 10);
  EXPECT_EQ(overall.score, 69);    // density 4.8 gives 71, capped by the critical finding
  EXPECT_EQ(overall.grade, 'D');
}

TEST(RenderUtil, Sha256KnownAnswers) {
  EXPECT_EQ(report::Sha256Hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(report::Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(report::Sha256Hex(std::string(1000, 'a')),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST(RenderUtil, ExcerptWindowCutsLongLinesAroundTheColumn) {
  uint32_t col = 5;
  EXPECT_EQ(report::ExcerptWindow("short line", &col), "short line");
  EXPECT_EQ(col, 5u);
  // 1000 digits cycling 0-9; column 501 is the character '0' at index 500.
  std::string line;
  for (int i = 0; i < 1000; ++i) line += static_cast<char>('0' + i % 10);
  col = 501;
  const std::string cut = report::ExcerptWindow(line, &col);
  EXPECT_EQ(report::CodePoints(cut), report::kMaxExcerptWidth + 6);  // plus "..." twice
  EXPECT_EQ(cut.substr(0, 3), "...");
  EXPECT_EQ(cut.substr(cut.size() - 3), "...");
  EXPECT_EQ(cut[col - 1], line[500]);
  EXPECT_EQ(cut.substr(col - 1, 10), line.substr(500, 10));
  // Near the end the window ends at the line's end (no trailing "...").
  col = 1000;
  const std::string tail = report::ExcerptWindow(line, &col);
  EXPECT_EQ(tail.substr(tail.size() - 5), line.substr(995));
  EXPECT_EQ(tail[col - 1], line[999]);
  // Multi-byte characters are never split.
  std::string wide;
  for (int i = 0; i < 300; ++i) wide += "\xC3\xA9";  // é
  col = 100;
  const std::string w = report::ExcerptWindow(wide, &col);
  EXPECT_EQ(report::CodePoints(w), report::kMaxExcerptWidth + 6);
  EXPECT_EQ(w.substr(3, 2), "\xC3\xA9");
}

TEST(RenderUtil, FingerprintIgnoresLineMoves) {
  Fixture a;
  const std::string before = report::Flatten(a.report)[0].fingerprint;
  Fixture b;
  b.dockerfile.text = "# a comment\n" + b.dockerfile.text;
  for (Diagnostic& d : b.report.files[0].diagnostics) {
    d.range.start += 12;
    d.range.end += 12;
    for (TextRange& r : d.redactions) r.start += 12, r.end += 12;
  }
  const auto items = report::Flatten(b.report);
  EXPECT_EQ(items[0].pos.line, 2u);
  EXPECT_EQ(items[0].fingerprint, before);
}

TEST(RenderUtil, TextCaretMirrorsTabs) {
  Fixture fx;
  const std::string text = RenderOrDie("text", fx.report);
  EXPECT_NE(text.find(" 4 | RUN\tapt-get install -y curl\n   |    \t^^^^^^^^^^^^^^^^^^^^^^^\n"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace shipshape
