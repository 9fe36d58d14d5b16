#include "rules/dockerfile/run_analysis.h"

#include <gtest/gtest.h>

#include "fix/fixer.h"
#include "lint/linter.h"

namespace shipshape::rules::run {
namespace {

using RunT = Run;  // `Run` is also gtest's Test::Run inside TEST bodies

struct Parsed {
  std::string text;
  std::unique_ptr<dockerfile::Dockerfile> df;
  std::unique_ptr<Analysis> an;
};

Parsed Analyze(std::string text) {
  Parsed p;
  p.text = std::move(text);
  p.df = dockerfile::Parse(p.text);
  p.an = std::make_unique<Analysis>(*p.df);
  return p;
}

std::vector<std::string> Names(const RunT& r) {
  std::vector<std::string> out;
  for (const Cmd& c : r.cmds) out.emplace_back(c.name());
  return out;
}

TEST(RunAnalysis, ShellFormAndContinuationsMapToSource) {
  Parsed p = Analyze("FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n");
  ASSERT_EQ(p.an->runs().size(), 1u);
  const RunT& r = *p.an->runs()[0];
  EXPECT_EQ(Names(r), (std::vector<std::string>{"apt-get", "apt-get"}));
  const Cmd& c = r.cmds[1];
  const shell::Word& w = c.args()[2];
  EXPECT_EQ(c.Range(w).Of(p.text), "curl");
}

TEST(RunAnalysis, HeredocScriptsAndData) {
  Parsed p = Analyze(
      "FROM debian:12\n"
      "RUN <<EOF\napt-get update\nEOF\n"
      "RUN <<-EOF\n\tapt-get install -y x\n\tEOF\n"
      "RUN cat <<EOF > /x.sh\napt-get install y\nEOF\n"
      "RUN bash <<EOF\npip install z\nEOF\n"
      "RUN <<EOF\n#!/usr/bin/env python3\nimport os\nEOF\n"
      "RUN <<EOF\n#!/bin/bash\necho hi\nEOF\n");
  const auto& runs = p.an->runs();
  ASSERT_EQ(runs.size(), 6u);
  EXPECT_EQ(Names(*runs[0]), (std::vector<std::string>{"", "apt-get"}));
  // <<- strips tabs, and ranges still point at the source bytes.
  const Cmd& c = runs[1]->cmds.back();
  EXPECT_EQ(c.name(), "apt-get");
  EXPECT_EQ(c.Range(c.args().back()).Of(p.text), "x");
  EXPECT_TRUE(c.seg->fixable);
  EXPECT_EQ(Names(*runs[2]), (std::vector<std::string>{"cat"}));
  EXPECT_EQ(Names(*runs[3]), (std::vector<std::string>{"bash", "pip"}));
  EXPECT_EQ(runs[3]->segments.back()->interpreter, "bash");
  EXPECT_EQ(Names(*runs[4]), (std::vector<std::string>{""}));
  EXPECT_EQ(runs[5]->segments.back()->interpreter, "bash");
}

TEST(RunAnalysis, NonPosixShellsAreSkipped) {
  Parsed a = Analyze("FROM debian:12\nSHELL [\"powershell\", \"-Command\"]\nRUN apt-get update\n");
  EXPECT_FALSE(a.an->runs()[0]->posix);
  EXPECT_TRUE(a.an->runs()[0]->cmds.empty());
  Parsed b = Analyze("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN dir\n");
  EXPECT_FALSE(b.an->runs()[0]->posix);
  Parsed c = Analyze("# escape=`\nFROM x\nRUN dir\n");
  EXPECT_FALSE(c.an->runs()[0]->posix);
  Parsed d = Analyze("# hadolint shell=powershell\nFROM x\nRUN dir\n");
  EXPECT_FALSE(d.an->runs()[0]->posix);
  Parsed e = Analyze("FROM debian:12 AS a\nSHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\n"
                     "FROM a\nRUN a | b\n");
  EXPECT_TRUE(e.an->runs()[0]->posix);
  EXPECT_TRUE(e.an->runs()[0]->shell.pipefail);
  EXPECT_EQ(e.an->runs()[0]->shell.name, "bash");
}

TEST(RunAnalysis, ExecFormAndMounts) {
  Parsed p = Analyze(
      "FROM debian:12\nRUN [\"sh\", \"-c\", \"apt-get update\"]\n"
      "RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=secret,id=tok "
      "true\n");
  const RunT& ex = *p.an->runs()[0];
  EXPECT_EQ(Names(ex), (std::vector<std::string>{"sh", "apt-get"}));
  EXPECT_FALSE(ex.segments[0]->fixable);
  EXPECT_EQ(ex.cmds[1].Range().Of(p.text), "apt-get update");
  const RunT& m = *p.an->runs()[1];
  ASSERT_EQ(m.mounts.size(), 2u);
  EXPECT_EQ(m.mounts[0].type, "cache");
  EXPECT_EQ(m.mounts[0].target, "/var/cache/apt");
  EXPECT_EQ(m.mounts[1].type, "secret");
  EXPECT_EQ(m.mounts[1].id, "tok");
  EXPECT_TRUE(m.HasDiscardMount("/var/cache/apt"));
  EXPECT_FALSE(m.HasDiscardMount("/root"));
}

TEST(RunAnalysis, StagesAndEnv) {
  Parsed p = Analyze(
      "FROM python:3.12-alpine AS base\nENV PIP_NO_CACHE_DIR=1\n"
      "FROM base AS build\nRUN pip install x\n"
      "FROM debian:12 AS unused\nRUN true\n"
      "FROM base\nCOPY --from=build /a /a\nRUN true\n");
  const auto& runs = p.an->runs();
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_FALSE(p.an->InFinalImage(*runs[0]->stage));  // only COPY --from-ed
  EXPECT_FALSE(p.an->InFinalImage(*runs[1]->stage));
  EXPECT_TRUE(p.an->InFinalImage(*runs[2]->stage));
  EXPECT_TRUE(p.an->InFinalImage(p.df->stages[0]));  // base of the final stage
  EXPECT_EQ(p.an->EnvAt(runs[0]->ins, "PIP_NO_CACHE_DIR"), "1");
  EXPECT_FALSE(p.an->EnvAt(runs[1]->ins, "PIP_NO_CACHE_DIR"));
  EXPECT_EQ(p.an->Family(*runs[0]->stage), BaseFamily::kAlpine);
  EXPECT_EQ(p.an->Family(*runs[1]->stage), BaseFamily::kDebian);
}

TEST(RunAnalysis, Families) {
  EXPECT_EQ(FamilyOfImage("ubuntu:24.04"), BaseFamily::kDebian);
  EXPECT_EQ(FamilyOfImage("python:3.12-slim"), BaseFamily::kDebian);
  EXPECT_EQ(FamilyOfImage("node:20-alpine"), BaseFamily::kAlpine);
  EXPECT_EQ(FamilyOfImage("registry.access.redhat.com/ubi9/ubi-minimal:9.4"), BaseFamily::kRedHat);
  EXPECT_EQ(FamilyOfImage("gcr.io/distroless/static"), BaseFamily::kNoShell);
  EXPECT_EQ(FamilyOfImage("mcr.microsoft.com/windows/servercore:ltsc2022"), BaseFamily::kWindows);
  EXPECT_EQ(FamilyOfImage("myorg/app:1"), BaseFamily::kUnknown);
  EXPECT_EQ(FamilyOfImage("$BASE"), BaseFamily::kUnknown);
}

TEST(RunAnalysis, EditHelpers) {
  Parsed p = Analyze("FROM debian:12\nRUN apt-get install \\\n    curl # note\nRUN a &\nRUN x; y\n");
  const RunT& r = *p.an->runs()[0];
  const Cmd& c = r.cmds[0];
  auto ins = InsertAfter(c, c.args()[0], "-y");
  ASSERT_TRUE(ins);
  EXPECT_EQ(ins->range.start, p.text.find("install") + 7);
  auto rm = RemoveWord(c, c.args()[1]);
  ASSERT_TRUE(rm);
  EXPECT_EQ(rm->range.Of(p.text), " curl");
  // Text after a trailing comment would be commented out; after `a &` it would change meaning.
  EXPECT_FALSE(AppendToScript(*r.segments[0], " && z"));
  EXPECT_FALSE(AppendToScript(*p.an->runs()[1]->segments[0], " && z"));
  // `RUN a &` + `RUN x; y`: the join would hide failures or background the rest.
  EXPECT_FALSE(JoinRuns(p.text, *p.an->runs()[1], *p.an->runs()[2]));
}

// Several rules fixing one file together must still produce a working Dockerfile.
std::string FixAll(std::string text,
                   std::set<std::string> selected = {"DF04", "DF05", "DF06", "DF07", "DF08",
                                                        "DF09"}) {
  Config config;
  config.preview = true;
  config.selected = std::move(selected);
  LintOptions opts;
  opts.config = &config;
  SourceFile f;
  f.path = "Dockerfile";
  f.kind = FileKind::kDockerfile;
  f.text = std::move(text);
  FixOutcome out = FixToFixpoint(f, opts, Applicability::kUnsafe);
  EXPECT_TRUE(out.converged);
  EXPECT_TRUE(out.rolled_back.empty());
  return out.text;
}

TEST(RunRulesTogether, UpdateAloneIsMergedBeforeListsAreRemoved) {
  EXPECT_EQ(FixAll("FROM debian:12\nRUN apt-get update\nRUN apt-get install curl\n"),
            "FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y "
            "curl && rm -rf /var/lib/apt/lists/*\n");
}

TEST(RunRulesTogether, AptAndPipTogether) {
  EXPECT_EQ(FixAll("FROM python:3.12\nRUN sudo apt update && sudo apt install -y git \\\n"
                   "    && pip install -r requirements.txt\n"),
            "FROM python:3.12\nRUN apt-get update && apt-get install --no-install-recommends -y "
            "git \\\n    && pip install --no-cache-dir -r requirements.txt && rm -rf "
            "/var/lib/apt/lists/*\n");
}

// DF011 adds a USER while DF141 and DF142 add RUNs that need root: whatever pass order, the
// installs end up above the USER.
TEST(RunRulesTogether, UserIsAddedBelowRootInstalls) {
  EXPECT_EQ(FixAll("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n\n# serve\nEXPOSE 8000\n"
                   "HEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\n"
                   "CMD [\"python\", \"-m\", \"app\"]\n",
                   {"DF011", "DF141", "DF142"}),
            "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n"
            "RUN groupadd --system --gid 10001 app \\\n    && useradd --system --no-log-init "
            "--uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app \\\n"
            "    && chown app:app /app\n"
            "RUN apt-get update && apt-get install -y --no-install-recommends tini \\\n"
            "    && rm -rf /var/lib/apt/lists/*\n"
            "RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n"
            "    && rm -rf /var/lib/apt/lists/*\n"
            "USER 10001:10001\n\n# serve\nEXPOSE 8000\n"
            "HEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\n"
            "ENTRYPOINT [\"/usr/bin/tini\", \"--\"]\nCMD [\"python\", \"-m\", \"app\"]\n");
}

}  // namespace
}  // namespace shipshape::rules::run
