#include "config/loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace shipshape {
namespace {

TEST(ConfigLoader, ReadsOwnKeys) {
  Config c;
  std::string err;
  ASSERT_TRUE(ParseConfig("ignore: [DF020, DL3008]\nseverity: {DF001: error}\n"
                          "failure-threshold: warning\ntrusted-registries: [docker.io]\n"
                          "label-schema: {maintainer: text}\nstrict-labels: true\n",
                          ".shipshape.yaml", &c, &err))
      << err;
  EXPECT_EQ(c.ignored.count("DF020"), 1u);
  EXPECT_EQ(c.ignored.count("DL3008"), 1u);
  EXPECT_EQ(c.severity_overrides.at("DF001"), Severity::kError);
  EXPECT_EQ(c.failure_threshold, Severity::kWarning);
  EXPECT_EQ(c.trusted_registries, std::vector<std::string>{"docker.io"});
  EXPECT_EQ(c.label_schema.at("maintainer"), "text");
  EXPECT_TRUE(c.strict_labels);
}

TEST(ConfigLoader, ReadsHadolintKeys) {
  Config c;
  std::string err;
  ASSERT_TRUE(ParseConfig("ignored:\n  - DL3007\noverride:\n  error: [DL3015]\n  info: [DL3008]\n"
                          "trustedRegistries:\n  - my.registry\nfailure-threshold: error\n",
                          ".hadolint.yaml", &c, &err))
      << err;
  EXPECT_EQ(c.ignored.count("DL3007"), 1u);
  EXPECT_EQ(c.severity_overrides.at("DL3015"), Severity::kError);
  EXPECT_EQ(c.severity_overrides.at("DL3008"), Severity::kInfo);
  EXPECT_EQ(c.failure_threshold, Severity::kError);
}

TEST(ConfigLoader, ErrorsHaveLineAndColumn) {
  Config c;
  std::string err;
  EXPECT_FALSE(ParseConfig("ignore: [DF020]\nbogus: 1\n", "cfg.yaml", &c, &err));
  EXPECT_EQ(err, "cfg.yaml:2:1: unknown config key 'bogus'");
  EXPECT_FALSE(ParseConfig("failure-threshold: loud\n", "cfg.yaml", &c, &err));
  EXPECT_EQ(err, "cfg.yaml:1:20: expected a level: style, info, warning, error or critical");
  EXPECT_FALSE(ParseConfig("ignore: [unclosed\n", "cfg.yaml", &c, &err));
  EXPECT_NE(err.find("cfg.yaml:"), std::string::npos);
}

TEST(ConfigLoader, ImagePins) {
  Config c;
  std::string err;
  ASSERT_TRUE(ParseConfig("image-pins:\n  alpine: \"3.21\"\n  ghcr.io/acme/api: 2.3.1\n", "c", &c, &err)) << err;
  EXPECT_EQ(c.image_pins.at("alpine"), "3.21");
  EXPECT_EQ(c.image_pins.at("ghcr.io/acme/api"), "2.3.1");
  EXPECT_FALSE(ParseConfig("image-pins:\n  alpine: latest\n", "c.yaml", &c, &err));
  EXPECT_EQ(err, "c.yaml:2:11: image pin for `alpine` must be a tag such as 3.22");
  EXPECT_FALSE(ParseConfig("image-pins:\n  alpine: \"3.21 x\"\n", "c.yaml", &c, &err));
  EXPECT_FALSE(ParseConfig("image-pins: [alpine]\n", "c.yaml", &c, &err));
  EXPECT_EQ(err, "c.yaml:1:13: image-pins must map image names to tags");
}

TEST(ConfigLoader, NoneThresholdNeverFails) {
  Config c;
  std::string err;
  ASSERT_TRUE(ParseConfig("failure-threshold: none\n", "c", &c, &err));
  EXPECT_FALSE(c.failure_threshold.has_value());
}

TEST(ConfigLoader, ExcludeGlobs) {
  Config c;
  std::string err;
  ASSERT_TRUE(ParseConfig("exclude:\n  - examples/\n  - \"**/testdata/\"\n", "c", &c, &err)) << err;
  std::sort(c.exclude.begin(), c.exclude.end());
  EXPECT_EQ(c.exclude, (std::vector<std::string>{"**/testdata/", "examples/"}));
  ASSERT_TRUE(ParseConfig("exclude: build\n", "c", &c, &err)) << err;
  EXPECT_EQ(c.exclude.size(), 3u);
  EXPECT_FALSE(ParseConfig("exclude: {a: 1}\n", "cfg.yaml", &c, &err));
  EXPECT_EQ(err, "cfg.yaml:1:10: expected a list of strings");
  EXPECT_FALSE(ParseConfig("exclude: [\"\"]\n", "cfg.yaml", &c, &err));
  EXPECT_NE(err.find("must not be empty"), std::string::npos) << err;
}

TEST(ConfigLoader, PerPathOverridesApplyToMatchingFilesOnly) {
  Config c;
  std::string err;
  ASSERT_TRUE(ParseConfig("ignore: [DF020]\n"
                          "severity: {DF011: error}\n"
                          "per-path:\n"
                          "  - paths: [\"legacy/**\", \"tools/*/Dockerfile\"]\n"
                          "    ignore: [DF044]\n"
                          "    severity: {DF011: info}\n"
                          "  - paths: Dockerfile.dev\n"
                          "    override: {style: [DL3008]}\n"
                          "    trusted-registries: [registry.internal]\n"
                          "per-file-ignores:\n"
                          "  \"test/\": [DF010, DF011]\n",
                          ".shipshape.yaml", &c, &err))
      << err;
  ASSERT_EQ(c.path_overrides.size(), 3u);

  Config out;
  EXPECT_FALSE(ConfigForPath(c, "app/Dockerfile", &out));
  EXPECT_FALSE(ConfigForPath(c, "tools/Dockerfile", &out));  // one directory level is required

  ASSERT_TRUE(ConfigForPath(c, "legacy/api/Dockerfile", &out));
  EXPECT_EQ(out.ignored, (std::set<std::string>{"DF020", "DF044"}));
  EXPECT_EQ(out.severity_overrides.at("DF011"), Severity::kInfo);
  EXPECT_TRUE(out.path_overrides.empty());

  ASSERT_TRUE(ConfigForPath(c, "tools/x/Dockerfile", &out));
  EXPECT_EQ(out.ignored.count("DF044"), 1u);

  // A glob without '/' names the file at any depth.
  ASSERT_TRUE(ConfigForPath(c, "svc/web/Dockerfile.dev", &out));
  EXPECT_EQ(out.severity_overrides.at("DL3008"), Severity::kStyle);
  EXPECT_EQ(out.severity_overrides.at("DF011"), Severity::kError);  // the top level still holds
  EXPECT_EQ(out.trusted_registries, std::vector<std::string>{"registry.internal"});
  EXPECT_EQ(out.ignored, std::set<std::string>{"DF020"});

  // A trailing '/' means everything below that directory.
  ASSERT_TRUE(ConfigForPath(c, "test/fixtures/Dockerfile", &out));
  EXPECT_EQ(out.ignored, (std::set<std::string>{"DF010", "DF011", "DF020"}));
  EXPECT_FALSE(ConfigForPath(c, "src/test/Dockerfile", &out));

  // The base itself is untouched.
  EXPECT_EQ(c.ignored, std::set<std::string>{"DF020"});
}

TEST(ConfigLoader, PerPathErrorsHaveLineAndColumn) {
  Config c;
  std::string err;
  EXPECT_FALSE(ParseConfig("per-path:\n  - ignore: [DF044]\n", "cfg.yaml", &c, &err));
  EXPECT_EQ(err, "cfg.yaml:2:5: a per-path entry needs `paths:` (globs)");
  EXPECT_FALSE(ParseConfig("per-path:\n  - paths: [a/]\n    colour: red\n", "cfg.yaml", &c, &err));
  EXPECT_NE(err.find("cfg.yaml:3:5: unknown per-path key 'colour'"), std::string::npos) << err;
  EXPECT_FALSE(ParseConfig("per-path: {a: b}\n", "cfg.yaml", &c, &err));
  EXPECT_NE(err.find("cfg.yaml:1:11: per-path must be a list"), std::string::npos) << err;
  EXPECT_FALSE(ParseConfig("per-path:\n  - paths: x\n    severity: {DF011: loud}\n", "cfg.yaml", &c,
                           &err));
  EXPECT_NE(err.find("cfg.yaml:3:23: expected a level"), std::string::npos) << err;
}

}  // namespace
}  // namespace shipshape
