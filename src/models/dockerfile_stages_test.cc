// The stage model: target stage selection and the HEALTHCHECK an image carries, read from the
// parser's model rather than from the text.
#include "models/dockerfile_stages.h"

#include <gtest/gtest.h>

namespace shipshape::models {
namespace {

ImageHealthcheck HealthOf(std::string_view text, std::string_view target = {}) {
  const auto df = dockerfile::Parse(text);
  EXPECT_NE(df, nullptr);
  const dockerfile::Stage* s = TargetStage(*df, target);
  EXPECT_NE(s, nullptr) << text;
  return s ? StageHealthcheck(*df, *s) : ImageHealthcheck::kInherited;
}

TEST(DockerfileStages, TargetStage) {
  const auto df = dockerfile::Parse("FROM alpine AS Build\nRUN true\nFROM scratch AS final\n");
  ASSERT_EQ(TargetStage(*df), &df->stages.back());
  ASSERT_NE(TargetStage(*df, "BUILD"), nullptr);
  EXPECT_EQ(TargetStage(*df, "BUILD")->index, 0u);
  EXPECT_EQ(TargetStage(*df, "nope"), nullptr);
  EXPECT_EQ(TargetStage(*dockerfile::Parse("")), nullptr);
}

TEST(DockerfileStages, HealthcheckOfTheImage) {
  EXPECT_EQ(HealthOf("FROM alpine\nHEALTHCHECK CMD wget -q localhost\n"), ImageHealthcheck::kDefined);
  EXPECT_EQ(HealthOf("FROM alpine\nhealthcheck --interval=5s \\\n  CMD true\n"), ImageHealthcheck::kDefined);
  EXPECT_EQ(HealthOf("FROM alpine\nHEALTHCHECK none\n"), ImageHealthcheck::kDisabled);
  EXPECT_EQ(HealthOf("FROM alpine\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n"), ImageHealthcheck::kDisabled);
  // Inherited from an in-file parent stage.
  EXPECT_EQ(HealthOf("FROM alpine AS base\nHEALTHCHECK CMD true\nFROM base\n"), ImageHealthcheck::kDefined);
  // A text scan would have said yes to each of these.
  EXPECT_EQ(HealthOf("FROM alpine\n# HEALTHCHECK CMD true\n"), ImageHealthcheck::kInherited);
  EXPECT_EQ(HealthOf("FROM alpine\nRUN echo healthcheck\n"), ImageHealthcheck::kInherited);
  EXPECT_EQ(HealthOf("FROM alpine AS build\nHEALTHCHECK CMD true\nFROM scratch\n"), ImageHealthcheck::kInherited);
  // `target:` picks the stage.
  EXPECT_EQ(HealthOf("FROM alpine AS dev\nHEALTHCHECK CMD true\nFROM alpine AS prod\n", "dev"),
            ImageHealthcheck::kDefined);
  EXPECT_EQ(HealthOf("FROM alpine AS dev\nHEALTHCHECK CMD true\nFROM alpine AS prod\n", "prod"),
            ImageHealthcheck::kInherited);
}

}  // namespace
}  // namespace shipshape::models
