// Inline suppressions in Compose files: shipshape's own comment forms and dclint's.
#include "lint/suppression.h"

#include <gtest/gtest.h>

#include <string>

#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

// Findings of `code` in the Compose text `yaml`, all rules enabled.
size_t Count(const std::string& yaml, std::string_view code) {
  SourceFile f;
  f.path = "compose.yaml";
  f.text = yaml;
  f.kind = FileKind::kCompose;
  Config config;
  LintOptions opts;
  opts.config = &config;
  size_t n = 0;
  for (const Diagnostic& d : LintFile(f, opts)) n += d.rule->code == code;
  return n;
}

const char* kTwo =
    "services:\n"
    "  web:\n"
    "    image: nginx\n"
    "  api:\n"
    "    image: node\n";

TEST(ComposeSuppression, WithoutCommentsBothServicesAreReported) {
  EXPECT_EQ(Count(kTwo, "DC003"), 2u);
}

TEST(ComposeSuppression, OwnLineCommentCoversTheNextKeyAndItsBlock) {
  const std::string yaml =
      "services:\n"
      "  # shipshape ignore=DC003\n"
      "  web:\n"
      "    image: nginx\n"
      "  api:\n"
      "    image: node\n";
  EXPECT_EQ(Count(yaml, "DC003"), 1u);
  EXPECT_GT(Count(yaml, "DC044"), 0u);  // other rules still report web
}

TEST(ComposeSuppression, TrailingCommentCoversItsLine) {
  const std::string yaml =
      "services:\n"
      "  web:\n"
      "    image: nginx  # shipshape ignore=image-tag-not-pinned\n"
      "  api:\n"
      "    image: node\n";
  EXPECT_EQ(Count(yaml, "DC003"), 1u);
  // A `#` inside a quoted scalar does not start a comment; one after the closing quote does.
  EXPECT_TRUE(CollectYamlSuppressions("k: \"a # shipshape ignore=DC003\"\n").scoped.empty());
  EXPECT_TRUE(CollectYamlSuppressions("k: 'a # shipshape ignore=DC003'\n").scoped.empty());
  EXPECT_EQ(CollectYamlSuppressions("k: 'it''s' # shipshape ignore=DC003\n").scoped.size(), 1u);
  EXPECT_TRUE(CollectYamlSuppressions("k: a#shipshape ignore=DC003\n").scoped.empty());
}

TEST(ComposeSuppression, GlobalAndDclintForms) {
  EXPECT_EQ(Count(std::string("# shipshape global ignore=DC003\n") + kTwo, "DC003"), 0u);
  EXPECT_EQ(Count(std::string("# dclint disable-file\n") + kTwo, "DC003"), 0u);
  EXPECT_EQ(Count(std::string("# dclint disable service-image-require-explicit-tag\n") + kTwo,
                  "DC003"),
            0u);
  const std::string next =
      "services:\n"
      "  web:\n"
      "    # dclint disable-next-line service-image-require-explicit-tag\n"
      "    image: nginx\n"
      "  api:\n"
      "    image: node # dclint disable-line\n";
  EXPECT_EQ(Count(next, "DC003"), 0u);
  // A suppression names a rule: others on the same line still report.
  EXPECT_EQ(Count(std::string("# dclint disable some-other-rule\n") + kTwo, "DC003"), 2u);
}

TEST(ComposeSuppression, SequenceAtTheKeysIndentBelongsToTheKey) {
  const Suppressions s = CollectYamlSuppressions(
      "a:\n"
      "# shipshape ignore=DC061\n"
      "ports:\n"
      "- \"80:80\"\n"
      "- \"443:443\"\n"
      "b: 1\n");
  ASSERT_EQ(s.scoped.size(), 1u);
  // From `ports:` to the end of the second item, not into `b:`.
  EXPECT_EQ(s.scoped[0].range.start, 28u);
  EXPECT_EQ(s.scoped[0].range.end, 56u);
}

TEST(ComposeSuppression, SyntaxErrorsAreNeverSuppressed) {
  EXPECT_EQ(Count("# dclint disable-file\nservices: [\n", "DC000"), 1u);
}

}  // namespace
}  // namespace shipshape
