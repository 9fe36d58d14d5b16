// Behaviour of the Compose rules that the generic inline-case driver does not see: side-file
// writes of the secret fixes, masking, findings in anchors and `extends` bases, unknown
// interpolation, fix applicability chosen from the known-images table.
#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "envfile/envfile.h"
#include "fix/fixer.h"
#include "lint/linter.h"
#include "rules/compose/secret_env.h"
#include "rules/registry.h"

namespace shipshape {
namespace {

// Options running only rule `code` (preview rules included).
LintOptions OnlyRule(std::string_view code, const Workspace* ws = nullptr) {
  static Config config;
  config.preview = true;
  LintOptions opts;
  opts.config = &config;
  opts.workspace = ws;
  opts.only = FindRule(code);
  EXPECT_NE(opts.only, nullptr) << code;
  return opts;
}

SourceFile ComposeSource(std::string text, std::string path = "compose.yaml") {
  SourceFile f;
  f.path = std::move(path);
  f.kind = FileKind::kCompose;
  f.text = std::move(text);
  return f;
}

// A workspace reading `fs`.
Workspace WorkspaceOn(MemoryFileSystem& fs) {
  Workspace ws;
  ws.root = ".";
  ws.fs = &fs;
  return ws;
}

std::vector<Diagnostic> Lint(std::string_view code, std::string text, const Workspace* ws = nullptr,
                             std::string path = "compose.yaml") {
  const LintOptions opts = OnlyRule(code, ws);
  const SourceFile f = ComposeSource(std::move(text), std::move(path));
  std::vector<Diagnostic> out;
  for (Diagnostic& d : LintFile(f, opts))
    if (d.rule == opts.only) out.push_back(std::move(d));
  return out;
}

TEST(ComposeSecretFix, WritesEnvFilesAndMasks) {
  const std::string text =
      "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2-xyz\n";
  std::vector<Diagnostic> d = Lint("DC010", text);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].message.find("hunter2-xyz"), std::string::npos) << d[0].message;
  ASSERT_EQ(d[0].redactions.size(), 1u);
  EXPECT_EQ(d[0].redactions[0].Of(text), "hunter2-xyz");
  ASSERT_TRUE(d[0].fix.has_value());
  EXPECT_EQ(d[0].fix->applicability, Applicability::kUnsafe);
  EXPECT_EQ(d[0].fix->title.find("hunter2"), std::string::npos);
  const auto& w = d[0].fix->file_writes;
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0].path, ".env");
  EXPECT_EQ(w[0].content, "POSTGRES_PASSWORD=hunter2-xyz\n");
  EXPECT_TRUE(w[0].append);
  EXPECT_EQ(w[0].mode, 0600u);
  EXPECT_EQ(w[1].path, ".env.example");
  EXPECT_EQ(w[1].content, "POSTGRES_PASSWORD=\n");
  EXPECT_TRUE(w[1].append);
  EXPECT_EQ(w[2].path, ".gitignore");
  EXPECT_EQ(w[2].content, ".env\n");
  EXPECT_TRUE(w[2].append);
}

TEST(ComposeSecretFix, ExistingEnvWithSameValueIsNotRewritten) {
  MemoryFileSystem fs;
  fs.Add(".env", "POSTGRES_PASSWORD=hunter2-xyz\n");
  const Workspace ws = WorkspaceOn(fs);
  std::vector<Diagnostic> d =
      Lint("DC010", "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2-xyz\n", &ws);
  ASSERT_EQ(d.size(), 1u);
  ASSERT_TRUE(d[0].fix.has_value());
  for (const Fix::FileWrite& w : d[0].fix->file_writes) EXPECT_NE(w.path, ".env");
  EXPECT_EQ(d[0].fix->edits[0].text, "\"${POSTGRES_PASSWORD}\"");
}

TEST(ComposeSecretFix, DotEnvLineRoundTrips) {
  for (std::string v : {"simple", "with space", "quo'te", "dollar$sign", "multi\nline", "back\\slash\"quote", "#hash",
                        "a=b;c"}) {
    const std::string line = crules::DotEnvLine("K", v);
    envfile::EnvFile env = envfile::Parse(line + "\n", {});
    ASSERT_TRUE(env.ok()) << line;
    ASSERT_EQ(env.entries.size(), 1u) << line;
    ASSERT_TRUE(env.entries[0].value.has_value()) << line;
    EXPECT_EQ(*env.entries[0].value, v) << line;
  }
}

TEST(ComposeSecretFix, ConnectionPasswords) {
  auto pw = [](std::string_view t) {
    std::vector<std::string> out;
    for (auto [a, b] : crules::LiteralConnectionPasswords(t)) out.emplace_back(t.substr(a, b - a));
    return out;
  };
  EXPECT_EQ(pw("postgres://u:p4ss@db/x"), std::vector<std::string>{"p4ss"});
  EXPECT_EQ(pw("redis://:pw@cache:6379"), std::vector<std::string>{"pw"});
  EXPECT_EQ(pw("Server=s;User Id=sa;Password=Pass@word;"), std::vector<std::string>{"Pass@word"});
  EXPECT_TRUE(pw("postgres://u:${PW}@db/x").empty());
  EXPECT_TRUE(pw("${URL:-postgres://u:p4ss@db/x}").empty());
  EXPECT_TRUE(pw("https://example.org/path:with@colon").empty());
  EXPECT_TRUE(pw("postgres://u:<password>@db/x").empty());
}

TEST(ComposeAnchors, FindingInAnchorIsReportedOnceWithUsers) {
  const std::string text =
      "x-common: &common\n  privileged: true\nservices:\n  a:\n    <<: *common\n    image: x:1\n  b:\n"
      "    <<: *common\n    image: y:1\n";
  std::vector<Diagnostic> d = Lint("DC020", text);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].range.Of(text), "true");
  EXPECT_EQ(d[0].related, (std::vector<std::string>{"service a", "service b"}));
  EXPECT_NE(d[0].message.find("shared definition used by a, b"), std::string::npos) << d[0].message;
}

TEST(ComposeAnchors, ExtendsBaseListsItsUsers) {
  const std::string text =
      "services:\n  base:\n    image: x:1\n    privileged: true\n  web:\n    extends: base\n  worker:\n"
      "    extends:\n      service: base\n";
  std::vector<Diagnostic> d = Lint("DC020", text);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].related, (std::vector<std::string>{"service web", "service worker"}));
}

TEST(ComposeAnchors, ExtendsInheritsWhatIsMissing) {
  // `web` gets restart, healthcheck, logging... from `base`: no "missing" findings for it.
  const std::string text =
      "services:\n  base:\n    image: redis:7\n    restart: always\n    healthcheck:\n      test: [\"CMD\", \"redis-cli\", \"ping\"]\n"
      "    logging:\n      driver: local\n    security_opt: [no-new-privileges:true]\n    read_only: true\n"
      "    mem_limit: 1g\n    cpus: 1\n    cap_drop: [ALL]\n  web:\n    extends: base\n";
  for (const char* code : {"DC022", "DC023", "DC034", "DC040", "DC041", "DC044", "DC046"})
    EXPECT_TRUE(Lint(code, text).empty()) << code;
}

TEST(ComposeUnknown, UnsetVariablesAreNeitherPassNorFail) {
  const std::string text =
      "services:\n  db:\n    image: ${IMAGE}\n    privileged: ${PRIV}\n    user: ${RUN_AS}\n    network_mode: ${NET}\n"
      "    read_only: ${RO}\n    ports:\n      - \"${BIND_IP}:5432:5432\"\n    volumes:\n      - ${SRC}:/var/run/docker.sock\n"
      "    cap_add: [\"${CAP}\"]\n    security_opt: [\"${OPT}\"]\n";
  for (const char* code : {"DC003", "DC020", "DC021", "DC023", "DC024", "DC025", "DC031", "DC032", "DC034", "DC036",
                           "DC060", "DC061"})
    EXPECT_TRUE(Lint(code, text).empty()) << code << ": " << (Lint(code, text).empty() ? "" : Lint(code, text)[0].message);
}

TEST(ComposeHealthcheckFix, SafetyFollowsTheTable) {
  auto applicability = [](const std::string& image) {
    std::vector<Diagnostic> d = Lint("DC041", "services:\n  s:\n    image: " + image + "\n");
    EXPECT_EQ(d.size(), 1u) << image;
    EXPECT_TRUE(!d.empty() && d[0].fix.has_value()) << image;
    return d.empty() || !d[0].fix ? Applicability::kDisplayOnly : d[0].fix->applicability;
  };
  EXPECT_EQ(applicability("postgres:16"), Applicability::kSafe);
  EXPECT_EQ(applicability("mariadb:11.4"), Applicability::kSafe);
  EXPECT_EQ(applicability("mariadb:10.6"), Applicability::kUnsafe);
  EXPECT_EQ(applicability("mariadb"), Applicability::kSafe);
  EXPECT_EQ(applicability("mongo:4.4"), Applicability::kUnsafe);
  EXPECT_EQ(applicability("nginx:1.27"), Applicability::kUnsafe);
  EXPECT_EQ(applicability("prom/prometheus:v2.53.0"), Applicability::kSafe);
}

TEST(ComposeCapabilitiesFix, GenericSetForUnknownImages) {
  const LintOptions opts = OnlyRule("DC022");
  const SourceFile f =
      ComposeSource("services:\n  app:\n    image: ${APP_IMAGE}\n  api:\n    build: .\n    cap_add: [NET_BIND_SERVICE]\n");
  std::vector<Diagnostic> d = Lint("DC022", f.text);
  ASSERT_EQ(d.size(), 2u);
  for (const Diagnostic& x : d) {
    ASSERT_TRUE(x.fix.has_value());
    EXPECT_EQ(x.fix->applicability, Applicability::kUnsafe);
    EXPECT_NE(x.fix->title.find("generic set"), std::string::npos) << x.fix->title;
    EXPECT_NE(x.fix->title.find("trim it"), std::string::npos) << x.fix->title;
  }
  // What the fix adds back is none of DC021's dangerous capabilities, nor a duplicate.
  const FixOutcome fixed = FixToFixpoint(f, opts, Applicability::kUnsafe);
  ASSERT_TRUE(fixed.converged);
  EXPECT_TRUE(Lint("DC022", fixed.text).empty()) << fixed.text;
  EXPECT_TRUE(Lint("DC021", fixed.text).empty()) << fixed.text;
  size_t bind = 0;  // once per service
  for (size_t at = fixed.text.find("NET_BIND_SERVICE"); at != std::string::npos;
       at = fixed.text.find("NET_BIND_SERVICE", at + 1))
    ++bind;
  EXPECT_EQ(bind, 2u) << fixed.text;
  for (const char* dropped : {"NET_RAW", "MKNOD", "AUDIT_WRITE", "SETFCAP", "SETPCAP", "SYS_CHROOT", "FSETID"})
    EXPECT_EQ(fixed.text.find(dropped), std::string::npos) << dropped;
  // No generic set where it is likely wrong or pointless; still reported.
  for (const char* svc : {"    image: myorg/agent:1\n    network_mode: host\n", "    image: myorg/agent:1\n    pid: host\n",
                          "    image: mcr.microsoft.com/windows/servercore:ltsc2022\n",
                          "    image: myorg/app:1\n    cap_add: [all]\n"}) {
    std::vector<Diagnostic> r = Lint("DC022", std::string("services:\n  s:\n") + svc);
    ASSERT_EQ(r.size(), 1u) << svc;
    EXPECT_FALSE(r[0].fix.has_value()) << svc;
  }
}

TEST(ComposeReadOnlyFix, DataMustStayOnAVolume) {
  auto fixable = [](const std::string& svc) {
    std::vector<Diagnostic> d = Lint("DC034", "services:\n  s:\n" + svc);
    EXPECT_EQ(d.size(), 1u) << svc;
    return !d.empty() && d[0].fix.has_value();
  };
  // The image's own VOLUME keeps the data.
  EXPECT_TRUE(fixable("    image: redis:7.4\n"));
  EXPECT_TRUE(fixable("    image: postgres:16\n    environment:\n      PGDATA: /var/lib/postgresql/data/pg\n"));
  // PGDATA moved out of it; an image without that VOLUME; writes not known.
  EXPECT_FALSE(fixable("    image: postgres:16\n    environment:\n      PGDATA: /var/lib/postgresql/pgdata\n"));
  EXPECT_FALSE(fixable("    image: redis/redis-stack-server:7.4.0-v0\n"));
  EXPECT_FALSE(fixable("    image: bitnami/rabbitmq:3.13\n    volumes:\n      - mq:/bitnami\n"));
  EXPECT_FALSE(fixable("    image: louislam/uptime-kuma:2\n    volumes:\n      - kuma:/app/data\n"));
}

TEST(ComposeHealthcheck, ImagesDeclaringOneAreNotReported) {
  EXPECT_TRUE(Lint("DC041", "services:\n  kuma:\n    image: louislam/uptime-kuma:2\n").empty());
  EXPECT_TRUE(Lint("DC041", "services:\n  hs:\n    image: matrixdotorg/synapse:v1.120.0\n").empty());
}

TEST(ComposeHealthcheck, BuiltServiceReadsItsDockerfile) {
  MemoryFileSystem fs;
  fs.Add("api/Dockerfile", "FROM python:3.12\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n");
  fs.Add("worker/Dockerfile", "FROM python:3.12\nCMD [\"python\", \"w.py\"]\n");
  fs.Add("kuma/Dockerfile", "FROM louislam/uptime-kuma:2\nCOPY x /x\n");
  fs.Add("kuma-off/Dockerfile", "FROM louislam/uptime-kuma:2\nHEALTHCHECK NONE\n");
  const Workspace ws = WorkspaceOn(fs);
  const std::string text = "services:\n  api:\n    build: ./api\n  worker:\n    build: ./worker\n";
  std::vector<Diagnostic> d = Lint("DC041", text, &ws);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].range.Of(text), "worker");
  // Without access to the files nothing is claimed about built images.
  EXPECT_TRUE(Lint("DC041", text).empty());
  // A base image that declares a HEALTHCHECK passes it on, unless the Dockerfile turns it off.
  const std::string kuma = "services:\n  a:\n    build: ./kuma\n  b:\n    build: ./kuma-off\n";
  std::vector<Diagnostic> dk = Lint("DC041", kuma, &ws);
  ASSERT_EQ(dk.size(), 1u);
  EXPECT_EQ(dk[0].range.Of(kuma), "b");
  // depends_on service_healthy on the worker: its image (FROM a known image, no HEALTHCHECK) has none.
  const std::string dep = text + "  web:\n    image: nginx:1.27\n    depends_on:\n      worker:\n        condition: service_healthy\n"
                                 "      api:\n        condition: service_healthy\n";
  std::vector<Diagnostic> d43 = Lint("DC043", dep, &ws);
  ASSERT_EQ(d43.size(), 1u);
  EXPECT_NE(d43[0].message.find("`worker`"), std::string::npos);
}

TEST(ComposeDevFiles, NamesMarkDevelopmentFiles) {
  const std::string text = "services:\n  api:\n    image: a:1\n    environment:\n      - DEBUG=1\n";
  EXPECT_EQ(Lint("DC071", text, nullptr, "docker-compose.yml").size(), 1u);
  EXPECT_EQ(Lint("DC071", text, nullptr, "deploy/prod/compose.yaml").size(), 1u);
  for (const char* dev : {"docker-compose.dev.yml", "compose.override.yaml", "docker-compose-test.yml",
                          "compose.local.yaml", "docker-compose.ci.yml"})
    EXPECT_TRUE(Lint("DC071", text, nullptr, dev).empty()) << dev;
}

// DC063 compared every host port with every port published before it: 40 ranges of 1000 ports
// (1.3 KB) took 5.5 s in a release build, far longer under ASan, where compose_fuzzer met them.
double SecondsToLint(std::string_view code, std::string text, size_t* findings) {
  const auto t0 = std::chrono::steady_clock::now();
  *findings = Lint(code, std::move(text)).size();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string PortRanges(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    const std::string r = std::to_string(i * 1000 + 1) + "-" + std::to_string(i * 1000 + 1000);
    out += "      - \"" + r + ":" + r + "\"\n";
  }
  return out;
}

TEST(ComposeHostileInput, ManyPublishedPortRangesAreLinear) {
  const std::string text = "services:\n  a:\n    image: a:1\n    ports:\n" + PortRanges(60) +
                           "  b:\n    image: b:1\n    ports: [\"59999:80\"]\n";
  size_t findings = 0;
  EXPECT_LT(SecondsToLint("DC063", text, &findings), 5.0);
  EXPECT_EQ(findings, 1u);
}

TEST(ComposeHostileInput, AliasedPortListsStopAtTheCap) {
  // 400 services in disjoint profiles publish the same 50 000 ports through one alias: 2*10^7
  // ports, each compared with every earlier owner (minutes), so the rule stops at kMaxCheckedPorts.
  std::string text = "x-p: &p\n" + PortRanges(50) + "services:\n";
  for (int i = 0; i < 400; ++i)
    text += "  s" + std::to_string(i) + ": {image: a:1, profiles: [p" + std::to_string(i) + "], ports: *p}\n";
  size_t findings = 0;
  EXPECT_LT(SecondsToLint("DC063", text, &findings), 5.0);
  EXPECT_EQ(findings, 0u);
}

}  // namespace
}  // namespace shipshape

namespace shipshape {
namespace {

// The ```yaml blocks under a docs heading.
std::vector<std::string> YamlBlocks(std::string_view docs, std::string_view heading) {
  std::vector<std::string> out;
  size_t h = docs.find(heading);
  if (h == std::string_view::npos) return out;
  size_t end = docs.find("\n## ", h + heading.size());
  std::string_view sec = docs.substr(h, end == std::string_view::npos ? std::string_view::npos : end - h);
  size_t p = 0;
  while ((p = sec.find("```yaml\n", p)) != std::string_view::npos) {
    p += 8;
    size_t q = sec.find("```", p);
    if (q == std::string_view::npos) break;
    out.emplace_back(sec.substr(p, q - p));
    p = q + 3;
  }
  return out;
}

TEST(ComposeRuleDocs, ExampleTriggersAndUseInsteadDoesNot) {
  // Rules that need files around the Compose file or a configuration to fire.
  const std::set<std::string_view> kNeedContext = {"DC004", "DC005", "DC014", "DC052"};
  for (const Rule* r : AllRules()) {
    if (r->target != Target::kCompose || !r->check_compose || kNeedContext.count(r->code)) continue;
    std::vector<std::string> bad = YamlBlocks(r->docs, "## Example");
    ASSERT_FALSE(bad.empty()) << r->code;
    EXPECT_FALSE(Lint(r->code, bad[0]).empty()) << r->code << " Example does not trigger:\n" << bad[0];
    for (const std::string& good : YamlBlocks(r->docs, "## Use instead"))
      EXPECT_TRUE(Lint(r->code, good).empty()) << r->code << " Use instead triggers:\n" << good;
  }
}

}  // namespace
}  // namespace shipshape
