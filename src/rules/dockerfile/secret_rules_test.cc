// Secret values never leak into messages or fix titles, and every reported value is redacted.
#include <gtest/gtest.h>

#include <string>

#include "lint/linter.h"

namespace shipshape {
namespace {

TEST(SecretRules, ValuesNeverAppearInMessagesAndAreRedacted) {
  const std::string token = "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
  const std::string random = "q8Zr2LmX9vT4wK7pN3sJ";
  const std::string password = "hunter2hunter2";
  SourceFile f;
  f.path = "Dockerfile";
  f.kind = FileKind::kDockerfile;
  f.text = "FROM alpine:3.20\nENV GITHUB_TOKEN=" + token + "\nARG API_SECRET=" + random +
           "\nENV DB_PASSWORD=" + password + "\nRUN curl https://u:" + password + "@x.example/\n";
  Config config;
  config.preview = true;
  LintOptions opts;
  opts.config = &config;
  std::vector<Diagnostic> diags = LintFile(f, opts);
  size_t secret_findings = 0;
  for (const Diagnostic& d : diags) {
    for (const std::string& v : {token, random, password}) {
      EXPECT_EQ(d.message.find(v), std::string::npos) << d.rule->code << ": " << d.message;
      if (d.fix) {
        EXPECT_EQ(d.fix->title.find(v), std::string::npos) << d.rule->code;
      }
    }
    if (d.rule->code == "DF026" || d.rule->code == "DF027") {
      ++secret_findings;
      if (d.rule->code == "DF027") {
        ASSERT_EQ(d.redactions.size(), 1u);
        const std::string_view red = d.redactions[0].Of(f.text);
        EXPECT_TRUE(red == token || red == random || red == password) << red;
      }
    }
  }
  // Token (DF027), random ARG (DF027), DB_PASSWORD (DF026), URL password (DF027).
  EXPECT_EQ(secret_findings, 4u);
}

}  // namespace
}  // namespace shipshape
