#include "runtime/inspect.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "rules/registry.h"
#include "runtime/test_util.h"

namespace shipshape::runtime {
namespace {

using testing::ReadFixture;

Config PreviewConfig() {
  Config c;
  c.preview = true;
  return c;
}

std::vector<std::string> Codes(const FileResult& f) {
  std::vector<std::string> out;
  for (const Diagnostic& d : f.diagnostics) out.emplace_back(d.rule->code);
  std::sort(out.begin(), out.end());
  return out;
}

const FileResult* FileFor(const Report& r, std::string_view path) {
  for (const FileResult& f : r.files)
    if (f.file->path == path) return &f;
  return nullptr;
}

/// The expected findings per container of every fixture: each runtime rule is exercised by at
/// least one engine version's real-shaped output (checked below).
struct Expected {
  const char* fixture;
  const char* container;  // file path
  std::vector<std::string> codes;
};

const std::vector<Expected>& Table() {
  static const std::vector<Expected> kTable = {
      {"engine-27.3_compose-stack.json",
       "container:shop-web-1",
       {"DR003", "DR006", "DR007", "DR008", "DR009", "DR010", "DR011", "DR014", "DR022", "DR023"}},
      {"engine-27.3_compose-stack.json", "container:shop-db-1", {"DR007"}},
      {"engine-24.0_privileged-host.json",
       "container:cadvisor",
       {"DR001", "DR003", "DR004", "DR005", "DR006", "DR007", "DR008", "DR009",
        "DR010", "DR011", "DR013", "DR014", "DR015", "DR015", "DR016", "DR016", "DR016", "DR016", "DR017",
        "DR018", "DR019", "DR020", "DR021", "DR023", "DR024", "DR025"}},
      {"engine-20.10_compose-v1-unhealthy.json",
       "container:legacy_api_1",
       {"DR002", "DR003", "DR005", "DR006", "DR010", "DR012", "DR013", "DR014", "DR015", "DR016",
        "DR022", "DR023"}},
      {"engine-18.09_single-object.json", "container:billing", {"DR010"}},
      {"engine-25.0_hardened.json", "container:edge-proxy", {}},
  };
  return kTable;
}

TEST(InspectFromJson, FixtureFindings) {
  const Config config = PreviewConfig();
  for (const Expected& e : Table()) {
    auto r = InspectFromJson(ReadFixture(e.fixture), config, e.fixture);
    ASSERT_TRUE(r.ok()) << e.fixture << ": " << r.error().message;
    EXPECT_EQ(r->report.mode, "inspect");
    EXPECT_EQ(r->report.root, e.fixture);
    const FileResult* f = FileFor(r->report, e.container);
    ASSERT_NE(f, nullptr) << e.fixture << " " << e.container;
    EXPECT_EQ(Codes(*f), e.codes) << e.fixture << " " << e.container;
  }
}

TEST(InspectFromJson, EveryRuntimeRuleIsCoveredByAFixture) {
  std::set<std::string> seen;
  for (const Expected& e : Table()) seen.insert(e.codes.begin(), e.codes.end());
  for (const Rule* rule : AllRules()) {
    if (rule->target != Target::kRuntime) continue;
    EXPECT_TRUE(seen.count(std::string(rule->code))) << rule->code << " has no fixture finding";
  }
}

// Each finding's first line shows the key it is about.
TEST(InspectFromJson, DiagnosticsPointAtTheirKey) {
  static const std::map<std::string, std::vector<std::string>> kKey = {
      {"DR001", {"\"Name\": \"no\""}},
      {"DR002", {"\"MaximumRetryCount\": 0"}},
      {"DR003", {"\"User\": "}},
      {"DR004", {"\"Privileged\": true"}},
      {"DR005", {"\"SYS_ADMIN\"", "\"NET_ADMIN\""}},
      {"DR006", {"\"SecurityOpt\""}},
      {"DR007", {"\"ReadonlyRootfs\": false"}},
      {"DR008", {"\"Memory\": 0"}},
      {"DR009", {"\"NanoCpus\": 0"}},
      {"DR010", {"\"PidsLimit\""}},
      {"DR011", {"\"Config\": {"}},
      {"DR012", {"\"Status\": \"unhealthy\""}},
      {"DR013", {"\"Image\": \""}},
      {"DR014", {"\"Image\": \""}},
      {"DR015", {"\"/:/rootfs:ro\"", "\"/var/run:/var/run:ro\"", "\"/var/run/docker.sock:/var/run/docker.sock:ro\""}},
      {"DR016", {"\"/:/rootfs:ro\"", "\"/var/run:/var/run:ro\"", "\"/sys:/sys:ro\"", "\"/var/lib/docker/:/var/lib/docker:ro\"",
                 "\"/etc/legacy:/etc/legacy:rw\""}},
      {"DR017", {"\"NetworkMode\": \"host\""}},
      {"DR018", {"\"PidMode\": \"host\""}},
      {"DR019", {"\"IpcMode\": \"host\""}},
      {"DR020", {"\"UTSMode\": \"host\""}},
      {"DR021", {"\"UsernsMode\": \"host\""}},
      {"DR022", {"\"HostIp\": \"\"", "\"HostIp\": \"0.0.0.0\""}},
      {"DR023", {"\"Config\": {"}},
      {"DR024", {"\"seccomp=unconfined\""}},
      {"DR025", {"\"apparmor=unconfined\""}},
  };
  const Config config = PreviewConfig();
  for (const Expected& e : Table()) {
    auto r = InspectFromJson(ReadFixture(e.fixture), config);
    ASSERT_TRUE(r.ok());
    for (const FileResult& f : r->report.files) {
      for (const Diagnostic& d : f.diagnostics) {
        ASSERT_LE(d.range.end, f.file->text.size());
        ASSERT_LT(d.range.start, d.range.end) << d.rule->code;
        const std::string line(f.file->lines().Line(f.file->lines().Locate(d.range.start).line));
        const auto& keys = kKey.at(std::string(d.rule->code));
        EXPECT_TRUE(
            std::any_of(keys.begin(), keys.end(),
                        [&](const std::string& k) { return line.find(k) != std::string::npos; }))
            << d.rule->code << " in " << f.file->path << " points at: " << line;
        // The range itself stays on one line.
        EXPECT_EQ(d.range.Of(f.file->text).find('\n'), std::string_view::npos) << d.rule->code;
      }
    }
  }
}

TEST(InspectFromJson, ComposeAttribution) {
  auto r = InspectFromJson(ReadFixture("engine-27.3_compose-stack.json"), PreviewConfig());
  ASSERT_TRUE(r.ok());
  const FileResult* web = FileFor(r->report, "container:shop-web-1");
  ASSERT_NE(web, nullptr);
  ASSERT_FALSE(web->diagnostics.empty());
  for (const Diagnostic& d : web->diagnostics) {
    EXPECT_EQ(d.related,
              (std::vector<std::string>{"service web (project shop)", "/srv/shop/compose.yaml",
                                        "/srv/shop/compose.prod.yaml"}))
        << d.rule->code;
    EXPECT_NE(d.message.find(" on service `web` in /srv/shop/compose.yaml or "
                             "/srv/shop/compose.prod.yaml"),
              std::string::npos)
        << d.message;
  }
  auto find = [&](std::string_view code) -> const Diagnostic* {
    for (const Diagnostic& d : web->diagnostics)
      if (d.rule->code == code) return &d;
    return nullptr;
  };
  ASSERT_NE(find("DR007"), nullptr);
  EXPECT_EQ(find("DR007")->message,
            "the root filesystem is writable: an intruder can change binaries and configuration "
            "inside the container; set `read_only: true` (with `tmpfs: [/tmp]` for scratch space) "
            "on service `web` in /srv/shop/compose.yaml or /srv/shop/compose.prod.yaml");
  ASSERT_NE(find("DR022"), nullptr);
  EXPECT_NE(find("DR022")->message.find("`\"127.0.0.1:8080:80\"`"), std::string::npos)
      << find("DR022")->message;

  // Compose v1: relative config file resolved against the working dir.
  auto v1 = InspectFromJson(ReadFixture("engine-20.10_compose-v1-unhealthy.json"), PreviewConfig());
  ASSERT_TRUE(v1.ok());
  for (const Diagnostic& d : v1->report.files[0].diagnostics) {
    EXPECT_EQ(d.related, (std::vector<std::string>{"service api (project legacy)",
                                                   "/opt/legacy/docker-compose.yml"}));
    if (d.rule->code == "DR002") {
      EXPECT_EQ(d.message,
                "restart policy `on-failure` without a maximum retry count: a container that "
                "always fails is restarted forever; set `restart: on-failure:5` (or "
                "`deploy.restart_policy.max_attempts`) on service `api` in "
                "/opt/legacy/docker-compose.yml");
    }
    if (d.rule->code == "DR012") {
      EXPECT_EQ(d.message,
                "the container is unhealthy (14 failed checks in a row): the last check exited "
                "with 1: `curl: (22) The requested URL returned error: 503`; check the service "
                "and its `healthcheck:` on service `api` in /opt/legacy/docker-compose.yml");
    }
  }
}

TEST(InspectFromJson, PlainContainersGetRunRemedies) {
  auto r = InspectFromJson(ReadFixture("engine-24.0_privileged-host.json"), PreviewConfig());
  ASSERT_TRUE(r.ok());
  for (const Diagnostic& d : r->report.files[0].diagnostics) {
    EXPECT_TRUE(d.related.empty()) << d.rule->code;
    EXPECT_EQ(d.message.find(" on service `"), std::string::npos) << d.message;
    if (d.rule->code == "DR001") {
      EXPECT_EQ(d.message,
                "no restart policy (`no`): the container stays down after a crash or an engine "
                "restart; apply one live with `docker update --restart unless-stopped cadvisor`");
    }
    if (d.rule->code == "DR004") {
      EXPECT_NE(d.message.find("recreate it without `--privileged`"), std::string::npos);
    }
  }
}

TEST(InspectFromJson, ReportIsSortedAndDeterministic) {
  const Config config = PreviewConfig();
  auto a = InspectFromJson(ReadFixture("engine-27.3_compose-stack.json"), config);
  auto b = InspectFromJson(ReadFixture("engine-27.3_compose-stack.json"), config);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->report.files.size(), 2u);
  EXPECT_EQ(a->report.files[0].file->path, "container:shop-db-1");
  EXPECT_EQ(a->report.files[1].file->path, "container:shop-web-1");
  EXPECT_EQ(a->sources.size(), 2u);
  EXPECT_EQ(a->containers[0].name, "shop-web-1");  // input order
  for (size_t i = 0; i < a->report.files.size(); ++i) {
    const auto& da = a->report.files[i].diagnostics;
    const auto& db = b->report.files[i].diagnostics;
    ASSERT_EQ(da.size(), db.size());
    for (size_t k = 0; k < da.size(); ++k) {
      EXPECT_EQ(da[k].range, db[k].range);
      EXPECT_EQ(da[k].message, db[k].message);
      if (k) {
        EXPECT_TRUE(da[k - 1].range.start < da[k].range.start ||
                    (da[k - 1].range.start == da[k].range.start &&
                     da[k - 1].rule->code <= da[k].rule->code));
      }
    }
  }
  // Moving the inspection keeps the report's file pointers valid.
  Inspection moved = std::move(*a);
  EXPECT_EQ(moved.report.files[0].file, moved.sources[1].get());
}

TEST(InspectFromJson, EveryRuntimeRuleRunsByDefault) {
  // `inspect` with the default configuration runs every runtime rule: the same findings as with
  // --preview, and no runtime rule is preview.
  Config defaults;
  auto r = InspectFromJson(ReadFixture("engine-24.0_privileged-host.json"), defaults);
  ASSERT_TRUE(r.ok());
  auto all = InspectFromJson(ReadFixture("engine-24.0_privileged-host.json"), PreviewConfig());
  ASSERT_TRUE(all.ok());
  const std::vector<std::string> codes = Codes(r->report.files[0]);
  EXPECT_EQ(codes, Codes(all->report.files[0]));
  EXPECT_NE(std::find(codes.begin(), codes.end(), "DR014"), codes.end());
  Config selected;  // --select narrows the run as usual.
  selected.selected = {"DR014"};
  r = InspectFromJson(ReadFixture("engine-24.0_privileged-host.json"), selected);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Codes(r->report.files[0]), (std::vector<std::string>{"DR014"}));
  for (const Rule* rule : AllRules()) {
    if (rule->target == Target::kRuntime) {
      EXPECT_NE(rule->status, Status::kPreview) << rule->code;
    }
  }
}

TEST(InspectFromJson, ConfigIgnoreSelectAndSeverity) {
  Config config = PreviewConfig();
  config.ignored = {"DR016", "5.5", "no-pids-limit"};  // by code, CIS alias, name
  config.severity_overrides["DR015"] = Severity::kWarning;
  auto r = InspectFromJson(ReadFixture("engine-24.0_privileged-host.json"), config);
  ASSERT_TRUE(r.ok());
  for (const Diagnostic& d : r->report.files[0].diagnostics) {
    EXPECT_NE(d.rule->code, "DR016");
    EXPECT_NE(d.rule->code, "DR004");
    EXPECT_NE(d.rule->code, "DR010");
    if (d.rule->code == "DR015") {
      EXPECT_EQ(d.severity, Severity::kWarning);
    }
    if (d.rule->code == "DR024") {
      EXPECT_EQ(d.severity, Severity::kError);
    }
  }
  Config select = PreviewConfig();
  select.selected = {"DR01"};  // a decade
  r = InspectFromJson(ReadFixture("engine-24.0_privileged-host.json"), select);
  ASSERT_TRUE(r.ok());
  for (const Diagnostic& d : r->report.files[0].diagnostics)
    EXPECT_EQ(d.rule->code.substr(0, 4), "DR01");
}

TEST(InspectFromJson, IgnoreLabelSilencesRulesPerContainer) {
  const std::string json = R"([
    {"Name": "/a", "Config": {"User": "", "Labels": {"shipshape.ignore": "DR003, no-memory-limit,5.13"}},
     "HostConfig": {"Memory": 0, "ReadonlyRootfs": false, "Privileged": true}},
    {"Name": "/b", "Config": {"User": "", "Labels": {"shipshape.ignore": "all"}},
     "HostConfig": {"Privileged": true}}])";
  auto r = InspectFromJson(json, PreviewConfig());
  ASSERT_TRUE(r.ok()) << r.error().message;
  const FileResult* a = FileFor(r->report, "container:a");
  const FileResult* b = FileFor(r->report, "container:b");
  ASSERT_TRUE(a && b);
  std::vector<std::string> codes = Codes(*a);
  EXPECT_TRUE(std::find(codes.begin(), codes.end(), "DR004") != codes.end());
  for (const char* silenced : {"DR003", "DR008", "DR007"})
    EXPECT_TRUE(std::find(codes.begin(), codes.end(), silenced) == codes.end()) << silenced;
  EXPECT_TRUE(b->diagnostics.empty());
}

TEST(InspectFromJson, ErrorsPassThrough) {
  auto r = InspectFromJson("[{", PreviewConfig());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  r = InspectFromJson(ReadFixture("image-inspect_not-a-container.json"), PreviewConfig());
  ASSERT_FALSE(r.ok());
}

TEST(InspectFromJson, NoContainers) {
  auto r = InspectFromJson("[]", PreviewConfig(), "-");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->report.files.empty());
  EXPECT_EQ(r->report.root, "-");
  EXPECT_EQ(r->report.mode, "inspect");
}

}  // namespace
}  // namespace shipshape::runtime
