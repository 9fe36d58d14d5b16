#include "compose/compose.h"

#include <gtest/gtest.h>

#include <chrono>

#include "compose/schema.h"

namespace shipshape::compose {
namespace {

TEST(ComposePortsTest, ShortSyntaxTable) {
  struct Case {
    const char* spec;
    bool ok;
    const char *ip, *pub, *tgt, *proto;
  } cases[] = {
      {"80", true, "", "", "80", ""},
      {"8080:80", true, "", "8080", "80", ""},
      {"127.0.0.1:8080:80/tcp", true, "127.0.0.1", "8080", "80", "tcp"},
      {"127.0.0.1::80", true, "127.0.0.1", "", "80", ""},
      {"[::1]:8080:80", true, "::1", "8080", "80", ""},
      {"::1:8080:80/udp", true, "::1", "8080", "80", "udp"},
      {"8000-8010:8000-8010", true, "", "8000-8010", "8000-8010", ""},
      {"53:53/udp", true, "", "53", "53", "udp"},
      {"abc:80", false, "", "abc", "80", ""},
      {"80:", false, "", "80", "", ""},
      {"80/xyz", false, "", "", "80", "xyz"},
  };
  for (const Case& c : cases) {
    std::string ip, pub, tgt, proto, err;
    EXPECT_EQ(ParsePortSpec(c.spec, &ip, &pub, &tgt, &proto, &err), c.ok) << c.spec << " " << err;
    EXPECT_EQ(ip, c.ip) << c.spec;
    EXPECT_EQ(pub, c.pub) << c.spec;
    EXPECT_EQ(tgt, c.tgt) << c.spec;
    EXPECT_EQ(proto, c.proto) << c.spec;
  }
}

TEST(ComposeVolumesTest, ShortSyntaxTable) {
  struct Case {
    const char *spec, *src, *dst, *opts;
    MountType type;
  } cases[] = {
      {"/data", "/data", "", "", MountType::kVolume},
      {"./src:/app:ro", "./src", "/app", "ro", MountType::kBind},
      {"data:/var/lib/db", "data", "/var/lib/db", "", MountType::kVolume},
      {"~/x:/x:rw,z", "~/x", "/x", "rw,z", MountType::kBind},
      {"C:\\data:/data", "C:\\data", "/data", "", MountType::kBind},
      {"/var/run/docker.sock:/var/run/docker.sock", "/var/run/docker.sock", "/var/run/docker.sock", "", MountType::kBind},
  };
  for (const Case& c : cases) {
    std::string src, dst, opts;
    SplitVolumeSpec(c.spec, &src, &dst, &opts);
    EXPECT_EQ(src, c.src) << c.spec;
    EXPECT_EQ(dst, c.dst) << c.spec;
    EXPECT_EQ(opts, c.opts) << c.spec;
    if (!dst.empty()) {
      EXPECT_EQ(ClassifyVolumeSource(src), c.type) << c.spec;
    }
  }
}

const char* kSample = R"(version: "3.8"
x-common: &common
  restart: always
  environment:
    SHARED: "1"
services:
  web:
    <<: *common
    image: "nginx:${TAG}"
    build:
      context: ./web
      args:
        - A=1
    ports:
      - "127.0.0.1:8080:80"
      - target: 443
        published: "${HTTPS_PORT:-8443}"
        host_ip: "::"
    volumes:
      - ./conf:/etc/nginx:ro
      - type: volume
        source: data
        target: /data
    environment:
      - KEY=value
      - BARE
    depends_on:
      db:
        condition: service_healthy
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost"]
      interval: 30s
    deploy:
      resources:
        limits: {cpus: "0.5", memory: 512M}
    cap_drop: [ALL]
    privileged: false
  db:
    <<: *common
    image: postgres:16
volumes:
  data:
networks:
  front: {}
)";

TEST(ComposeModelTest, NormalizedViews) {
  std::map<std::string, std::string, std::less<>> vars{{"TAG", "1.25"}};
  LoadOptions o;
  o.lookup = MapLookup(&vars);
  const std::string src = kSample;
  auto f = ParseComposeFile(src, "compose.yaml", o);
  ASSERT_TRUE(f->usable());
  EXPECT_TRUE(f->problems.empty());
  ASSERT_EQ(f->services.size(), 2u);
  const Service* web = f->FindService("web");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(web->image.text, "nginx:1.25");
  EXPECT_EQ(web->image.range.Of(src), "\"nginx:${TAG}\"");
  EXPECT_EQ(web->restart.text, "always");
  EXPECT_TRUE(web->restart.from_anchor);
  EXPECT_EQ(web->restart.range.start, src.find("always"));
  ASSERT_TRUE(web->build.has_value());
  EXPECT_EQ(web->build->context.text, "./web");
  ASSERT_EQ(web->build->args.size(), 1u);
  EXPECT_EQ(web->build->args[0].key, "A");
  ASSERT_EQ(web->ports.size(), 2u);
  EXPECT_EQ(web->ports[0].host_ip.text, "127.0.0.1");
  EXPECT_EQ(web->ports[0].published.text, "8080");
  EXPECT_EQ(web->ports[0].target.text, "80");
  EXPECT_EQ(web->ports[1].published.text, "8443");
  EXPECT_TRUE(web->ports[1].long_syntax);
  EXPECT_EQ(web->ports[1].host_ip.text, "::");
  ASSERT_EQ(web->volumes.size(), 2u);
  EXPECT_EQ(web->volumes[0].type, MountType::kBind);
  EXPECT_TRUE(web->volumes[0].read_only);
  EXPECT_EQ(web->volumes[1].type, MountType::kVolume);
  EXPECT_EQ(web->volumes[1].source.text, "data");
  // environment: the service's own list replaces the anchor's map (local key wins in `<<`).
  ASSERT_EQ(web->environment.size(), 2u);
  EXPECT_EQ(web->environment[0].key, "KEY");
  EXPECT_EQ(web->environment[0].key_range.Of(src), "KEY");
  EXPECT_EQ(web->environment[0].value->range.Of(src), "value");
  EXPECT_FALSE(web->environment[1].value.has_value());
  ASSERT_EQ(web->depends_on.size(), 1u);
  EXPECT_EQ(web->depends_on[0].condition, "service_healthy");
  ASSERT_TRUE(web->healthcheck.has_value());
  EXPECT_EQ(web->healthcheck->test.size(), 4u);
  EXPECT_EQ(web->limits_memory.text, "512M");
  EXPECT_EQ(web->cap_drop.size(), 1u);
  EXPECT_EQ(web->privileged.AsBool(), false);
  ASSERT_TRUE(f->version_range.has_value());
  EXPECT_EQ(f->version_range->Of(src), "version: \"3.8\"");
  EXPECT_EQ(f->volumes.size(), 1u);
  EXPECT_EQ(f->networks.size(), 1u);
  EXPECT_EQ(f->extensions.size(), 1u);
  // The anchor's `restart` definition is used by both services.
  const TextRange def{static_cast<uint32_t>(src.find("always")), static_cast<uint32_t>(src.find("always") + 6)};
  EXPECT_EQ(f->ServicesUsing(def), (std::vector<std::string>{"web", "db"}));
}

TEST(ComposeModelTest, UnknownVariables) {
  auto f = ParseComposeFile("services:\n  a:\n    image: ${IMAGE}\n    ports: [\"${P}:80\"]\n", "c.yaml");
  const Service* a = f->FindService("a");
  EXPECT_FALSE(a->image.known);
  EXPECT_EQ(a->image.unknown, std::vector<std::string>{"IMAGE"});
  EXPECT_FALSE(a->ports[0].known);
  EXPECT_TRUE(f->problems.empty());
  EXPECT_TRUE(ValidateSchema(f->root).empty());
}

TEST(ComposeSchemaTest, HelpfulMessages) {
  const std::string src = "services:\n  web:\n    image: nginx\n    restart_policy:\n      condition: on-failure\n";
  auto f = ParseComposeFile(src, "c.yaml");
  auto errs = ValidateSchema(f->root);
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_NE(errs[0].message.find("`restart_policy` is not allowed"), std::string::npos) << errs[0].message;
  EXPECT_NE(errs[0].message.find("deploy"), std::string::npos);
  EXPECT_EQ(errs[0].range.Of(src), "restart_policy");

  auto g = ParseComposeFile("services:\n  web:\n    image: nginx\n    privileged: ${PRIV}\n    ports:\n      - ${PORT}\n",
                            "c.yaml");
  EXPECT_TRUE(ValidateSchema(g->root).empty());
  auto h = ParseComposeFile("services:\n  web:\n    image: [1]\n", "c.yaml");
  auto herrs = ValidateSchema(h->root);
  ASSERT_EQ(herrs.size(), 1u);
  EXPECT_EQ(herrs[0].path, "services.web.image");
}

TEST(ComposeProjectTest, DiscoveryMergeExtendsInclude) {
  MemoryFileSystem fs;
  fs.Add("p/compose.yaml",
         "include:\n  - inc/other.yaml\nservices:\n  web:\n    extends: {file: base.yaml, service: base}\n"
         "    image: web:1\n    ports: [\"80:80\"]\n    environment: [A=1]\n    command: [a]\n");
  fs.Add("p/compose.override.yml",
         "services:\n  web:\n    ports: [\"80:80\", \"443:443\"]\n    environment: [A=2, B=3]\n    command: [b]\n"
         "    cap_add: !reset []\n    image: ${IMG:-web:2}\n");
  fs.Add("p/base.yaml", "services:\n  base:\n    image: base:1\n    cap_add: [NET_ADMIN]\n    restart: always\n");
  fs.Add("p/inc/other.yaml", "services:\n  cache:\n    image: redis\n");
  fs.Add("p/.env", "IMG=from-env:3\n");
  EXPECT_EQ(DiscoverComposeFiles(fs, "p"), (std::vector<std::string>{"p/compose.yaml", "p/compose.override.yml"}));
  ProjectOptions po;
  po.project_dir = "p";
  auto r = LoadComposeProject(fs, po);
  ASSERT_TRUE(r.ok()) << r.error().message;
  const ComposeFile& f = **r;
  for (const Problem& p : f.problems) ADD_FAILURE() << p.message;
  const Service* web = f.FindService("web");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(web->image.text, "from-env:3");
  EXPECT_EQ(web->restart.text, "always");  // from the extends base
  EXPECT_TRUE(web->cap_add.empty());       // !reset
  ASSERT_EQ(web->ports.size(), 2u);        // unique by identity
  ASSERT_EQ(web->environment.size(), 2u);  // A replaced, B added
  EXPECT_EQ(web->environment[0].value->text, "2");
  ASSERT_EQ(web->command.size(), 1u);      // command replaced, not appended
  EXPECT_EQ(web->command[0].text, "b");
  EXPECT_NE(f.FindService("cache"), nullptr);
  // Provenance: restart came from base.yaml.
  EXPECT_EQ(f.sources[web->restart.source].path, "p/base.yaml");
  EXPECT_EQ(web->restart.range.Of(f.SourceTextOf(web->restart.source)), "always");
}

TEST(ComposeProjectTest, ExtendsErrorsAreProblems) {
  MemoryFileSystem fs;
  fs.Add("compose.yaml", "services:\n  a:\n    extends: b\n  b:\n    extends: a\n  c:\n    extends: nope\n");
  ProjectOptions po;
  po.files = {"compose.yaml"};
  auto r = LoadComposeProject(fs, po);
  ASSERT_TRUE(r.ok());
  EXPECT_GE((*r)->problems.size(), 2u);
  ProjectOptions none;
  none.project_dir = "empty";
  EXPECT_FALSE(LoadComposeProject(fs, none).ok());
}

TEST(ComposeSchemaTest, MostSpecificErrorsOnly) {
  const std::vector<RawError> raws = {
      {{"<root>", "[services]"}, "Failed to validate against child schema"},             // deeper below
      {{"<root>", "[services]", "[web]"}, "Object contains a property that could not be validated"},
      {{"<root>", "[x]"}, "Failed to validate against schema associated with property name 'x'"},
      {{"<root>", "[y]"}, "Failed to validate against child schema"},                     // first generic
      {{"<root>", "[y]"}, "Failed to match exactly one oneOf schema"},                   // later generic
      {{"<root>", "[z]"}, "Failed to match exactly one oneOf schema"},                   // specific here
      {{"<root>", "[z]"}, "Value is not one of the values in the enum"},
      {{"<root>", "[zz]"}, "Value is not one of the values in the enum"},                // [z] is no prefix
  };
  EXPECT_EQ(MostSpecific(raws), (std::vector<bool>{false, true, true, true, false, false, true, true}));
}

// Every error was compared with every other (O(n^2) string compares): a list of 100 bad entries
// used through an alias by 100 services (4.4 KB, 10 000 errors) took 2.5 minutes of CPU; 60 by 60
// took ~20 s. Now ~0.2 s in a release build, ~2 s under ASan.
TEST(ComposeSchemaTest, ManyErrorsThroughAliasesAreFast) {
  std::string text = "x-l: &l\n";
  for (int i = 0; i < 60; ++i) text += "  - {bad" + std::to_string(i) + ": 1}\n";
  text += "services:\n";
  for (int i = 0; i < 60; ++i) text += "  s" + std::to_string(i) + ": {image: a, ports: *l}\n";
  auto f = ParseComposeFile(text, "compose.yaml", {});
  const auto t0 = std::chrono::steady_clock::now();
  const std::vector<SchemaError> errs = ValidateSchema(f->root);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 10.0);
  EXPECT_EQ(errs.size(), 3600u);
}

}  // namespace
}  // namespace shipshape::compose
