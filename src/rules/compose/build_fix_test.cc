// Issue 17 §2 end to end: a stack whose services are built from local Dockerfiles, fixed by every
// rule at unsafe level to a fixpoint. The fixes that read the build (DC041 probe, DC034 read-only
// root, DC022 capabilities, DC044 class) land where the facts allow and nowhere else, what they
// could not decide is named in the remaining findings, docker-compose 1.29 accepts the output, and
// a second run changes nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "fix/fixer.h"
#include "lint/linter.h"
#include "rules/registry.h"
#include "testing/docker_compose.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCompose = R"(services:
  api:
    build: ./api
    ports:
      - "127.0.0.1:3000:3000"
  web:
    build:
      context: web
    ports:
      - "127.0.0.1:8080:80"
  worker:
    build: ./worker
  n8n:
    image: docker.n8n.io/n8nio/n8n:1.80.0
    volumes:
      - n8n:/home/node/.n8n
volumes:
  n8n:
)";

const std::vector<std::pair<std::string, std::string>> kFiles = {
    {"api/Dockerfile", "FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nUSER node\nCMD [\"node\", \"server.js\"]\n"},
    {"api/server.js", "app.get('/healthz', (req, res) => res.send('ok'));\n"},
    {"web/Dockerfile", "FROM nginx:1.27-alpine\nCOPY dist /usr/share/nginx/html\n"},
    {"worker/Dockerfile", "FROM python:3.12-slim\nCOPY . /app\nCMD [\"python\", \"/app/worker.py\"]\n"},
    {"worker/worker.py", "while True: work()\n"},
};

struct Stack {
  MemoryFileSystem mem;
  Workspace ws;
  SourceFile file;
  Config config;
  Stack(const std::string& text) {
    for (const auto& [path, content] : kFiles) mem.Add(path, content);
    mem.Add("compose.yaml", text);
    ws.root = ".";
    ws.fs = &mem;
    file.path = "compose.yaml";
    file.text = text;
    file.kind = FileKind::kCompose;
    ws.files.push_back(&file);
  }
  FixOutcome Fix() const {
    LintOptions o;
    o.config = &config;
    o.workspace = &ws;
    return FixToFixpoint(file, o, Applicability::kUnsafe);
  }
};

// The YAML block of service `name` (up to the next line at its indent or less).
std::string Block(const std::string& text, const std::string& name) {
  size_t at = text.find("\n  " + name + ":\n");
  if (at == std::string::npos) return {};
  size_t end = at + 1;
  while ((end = text.find('\n', end + 1)) != std::string::npos)
    if (end + 4 < text.size() && text.compare(end + 1, 4, "    ") != 0) break;
  return text.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

bool HasFinding(const FixOutcome& o, std::string_view code, std::string_view service, std::string_view text) {
  for (const Diagnostic& d : o.remaining)
    if (d.rule && d.rule->code == code && d.message.find("`" + std::string(service) + "`") != std::string::npos &&
        d.message.find(text) != std::string::npos)
      return true;
  return false;
}

TEST(BuildFixTest, FixesFollowTheFactsOfEachBuild) {
  const Stack stack(kCompose);
  const FixOutcome out = stack.Fix();
  ASSERT_TRUE(out.converged);
  ASSERT_TRUE(out.rolled_back.empty());
  const std::string api = Block(out.text, "api"), web = Block(out.text, "web"), worker = Block(out.text, "worker");
  // api: the app's /healthz on its EXPOSEd port with the alpine base's busybox wget; it runs as
  // `node`, so it drops every capability and adds none back.
  EXPECT_NE(api.find("\"http://127.0.0.1:3000/healthz\""), std::string::npos) << api;
  EXPECT_NE(api.find("cap_drop:\n      - ALL"), std::string::npos) << api;
  EXPECT_EQ(api.find("cap_add"), std::string::npos) << api;
  EXPECT_EQ(api.find("read_only"), std::string::npos) << api;  // what a Node.js app writes is unknown
  EXPECT_TRUE(HasFinding(out, "DC034", "api", "runs its own process on `node:22-alpine`"));
  // web: nginx's own process, so nginx's probe, tmpfs paths and capabilities.
  EXPECT_NE(web.find("read_only: true"), std::string::npos) << web;
  EXPECT_NE(web.find("- /var/cache/nginx"), std::string::npos) << web;
  EXPECT_NE(web.find("wget -q --spider http://localhost/"), std::string::npos) << web;
  EXPECT_NE(web.find("- NET_BIND_SERVICE"), std::string::npos) << web;
  // worker: a slim base without curl or wget and no endpoint: no probe is invented, and the
  // finding says what is missing.
  EXPECT_EQ(worker.find("healthcheck"), std::string::npos) << worker;
  EXPECT_TRUE(HasFinding(out, "DC041", "worker", "neither curl nor wget"));
  EXPECT_TRUE(HasFinding(out, "DC041", "worker", "no health endpoint"));
  // n8n (known image, data directory on a volume): its probe and a read-only root.
  const std::string n8n = Block(out.text, "n8n");
  EXPECT_NE(n8n.find("http://localhost:5678/healthz"), std::string::npos) << n8n;
  EXPECT_NE(n8n.find("read_only: true"), std::string::npos) << n8n;

  // A second run changes nothing.
  const Stack again(out.text);
  EXPECT_EQ(again.Fix().text, out.text);

  // docker-compose accepts the result, with the build contexts beside it.
  if (!testing::HaveDockerCompose()) GTEST_SKIP() << "docker-compose is not installed (scripts/bootstrap installs it)";
  const fs::path dir = fs::temp_directory_path() / ("shipshape-build-fix-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  for (const auto& [path, content] : kFiles) {
    fs::create_directories((dir / path).parent_path());
    std::ofstream(dir / path) << content;
  }
  fs::create_directories(dir / "web/dist");
  fs::create_directories(dir / "home");
  std::ofstream(dir / "compose.yaml") << out.text;
  std::optional<std::vector<testing::ComposeVerdict>> v =
      testing::DockerComposeVerdicts({(dir / "compose.yaml").string()}, dir / "home");
  fs::remove_all(dir);
  ASSERT_TRUE(v.has_value());
  ASSERT_EQ(v->size(), 1u);
  EXPECT_TRUE((*v)[0].valid) << (*v)[0].error << "\n" << out.text;
}

}  // namespace
}  // namespace shipshape
