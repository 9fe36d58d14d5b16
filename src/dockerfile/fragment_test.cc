// Dockerfile fragments (templates, partials, snippets without FROM): the parse errors stay, and
// every instruction-level rule still checks the instructions, which form an implicit stage.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "dockerfile/dockerfile.h"
#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

std::set<std::string> Codes(std::string_view text) {
  SourceFile f;
  f.path = "Dockerfile.partial";
  f.kind = FileKind::kDockerfile;
  f.text = std::string(text);
  Config config;
  config.preview = true;
  LintOptions opts;
  opts.config = &config;
  std::set<std::string> out;
  for (const Diagnostic& d : LintFile(f, opts)) out.insert(std::string(d.rule->code));
  return out;
}

TEST(FragmentTest, ImplicitStageHoldsInstructionsBeforeFrom) {
  auto df = dockerfile::Parse("ARG V=1\nRUN echo $V\nWORKDIR app\nFROM alpine:3.20 AS final\nCOPY --from=0 /a /b\n");
  ASSERT_EQ(df->stages.size(), 2u);
  EXPECT_TRUE(df->stages[0].implicit);
  EXPECT_EQ(df->stages[0].from, nullptr);
  EXPECT_EQ(df->stages[0].instructions.size(), 2u);  // RUN, WORKDIR; the ARG stays global
  EXPECT_EQ(df->global_args.size(), 1u);
  EXPECT_FALSE(df->stages[1].implicit);
  EXPECT_TRUE(df->stages[1].is_final);
  // Stage numbers count FROMs: 0 is the first real stage, not the fragment's head.
  EXPECT_EQ(df->FindStage("0"), &df->stages[1]);
  EXPECT_EQ(df->FindStage("1"), nullptr);
}

TEST(FragmentTest, EveryInstructionBeforeFromIsReported) {
  auto df = dockerfile::Parse("LABEL a=b\nENV X=1\nFROM alpine:3.20\n");
  int before_from = 0;
  for (const dockerfile::SyntaxError& e : df->semantic_errors) before_from += e.kind == dockerfile::SyntaxError::Kind::kInstructionBeforeFrom;
  EXPECT_EQ(before_from, 2);
}

TEST(FragmentTest, FileWithoutFromKeepsErrorsAndRunsInstructionRules) {
  const std::set<std::string> codes = Codes(
      "RUN apt-get update && apt-get install python\n"
      "WORKDIR relative/dir\n"
      "RUN cd /opt && pip install flask\n"
      "ADD app.py /app/\n");
  EXPECT_TRUE(codes.count("DF000")) << "no FROM is still a syntax error";
  EXPECT_TRUE(codes.count("DF102")) << "instructions before FROM are still reported";
  for (const char* code : {"DF028", "DF040", "DF041", "DF044", "DF020", "DF063", "DF064", "DF081"})
    EXPECT_TRUE(codes.count(code)) << code << " should check the fragment";
}

TEST(FragmentTest, FileWithoutFromHasNoBaseImageFindings) {
  // No FROM, so nothing about base images or image-level completeness.
  const std::set<std::string> codes = Codes("RUN echo hi\n");
  for (const char* code : {"DF001", "DF002", "DF003", "DF008", "DF011", "DF015"})
    EXPECT_FALSE(codes.count(code)) << code;
}

TEST(FragmentTest, EveryRuleSurvivesFragments) {
  // Each instruction kind alone and in mixes, with ONBUILD, heredocs and odd arguments: no rule
  // may crash on the implicit stage (no FROM instruction, no base image).
  const char* kFragments[] = {
      "RUN echo hi\n",
      "USER root\nRUN id\n",
      "COPY --from=build /a /b\nCOPY . .\nADD x.tar /\n",
      "ONBUILD RUN pip install flask\nONBUILD COPY a b\n",
      "HEALTHCHECK CMD curl -f http://localhost/\nCMD [\"x\"]\nENTRYPOINT y\nEXPOSE 80000\n",
      "ENV A=1 B=$A\nLABEL maintainer=x\nVOLUME /var/lib\nSTOPSIGNAL KILL\nSHELL [\"/bin/bash\", \"-c\"]\n",
      "RUN <<EOF\napt-get install -y curl\nEOF\n",
      "WORKDIR\nUSER\n",
      "ARG X\nMAINTAINER me\nFROM $X\n",
      "MAINTAINER me\nFROM alpine:3.20 AS a\nFROM a\nUSER 0\n",
  };
  for (const char* text : kFragments) {
    SourceFile f;
    f.path = "Dockerfile";
    f.kind = FileKind::kDockerfile;
    f.text = text;
    Config config;
    config.preview = true;
    config.label_schema["org.opencontainers.image.source"] = "url";
    LintOptions opts;
    opts.config = &config;
    for (const Rule* r : AllRules()) {
      if (r->target != Target::kDockerfile || !r->check_dockerfile) continue;
      opts.only = r;
      for (const Diagnostic& d : LintFile(f, opts)) {
        EXPECT_LE(d.range.start, d.range.end) << r->code << " on:\n" << text;
        EXPECT_LE(d.range.end, f.text.size()) << r->code << " on:\n" << text;
      }
    }
  }
}

}  // namespace
}  // namespace shipshape
