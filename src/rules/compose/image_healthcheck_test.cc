// The HEALTHCHECK of a built service's image as the Compose rules see it: the Dockerfile's model
// (target stage, comments, builder stages), inline and on disk judged alike.
#include <gtest/gtest.h>

#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

// Findings of DC043 (depends_on service_healthy on a service whose image has no healthcheck).
size_t DC043(const std::string& build, const std::string& dockerfile) {
  MemoryFileSystem fs;
  fs.Add("app/Dockerfile", dockerfile);
  const std::string text = "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      api:\n"
                           "        condition: service_healthy\n  api:\n    build:\n" + build;
  fs.Add("compose.yaml", text);
  Workspace ws;
  ws.root = ".";
  ws.fs = &fs;
  Config config;
  config.preview = true;
  LintOptions opts;
  opts.config = &config;
  opts.workspace = &ws;
  opts.only = FindRule("DC043");
  SourceFile f;
  f.path = "compose.yaml";
  f.kind = FileKind::kCompose;
  f.text = text;
  size_t n = 0;
  for (const Diagnostic& d : LintFile(f, opts)) n += d.rule == opts.only;
  return n;
}

TEST(ImageHealthcheck, ReadFromTheDockerfileModel) {
  const std::string ctx = "      context: app\n";
  EXPECT_EQ(DC043(ctx, "FROM scratch\nHEALTHCHECK CMD [\"/app\", \"-health\"]\n"), 0u);
  // Certainly none: scratch has nothing to inherit, and NONE is explicit.
  EXPECT_EQ(DC043(ctx, "FROM scratch\nCOPY app /app\n"), 1u);
  EXPECT_EQ(DC043(ctx, "FROM alpine:3.20\nHEALTHCHECK NONE\n"), 1u);
  // A comment or a builder stage's HEALTHCHECK does not reach the image.
  EXPECT_EQ(DC043(ctx, "FROM scratch\n# HEALTHCHECK CMD true\n"), 1u);
  EXPECT_EQ(DC043(ctx, "FROM alpine:3.20 AS build\nHEALTHCHECK CMD true\nFROM scratch\nCOPY --from=build /a /a\n"), 1u);
  // `target:` selects the stage.
  const std::string two = "FROM scratch AS dev\nHEALTHCHECK CMD [\"/a\"]\nFROM scratch AS prod\n";
  EXPECT_EQ(DC043(ctx + "      target: dev\n", two), 0u);
  EXPECT_EQ(DC043(ctx + "      target: prod\n", two), 1u);
  // An unknown base may bring its own: not reported.
  EXPECT_EQ(DC043(ctx, "FROM myorg/base:1\nCOPY . /app\n"), 0u);
  // Inline Dockerfiles are judged the same way.
  EXPECT_EQ(DC043("      context: app\n      dockerfile_inline: |\n        FROM scratch\n        # healthcheck later\n", ""), 1u);
  EXPECT_EQ(DC043("      context: app\n      dockerfile_inline: |\n        FROM myorg/base:1\n", ""), 0u);
}

}  // namespace
}  // namespace shipshape
