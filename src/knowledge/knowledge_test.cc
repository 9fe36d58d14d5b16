// The Docker knowledge is one copy: every socket, directory and capability it lists is judged the
// same by the Compose rule and the runtime rule that read it (issue 15: DC031/DR015 and DC032/DR016
// had drifted apart). These tests walk the lists, so an entry added later is covered too.
#include <gtest/gtest.h>

#include <string>

#include "knowledge/capabilities.h"
#include "knowledge/host_paths.h"
#include "core/strings.h"
#include "lint/container_lint.h"
#include "lint/linter.h"
#include "rules/registry.h"
#include "runtime/inspect.h"
#include "runtime/inspect_json.h"

namespace shipshape {
namespace {

// Options running only rule `code` (preview rules included).
LintOptions OnlyRule(std::string_view code) {
  static Config config;
  config.preview = true;
  LintOptions opts;
  opts.config = &config;
  opts.only = FindRule(code);
  EXPECT_NE(opts.only, nullptr) << code;
  return opts;
}

// Findings of rule `code` on a one-service Compose file.
std::vector<Diagnostic> LintCompose(std::string_view code, const std::string& text) {
  const LintOptions opts = OnlyRule(code);
  SourceFile f;
  f.path = "compose.yaml";
  f.kind = FileKind::kCompose;
  f.text = text;
  std::vector<Diagnostic> out;
  for (Diagnostic& d : LintFile(f, opts))
    if (d.rule == opts.only) out.push_back(std::move(d));
  return out;
}

// Findings of rule `code` on one container's `docker inspect` JSON.
std::vector<Diagnostic> LintContainer(std::string_view code, const std::string& json) {
  const LintOptions opts = OnlyRule(code);
  auto loaded = runtime::LoadInspectJson(json);
  EXPECT_TRUE(loaded.ok() && loaded->size() == 1) << json;
  if (!loaded.ok() || loaded->size() != 1) return {};
  std::vector<Diagnostic> out;
  for (Diagnostic& d : runtime::LintContainer((*loaded)[0].model, (*loaded)[0].file, opts))
    if (d.rule == opts.only) out.push_back(std::move(d));
  return out;
}

std::string ComposeBind(std::string_view source, bool read_only) {
  return "services:\n  a:\n    image: x:1\n    volumes:\n      - type: bind\n        source: \"" +
         std::string(source) + "\"\n        target: /mnt/host\n" +
         (read_only ? "        read_only: true\n" : "");
}

std::string JsonEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out += '\\';
    out += c;
  }
  return out;
}

std::string ContainerMount(std::string_view type, std::string_view source, bool read_only) {
  return R"({"Name":"/a","HostConfig":{"Mounts":[{"Type":")" + std::string(type) + R"(","Source":")" +
         JsonEscape(source) + R"(","Target":"/mnt/host","ReadOnly":)" + (read_only ? "true" : "false") +
         "}]}}";
}

TEST(Knowledge, EverySocketIsKnownToDC031AndDR015) {
  for (std::string_view name : knowledge::EngineSocketNames()) {
    for (const std::string& path : {"/run/" + std::string(name), "/home/u/.local/run/" + std::string(name)}) {
      EXPECT_TRUE(knowledge::IsEngineSocket(path)) << path;
      EXPECT_EQ(LintCompose("DC031", ComposeBind(path, true)).size(), 1u) << path;
      EXPECT_EQ(LintContainer("DR015", ContainerMount("bind", path, true)).size(), 1u) << path;
      // A socket is not a sensitive directory: its rule is the socket rule.
      EXPECT_TRUE(LintCompose("DC032", ComposeBind(path, false)).empty()) << path;
      EXPECT_TRUE(LintContainer("DR016", ContainerMount("bind", path, false)).empty()) << path;
    }
  }
  EXPECT_FALSE(knowledge::IsEngineSocket("/run/mysqld/mysqld.sock"));
  EXPECT_FALSE(knowledge::IsEngineSocket("/run/mydocker.sock.d"));
}

TEST(Knowledge, EveryNamedPipeIsKnownToDC031AndDR015) {
  for (std::string_view pipe : knowledge::EngineNamedPipes()) {
    std::string windows(pipe);
    for (char& c : windows)
      if (c == '/') c = '\\';
    for (const std::string& p : {std::string(pipe), windows}) {
      EXPECT_TRUE(knowledge::IsEngineSocket(p)) << p;
      const std::string compose = "services:\n  a:\n    image: x:1\n    volumes:\n      - type: npipe\n"
                                  "        source: '" + p + "'\n        target: '" + p + "'\n";
      EXPECT_EQ(LintCompose("DC031", compose).size(), 1u) << compose;
      EXPECT_EQ(LintContainer("DR015", ContainerMount("npipe", p, false)).size(), 1u) << p;
    }
  }
}

TEST(Knowledge, EverySocketDirectoryIsKnownToDC031AndDR015) {
  for (std::string_view dir : knowledge::EngineSocketDirectories()) {
    for (const std::string& spelling : {std::string(dir), std::string(dir) + "/"}) {
      EXPECT_EQ(knowledge::EngineSocketDirectory(spelling), dir);
      EXPECT_EQ(LintCompose("DC031", ComposeBind(spelling, true)).size(), 1u) << spelling;
      EXPECT_EQ(LintContainer("DR015", ContainerMount("bind", spelling, true)).size(), 1u) << spelling;
    }
  }
  // Below a socket directory is not the directory.
  EXPECT_TRUE(LintCompose("DC031", ComposeBind("/run/postgresql", false)).empty());
  EXPECT_TRUE(LintContainer("DR015", ContainerMount("bind", "/run/postgresql", false)).empty());
}

TEST(Knowledge, EverySensitiveDirectoryIsKnownToDC032AndDR016) {
  for (std::string_view dir : knowledge::SensitiveHostDirectories()) {
    const std::string d(dir);
    // The directory itself, written with `..` and a trailing slash too, mounted writable.
    const std::string odd = d == "/" ? "/tmp/.." : d + "/../" + d.substr(d.rfind('/') + 1) + "/";
    for (const std::string& p : {d, odd}) {
      EXPECT_EQ(knowledge::SensitiveHostDirectory(p), dir) << p;
      EXPECT_EQ(LintCompose("DC032", ComposeBind(p, false)).size(), 1u) << p;
      EXPECT_EQ(LintContainer("DR016", ContainerMount("bind", p, false)).size(), 1u) << p;
    }
    // Something below it, writable, is flagged by both; read-only by neither.
    const std::string below = (d == "/" ? "" : d) + "/some/file";
    if (d == "/") continue;  // below `/` is everything: only `/` itself counts
    EXPECT_EQ(LintCompose("DC032", ComposeBind(below, false)).size(), 1u) << below;
    EXPECT_EQ(LintContainer("DR016", ContainerMount("bind", below, false)).size(), 1u) << below;
    EXPECT_TRUE(LintCompose("DC032", ComposeBind(below, true)).empty()) << below;
    EXPECT_TRUE(LintContainer("DR016", ContainerMount("bind", below, true)).empty()) << below;
  }
  EXPECT_TRUE(knowledge::SensitiveHostDirectory("/srv/data").empty());
  EXPECT_TRUE(knowledge::SensitiveHostDirectory("/etcetera").empty());
  EXPECT_TRUE(knowledge::SensitiveHostDirectory("etc").empty());
}

TEST(Knowledge, HarmlessDevicesPassDC032AndDR016) {
  for (std::string_view dev : knowledge::HarmlessHostDevices()) {
    EXPECT_TRUE(knowledge::SensitiveHostDirectory(dev).empty()) << dev;
    EXPECT_TRUE(LintCompose("DC032", ComposeBind(dev, false)).empty()) << dev;
    EXPECT_TRUE(LintContainer("DR016", ContainerMount("bind", dev, false)).empty()) << dev;
  }
}

TEST(Knowledge, EveryDangerousCapabilityIsKnownToDC021AndDR005) {
  for (const knowledge::DangerousCapability& cap : knowledge::DangerousCapabilities()) {
    EXPECT_FALSE(knowledge::IsDefaultCapability(cap.name)) << cap.name;
    for (const std::string& spelling : {std::string(cap.name), "cap_" + Lower(cap.name)}) {
      EXPECT_EQ(knowledge::NormalizeCapability(spelling), cap.name);
      const auto dc = LintCompose("DC021", "services:\n  a:\n    image: x:1\n    cap_add: [" + spelling + "]\n");
      ASSERT_EQ(dc.size(), 1u) << spelling;
      EXPECT_NE(dc[0].message.find(cap.why), std::string::npos) << dc[0].message;
      const auto dr = LintContainer("DR005", R"({"Name":"/a","HostConfig":{"CapAdd":[")" + spelling + R"("]}})");
      ASSERT_EQ(dr.size(), 1u) << spelling;
      EXPECT_NE(dr[0].message.find(cap.why), std::string::npos) << dr[0].message;
    }
  }
}

TEST(Knowledge, DefaultCapabilitiesAreNeitherDangerousNorAdded) {
  for (std::string_view cap : knowledge::DefaultCapabilities()) {
    EXPECT_EQ(knowledge::FindDangerousCapability(cap), nullptr) << cap;
    EXPECT_TRUE(LintCompose("DC021", "services:\n  a:\n    image: x:1\n    cap_add: [" + std::string(cap) + "]\n").empty());
    EXPECT_TRUE(LintContainer("DR005", R"({"Name":"/a","HostConfig":{"CapAdd":[")" + std::string(cap) + R"("]}})").empty());
  }
}

}  // namespace
}  // namespace shipshape
