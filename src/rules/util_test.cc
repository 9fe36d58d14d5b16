#include "rules/util.h"

#include <gtest/gtest.h>

namespace shipshape::rules {
namespace {

TEST(VarScope, FollowsBuildKitScoping) {
  auto df = dockerfile::Parse(
      "ARG V=1\nARG NODEF\nFROM alpine:3.20 AS a\nENV E=x\nARG V\nARG L=$V-2\n"
      "FROM a\nARG TARGETARCH\n");
  const VarScope global(*df);
  EXPECT_EQ(global.Value("V"), "1");
  EXPECT_TRUE(global.Has("NODEF"));
  EXPECT_EQ(global.Value("NODEF"), std::nullopt);
  EXPECT_EQ(global.Value("TARGETARCH"), "amd64");  // predefined in the global scope

  VarScope a(*df, df->stages[0]);
  EXPECT_FALSE(a.Has("V"));  // global ARGs are not visible until redeclared
  for (const dockerfile::Instruction* ins : df->stages[0].instructions) a.Apply(*ins);
  EXPECT_EQ(a.Value("V"), "1");
  EXPECT_EQ(a.Value("L"), "1-2");
  EXPECT_EQ(a.Value("E"), "x");

  VarScope child(*df, df->stages[1]);
  EXPECT_EQ(child.Value("E"), "x");  // ENV is inherited
  EXPECT_FALSE(child.Has("V"));      // ARG is not
  EXPECT_FALSE(child.Has("TARGETARCH"));
  for (const dockerfile::Instruction* ins : df->stages[1].instructions) child.Apply(*ins);
  EXPECT_EQ(child.Value("TARGETARCH"), "amd64");

  Expansion e = child.Expand("${E}/${MISSING}");
  EXPECT_EQ(e.text, "x/");
  EXPECT_FALSE(e.complete);
  ASSERT_EQ(e.undefined.size(), 1u);
  EXPECT_EQ(e.undefined[0], "MISSING");
}

TEST(ImageReference, Validity) {
  for (const char* ok : {"alpine", "alpine:3.20", "library/alpine", "ghcr.io/org/app:1.0-rc",
                         "localhost:5000/a/b", "MyReg.io/app", "a@sha256:0123456789abcdef0123456789abcdef",
                         "scratch", "a-b_c.d/e__f"})
    EXPECT_TRUE(IsValidImageReference(ok)) << ok;
  for (const char* bad : {"", "Alpine", "node:", ":tag", "a//b", "a:tag:tag", "-a", "a b"})
    EXPECT_FALSE(IsValidImageReference(bad)) << bad;
}

TEST(Expose, Parse) {
  ExposeSpec s = ParseExpose("127.0.0.1:8080:80/TCP");
  EXPECT_EQ(s.host, "127.0.0.1:8080");
  EXPECT_EQ(s.port, "80");
  EXPECT_EQ(s.proto, "TCP");
  EXPECT_EQ(s.port_offset, 15u);
  s = ParseExpose("[::1]:80");
  EXPECT_EQ(s.host, "[::1]");
  EXPECT_EQ(s.port, "80");
  s = ParseExpose("8000-8010");
  EXPECT_TRUE(s.host.empty());
  EXPECT_EQ(s.port, "8000-8010");
}

TEST(Service, Heuristic) {
  auto svc = [](const char* text) {
    auto df = dockerfile::Parse(text);
    return LooksLikeService(*df, *df->final_stage());
  };
  EXPECT_TRUE(svc("FROM alpine:3.20\nEXPOSE 80\n"));
  EXPECT_TRUE(svc("FROM alpine:3.20\nCMD [\"/app\"]\n"));
  EXPECT_TRUE(svc("FROM nginx:1.27\nCOPY a /b\n"));
  EXPECT_TRUE(svc("FROM x:1\nENTRYPOINT [\"tini\", \"--\"]\nCMD [\"server\"]\n"));
  EXPECT_FALSE(svc("FROM alpine:3.20\nCMD [\"sh\"]\n"));
  EXPECT_FALSE(svc("FROM node:22\nENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [\"node\"]\n"));
  EXPECT_FALSE(svc("FROM alpine:3.20\nRUN true\n"));
  EXPECT_TRUE(svc("FROM alpine:3.20\nCMD [\"sh\", \"-c\", \"exec server\"]\n"));
}

TEST(Names, ClosestAndDistance) {
  EXPECT_EQ(EditDistance("builder", "bulider"), 2u);
  EXPECT_EQ(ClosestName("bulider", {"builder", "base"}), "builder");
  EXPECT_EQ(ClosestName("APP_HOEM", {"APP_HOME", "PATH"}), "APP_HOME");
  EXPECT_EQ(ClosestName("ab", {"ac"}), "");  // too short to call it a typo
  EXPECT_EQ(ClosestName("node", {"NODE"}), "NODE");
}

TEST(ExternalBaseTest, ResolvesAndSkips) {
  auto df = dockerfile::Parse(
      "ARG IMG=alpine:3.20\nFROM $IMG AS a\nFROM a\nFROM scratch\nFROM base\n"
      "FROM build-${TARGETARCH}\nFROM x AS build-amd64\n");
  ASSERT_EQ(df->stages.size(), 6u);
  auto ref = ExternalBase(*df, df->stages[0]);
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->repository, "alpine");
  EXPECT_EQ(ref->tag, "3.20");
  EXPECT_FALSE(ExternalBase(*df, df->stages[1]));  // an earlier stage
  EXPECT_FALSE(ExternalBase(*df, df->stages[2]));  // scratch
  EXPECT_FALSE(ExternalBase(*df, df->stages[3]));  // a named build context
  EXPECT_FALSE(ExternalBase(*df, df->stages[4]));  // a stage selected by platform
}

}  // namespace
}  // namespace shipshape::rules
