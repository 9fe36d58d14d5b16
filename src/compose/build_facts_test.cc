#include "compose/build_facts.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace shipshape::compose {
namespace {

// The facts of the first service of `compose` (at `path`), over the files in `fs`.
BuildFacts FactsOf(const MemoryFileSystem* fs, const std::string& compose, const std::string& path = "compose.yaml") {
  std::unique_ptr<ComposeFile> f = ParseComposeFile(compose, path);
  EXPECT_FALSE(f->services.empty());
  EXPECT_TRUE(f->services[0].build.has_value());
  BuildFacts facts = ReadBuildFacts(fs, path, *f->services[0].build);
  if (fs && facts.read()) FindHealthPath(*fs, &facts);
  return facts;
}

TEST(BuildFactsTest, ReadsTheFinalStageOfANodeApp) {
  MemoryFileSystem fs;
  fs.Add("stack/api/Dockerfile",
         "ARG PORT=3000\nFROM node:22 AS deps\nRUN npm ci\nFROM node:22-alpine\nARG PORT\nARG APP_USER=node\n"
         "WORKDIR /app\nEXPOSE ${PORT} 9229/udp\nVOLUME /app/uploads\nUSER ${APP_USER}\nCMD [\"node\", \"server.js\"]\n");
  fs.Add("stack/api/src/routes.ts", "router.get(\"/health\", ok);\nrouter.get('/healthz', ok);\n");
  fs.Add("stack/api/node_modules/x/index.js", "app.get('/ping');\n");
  const BuildFacts f = FactsOf(&fs, "services:\n  api:\n    build: ./api\n", "stack/compose.yaml");
  ASSERT_TRUE(f.read()) << f.missing;
  EXPECT_EQ(f.dockerfile, "stack/api/Dockerfile");
  EXPECT_EQ(f.base, "node:22-alpine");
  ASSERT_NE(f.base_image, nullptr);
  EXPECT_EQ(f.base_image->name, "node");
  EXPECT_TRUE(f.own_process);
  EXPECT_FALSE(f.KeepsBaseProcess());
  EXPECT_EQ(f.expose, std::vector<int>{3000});  // the redeclared global ARG's default; udp is not probed
  EXPECT_EQ(f.user, "node");
  EXPECT_FALSE(f.RunsAsRoot());
  EXPECT_EQ(f.volumes, std::vector<std::string>{"/app/uploads"});
  EXPECT_EQ(f.probe_tool.name, "wget");
  EXPECT_EQ(f.health_path, "/healthz");  // the preferred route of those the sources declare
  EXPECT_EQ(f.health_path_source, "stack/api/src/routes.ts");
}

TEST(BuildFactsTest, TargetStageAndInstalledTools) {
  MemoryFileSystem fs;
  fs.Add("Dockerfile.prod",
         "FROM golang:1.23 AS build\nRUN go build -o /app\n"
         "FROM debian:bookworm-slim AS run\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n"
         "COPY --from=build /app /app\nEXPOSE 8080 9090\nENTRYPOINT [\"/app\"]\n"
         "FROM run AS debug\nRUN apt-get purge -y curl\n");
  const BuildFacts run = FactsOf(&fs, "services:\n  s:\n    build:\n      context: .\n      dockerfile: Dockerfile.prod\n"
                                      "      target: run\n    ports: [\"9090:9090\"]\n");
  ASSERT_TRUE(run.read()) << run.missing;
  EXPECT_EQ(run.base, "debian:bookworm-slim");
  EXPECT_EQ(run.probe_tool.name, "curl");
  EXPECT_TRUE(run.RootUnknown());  // no USER, a base the table does not know
  std::unique_ptr<ComposeFile> cf = ParseComposeFile("services:\n  s:\n    ports: [\"9090:9090\"]\n", "c.yaml");
  std::string why;
  EXPECT_EQ(run.ListenPort(cf->services[0], &why), 9090);  // of the two EXPOSEd, the published one
  std::unique_ptr<ComposeFile> none = ParseComposeFile("services:\n  s:\n    image: x\n", "c.yaml");
  EXPECT_EQ(run.ListenPort(none->services[0], &why), 0);
  EXPECT_NE(why.find("several ports"), std::string::npos) << why;
  // The debug stage builds on `run` and removes curl again.
  const BuildFacts debug = FactsOf(&fs, "services:\n  s:\n    build:\n      context: .\n      dockerfile: Dockerfile.prod\n"
                                        "      target: debug\n");
  ASSERT_TRUE(debug.read()) << debug.missing;
  EXPECT_TRUE(debug.probe_tool.name.empty());
  const BuildFacts nope = FactsOf(&fs, "services:\n  s:\n    build:\n      context: .\n      dockerfile: Dockerfile.prod\n"
                                        "      target: nope\n");
  EXPECT_FALSE(nope.read());
  EXPECT_NE(nope.missing.find("`nope`"), std::string::npos) << nope.missing;
}

TEST(BuildFactsTest, EntrypointScriptThatStepsDown) {
  MemoryFileSystem fs;
  fs.Add("app/Dockerfile", "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y su-exec\n"
                           "COPY scripts/entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n");
  fs.Add("app/scripts/entrypoint.sh", "#!/bin/sh\nchown app /data\nexec su-exec app \"$@\"\n");
  const BuildFacts f = FactsOf(&fs, "services:\n  app:\n    build: app\n");
  ASSERT_TRUE(f.read()) << f.missing;
  EXPECT_EQ(f.entrypoint_script, "app/scripts/entrypoint.sh");
  EXPECT_TRUE(f.drops_privileges);
  EXPECT_TRUE(f.probe_tool.name.empty());  // a slim base, nothing installed
}

TEST(BuildFactsTest, KeepsTheKnownBaseProcess) {
  MemoryFileSystem fs;
  fs.Add("web/Dockerfile", "FROM nginx:1.27\nCOPY dist /usr/share/nginx/html\nHEALTHCHECK NONE\n");
  const BuildFacts f = FactsOf(&fs, "services:\n  web:\n    build: web\n");
  ASSERT_TRUE(f.read());
  EXPECT_TRUE(f.KeepsBaseProcess());
  EXPECT_EQ(f.base_image->name, "nginx");
  EXPECT_TRUE(f.healthcheck_none);
  EXPECT_FALSE(f.healthcheck);
  EXPECT_TRUE(f.RunsAsRoot());
  EXPECT_TRUE(f.health_path.empty());
}

TEST(BuildFactsTest, SaysWhatIsMissing) {
  MemoryFileSystem fs;
  EXPECT_NE(FactsOf(&fs, "services:\n  a:\n    build: ./gone\n").missing.find("gone/Dockerfile"), std::string::npos);
  EXPECT_NE(FactsOf(nullptr, "services:\n  a:\n    build: .\n").missing.find("not available"), std::string::npos);
  EXPECT_NE(FactsOf(&fs, "services:\n  a:\n    build: ${CTX}\n").missing.find("unset variable"), std::string::npos);
  EXPECT_NE(FactsOf(&fs, "services:\n  a:\n    build: https://github.com/x/y.git\n").missing.find("remote"),
            std::string::npos);
  // An inline Dockerfile needs no file system; FROM scratch runs as root.
  const BuildFacts inl = FactsOf(nullptr, "services:\n  a:\n    build:\n      dockerfile_inline: |\n"
                                          "        FROM scratch\n        COPY app /app\n        ENTRYPOINT [\"/app\"]\n");
  ASSERT_TRUE(inl.read()) << inl.missing;
  EXPECT_TRUE(inl.from_scratch);
  EXPECT_TRUE(inl.RunsAsRoot());
  EXPECT_TRUE(inl.probe_tool.name.empty());
}

TEST(BuildFactsTest, SpringActuatorAndSetcap) {
  MemoryFileSystem fs;
  fs.Add("svc/Dockerfile", "FROM eclipse-temurin:21-jre-alpine\nRUN apk add libcap && setcap cap_net_bind_service=+ep "
                           "/opt/java/openjdk/bin/java\nUSER 1000\nEXPOSE 8080\nENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n");
  fs.Add("svc/build.gradle.kts", "dependencies { implementation(\"org.springframework.boot:spring-boot-starter-actuator\") }\n");
  const BuildFacts f = FactsOf(&fs, "services:\n  svc:\n    build: svc\n");
  ASSERT_TRUE(f.read());
  EXPECT_EQ(f.health_path, "/actuator/health");
  EXPECT_TRUE(f.sets_file_caps);
  EXPECT_EQ(f.probe_tool.name, "wget");  // busybox of the alpine tag
  EXPECT_FALSE(f.RunsAsRoot());
}

}  // namespace
}  // namespace shipshape::compose
