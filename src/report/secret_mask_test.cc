// Secret masking by byte range and control-character escaping, across the reporters: a short
// password (`test`, `admin`) is masked where it stands and nowhere else, the masking work of a
// report is linear in its findings, and text-like formats never print a raw control character.
// Test data uses designated initializers that leave defaulted members out.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report/many_findings.h"
#include "report/render_util.h"
#include "report/reporters.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

const Rule kHardcoded{
    .code = "DC010",
    .name = "env-hardcoded-secret",
    .summary = "Literal credential in environment",
    .target = Target::kCompose,
    .severity = Severity::kCritical,
    .category = Category::kSecurity,
};
const Rule kLatest{
    .code = "DC003",
    .name = "image-tag-not-pinned",
    .summary = "Image not pinned",
    .target = Target::kCompose,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
};

SourceFile MakeFile(std::string path, FileKind kind, std::string text) {
  SourceFile f;
  f.path = std::move(path);
  f.kind = kind;
  f.text = std::move(text);
  return f;
}

TextRange Find(std::string_view text, std::string_view what, size_t from = 0) {
  const size_t at = text.find(what, from);
  EXPECT_NE(at, std::string_view::npos) << what;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + what.size())};
}

// The reported problem: password `test` turned service `test-db` into `****-db` and image
// `postgres:latest` into `postgres:la****`.
const char kCompose[] =
    "services:\n"
    "  test-db:\n"
    "    image: postgres:latest\n"
    "    environment:\n"
    "      POSTGRES_PASSWORD: test\n"
    "  pgadmin:\n"
    "    image: dpage/pgadmin4:latest\n"
    "    environment:\n"
    "      PGADMIN_DEFAULT_PASSWORD: admin\n";

struct ShortSecrets {
  SourceFile compose;
  Report report;
  ShortSecrets() {
    compose.path = "compose.yaml";
    compose.kind = FileKind::kCompose;
    compose.text = kCompose;
    const std::string_view t = compose.text;
    FileResult f{&compose, {}};
    Diagnostic d{.rule = &kHardcoded, .severity = Severity::kCritical,
                 .range = Find(t, "POSTGRES_PASSWORD"),
                 .message = "`POSTGRES_PASSWORD` in environment of service `test-db` is a literal "
                            "credential"};
    const TextRange value = Find(t, "PASSWORD: test\n");
    d.redactions.push_back({value.start + 10, value.end - 1});
    f.diagnostics.push_back(d);
    f.diagnostics.push_back(Diagnostic{.rule = &kLatest, .severity = Severity::kWarning,
                                       .range = Find(t, "postgres:latest"),
                                       .message = "service `test-db`: image `postgres:latest` is "
                                                  "not pinned"});
    Diagnostic a{.rule = &kHardcoded, .severity = Severity::kCritical,
                 .range = Find(t, "PGADMIN_DEFAULT_PASSWORD"),
                 .message = "`PGADMIN_DEFAULT_PASSWORD` in environment of service `pgadmin` is a "
                            "literal credential"};
    const TextRange admin = Find(t, "PASSWORD: admin\n");
    a.redactions.push_back({admin.start + 10, admin.end - 1});
    f.diagnostics.push_back(a);
    report.files.push_back(std::move(f));
  }
};

TEST(SecretMask, MasksTheBytesOfTheSecretOnly) {
  ShortSecrets fx;
  const report::SecretMask mask(fx.compose, fx.report.files[0].diagnostics);
  EXPECT_EQ(mask.Line(2), "  test-db:");
  EXPECT_EQ(mask.Line(3), "    image: postgres:latest");
  EXPECT_EQ(mask.Line(5), "      POSTGRES_PASSWORD: ****");
  EXPECT_EQ(mask.Line(6), "  pgadmin:");
  EXPECT_EQ(mask.Line(9), "      PGADMIN_DEFAULT_PASSWORD: *****");
  // Found by form even without a rule's redaction (the rule may be ignored or suppressed).
  SourceFile bare = fx.compose;
  const report::SecretMask by_form(bare, {});
  EXPECT_EQ(by_form.Line(5), "      POSTGRES_PASSWORD: ****");
  EXPECT_EQ(by_form.Line(2), "  test-db:");
}

TEST(SecretMask, EveryFormatPrintsUnrelatedTextUnchanged) {
  ShortSecrets fx;
  for (std::string_view format : FormatNames()) {
    SCOPED_TRACE(std::string(format));
    std::string out, err;
    ASSERT_TRUE(Render(format, fx.report, {}, &out, &err)) << err;
    EXPECT_NE(out.find("test-db"), std::string::npos) << out;
    EXPECT_EQ(out.find("****-db"), std::string::npos) << out;
    EXPECT_EQ(out.find("la****"), std::string::npos) << out;
    EXPECT_EQ(out.find("pg****"), std::string::npos) << out;
    if (format == "text" || format == "html" || format == "json" || format == "sarif" ||
        format == "markdown") {
      EXPECT_NE(out.find("pgadmin"), std::string::npos) << out;
    }
    // The excerpts (text, html) show the masked line, never the value.
    EXPECT_EQ(out.find("POSTGRES_PASSWORD: test"), std::string::npos) << out;
    EXPECT_EQ(out.find("PASSWORD: admin"), std::string::npos) << out;
  }
  std::string text, err;
  ASSERT_TRUE(Render("text", fx.report, {}, &text, &err));
  EXPECT_NE(text.find("postgres:latest"), std::string::npos) << text;
  EXPECT_NE(text.find("POSTGRES_PASSWORD: ****\n"), std::string::npos) << text;
}

TEST(SecretMask, FixTextCarriesNoSecret) {
  // `X` is no secret name: only the rule's redaction says `s3cr` is one.
  SourceFile f = MakeFile("Dockerfile", FileKind::kDockerfile,
                          "FROM alpine:latest\nENV X=s3cr LABEL=latest\nRUN echo s3cr-tag\n");
  Diagnostic d{.rule = &kHardcoded, .range = Find(f.text, "X=s3cr")};
  d.redactions.push_back(Find(f.text, "s3cr "));
  d.redactions.back().end -= 1;
  Fix fix{.title = "Move", .applicability = Applicability::kUnsafe};
  // A fix that moves the line (re-indented) below the next: the moved copy is masked, the other
  // line's `s3cr-tag` and `latest` are not.
  fix.edits = {Edit::Delete(Find(f.text, "ENV X=s3cr LABEL=latest\n")),
               Edit::Insert(static_cast<uint32_t>(f.text.size()),
                            "  ENV X=s3cr LABEL=latest\nRUN echo s3cr-tag\n")};
  const report::SecretMask mask(f, {d});
  EXPECT_EQ(mask.EditText(fix, fix.edits[1]), "  ENV X=**** LABEL=latest\nRUN echo s3cr-tag\n");
  // Secrets the new text holds by their form are masked too.
  Fix other{.title = "Rewrite", .applicability = Applicability::kUnsafe};
  other.edits = {Edit::Replace(Find(f.text, "X=s3cr"), "DB_PASSWORD=test")};
  EXPECT_EQ(mask.EditText(other, other.edits[0]), "DB_PASSWORD=****");
}

// Rendering a file with many findings is linear: each excerpt examines the secret ranges on its
// line, not every redaction of the file (which made 16,000 findings take minutes).
TEST(SecretMask, WorkIsLinearInFindings) {
  for (size_t n : {500u, 4000u}) {
    SourceFile f;
    const Report report = testing::ManyFindings(&f, n);
    const std::vector<report::Item> items = report::Flatten(report);
    ASSERT_EQ(items.size(), n);
    // Flatten masked one line per item (fingerprints); now every excerpt once more, as text and
    // html do.
    for (const report::Item& it : items) {
      const std::string line = it.mask->Line(it.pos.line);
      ASSERT_EQ(line.find(": v"), std::string::npos) << line;
    }
    const size_t work = items[0].mask->visits();
    EXPECT_LE(work, 4 * n) << "masking work grows faster than the findings";
    EXPECT_GE(work, 2 * n);
  }
}

TEST(EscapeControls, MakesControlCharactersVisible) {
  EXPECT_EQ(EscapeControls("plain text\twith tab"), "plain text\twith tab");
  EXPECT_EQ(EscapeControls("a\nb"), "a\\nb");
  EXPECT_EQ(EscapeControls("a\r\nb", "\t\n"), "a\r\nb");
  EXPECT_EQ(EscapeControls("a\rb", "\t\n"), "a\\rb");
  EXPECT_EQ(EscapeControls("\x1b[8mhidden\x1b[0m"), "\\x1b[8mhidden\\x1b[0m");
  EXPECT_EQ(EscapeControls("del\x7f c1\xc2\x9b" "x"), "del\\x7f c1\\u009bx");
  EXPECT_EQ(EscapeControls("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(EscapeControls("a\tb", ""), "a\\tb");
}

// A YAML key or file name with a newline must not start a line of its own in text-like output:
// after `\n`, `::error file=...::` would be a GitHub workflow command; `\e[8m` hides the rest.
TEST(EscapeControls, NoFormatPrintsARawControlCharacter) {
  SourceFile f = MakeFile("evil\n::error file=x.yml::forged.yml", FileKind::kCompose,
                          "services:\n  \"a\\n::warning::b\": {image: \"x\x1b[8m\"}\n");
  FileResult r{&f, {}};
  r.diagnostics.push_back(Diagnostic{
      .rule = &kLatest, .range = Find(f.text, "x\x1b"),
      .message = "service `a\n::warning::b`: image `x\x1b[8m` is not pinned"});
  Report report;
  report.files.push_back(std::move(r));
  report.skipped.push_back({"bin\n::error::x", "binary\x1b[8m"});
  for (std::string_view format : FormatNames()) {
    SCOPED_TRACE(std::string(format));
    std::string out, err;
    ASSERT_TRUE(Render(format, report, {}, &out, &err)) << err;
    EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
    EXPECT_EQ(out.find("\n::"), std::string::npos) << out;
  }
  RenderOptions color;
  color.color = true;
  std::string out, err;
  ASSERT_TRUE(Render("text", report, color, &out, &err));
  // Our own colours stay; the file's escape sequence does not.
  EXPECT_NE(out.find("\x1b[1m"), std::string::npos);
  EXPECT_EQ(out.find("\x1b[8m"), std::string::npos) << out;
  EXPECT_NE(out.find("evil\\n::error"), std::string::npos) << out;
}

TEST(EscapeControls, CaretsStayUnderTheEscapedText) {
  SourceFile f = MakeFile("Dockerfile", FileKind::kDockerfile,
                          "RUN echo \x1b[8m hidden\n");
  FileResult r{&f, {}};
  r.diagnostics.push_back(
      Diagnostic{.rule = &kLatest, .range = Find(f.text, "hidden"), .message = "m"});
  Report report;
  report.files.push_back(std::move(r));
  std::string out, err;
  ASSERT_TRUE(Render("text", report, {}, &out, &err));
  EXPECT_NE(out.find(" 1 | RUN echo \\x1b[8m hidden\n   |                  ^^^^^^\n"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace shipshape
