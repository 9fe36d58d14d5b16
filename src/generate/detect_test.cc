// Stack detection over the fixture projects in tests/fixtures/stacks/, and `shipshape init`'s
// plan for each: golden Dockerfile/.dockerignore/compose.yaml (tests/golden/init/<fixture>/;
// refresh with SHIPSHAPE_UPDATE_SNAPSHOTS=1), every generated file re-parsed and re-checked with
// no finding at warning or above, and a second run planning nothing.
#include "generate/detect.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "compose/compose.h"
#include "dockerfile/dockerfile.h"
#include "generate/dockerfile_gen.h"
#include "generate/init_plan.h"
#include "lint/linter.h"
#include "rules/registry.h"

namespace shipshape::generate {
namespace {

const std::string kStacks = std::string(SHIPSHAPE_SOURCE_DIR) + "/tests/fixtures/stacks";
const std::string kGolden = std::string(SHIPSHAPE_SOURCE_DIR) + "/tests/golden/init";

/// Copies the tree under `dir` (real disk) into `fs` at `as`.
void Load(const RealFileSystem& disk, const std::string& dir, const std::string& as, MemoryFileSystem* fs) {
  for (const std::string& n : disk.List(dir)) {
    const std::string p = dir + "/" + n;
    const std::string q = as == "." ? n : as + "/" + n;
    if (disk.IsDirectory(p)) Load(disk, p, q, fs);
    else fs->Add(q, disk.Read(p, 1 << 20).value_or(""), disk.Mode(p).value_or(0644));
  }
}

MemoryFileSystem Fixture(const std::string& name) {
  RealFileSystem disk;
  MemoryFileSystem fs;
  Load(disk, kStacks + "/" + name, ".", &fs);
  return fs;
}

struct Expect {
  const char* fixture;
  const char* stack;
  const char* manager;
  const char* framework;
  const char* kind;
  int port;
  const char* version;
  const char* version_from;
  const char* entry;
  std::vector<std::string> env;
};

const std::vector<Expect>& Table() {
  static const std::vector<Expect> t = {
      {"node-vite-npm", "node", "npm", "vite", "static", 8080, "24", ".nvmrc", "", {}},
      {"node-next-pnpm", "node", "pnpm", "next", "server", 3000, "22", "pin table", "", {"NEXT_PUBLIC_SITE_NAME"}},
      {"node-express-yarn", "node", "yarn", "express", "server", 3000, "24", "engines.node", "server.js", {"DATABASE_URL"}},
      {"node-nest-npm", "node", "npm", "nest", "server", 3000, "22", "pin table", "dist/main.js", {"STRIPE_API_KEY"}},
      {"python-fastapi-pip", "python", "pip", "fastapi", "server", 8000, "3.11", ".python-version", "app.main:api",
       {"DATABASE_URL", "JWT_SECRET"}},
      {"python-flask-poetry", "python", "poetry", "flask", "server", 8000, "3.11", "tool.poetry python", "app:app",
       {"REDIS_URL"}},
      {"python-django-uv", "python", "uv", "django", "server", 8000, "3.12", "pin table",
       "mysite.wsgi:application", {"DJANGO_ALLOWED_HOSTS", "DJANGO_SECRET_KEY"}},
      {"python-script-pipenv", "python", "pipenv", "", "worker", 0, "3.11", "Pipfile", "bot.py", {"WEBHOOK_URL"}},
      {"go-gin", "go", "go", "gin", "server", 8080, "1.25", "go.mod go directive", "./cmd/shortener", {"REDIS_ADDR"}},
      {"java-maven-spring", "java", "maven", "spring-boot", "server", 8080, "17", "<java.version>", "", {"CATALOG_DB_URL"}},
      {"java-gradle", "java", "gradle", "spring-boot", "server", 8080, "21", "build.gradle.kts", "", {}},
      {"php-laravel", "php", "composer", "laravel", "server", 8080, "8.2", "composer.json require.php", "", {"APP_KEY"}},
      {"ruby-rails", "ruby", "bundler", "rails", "server", 3000, "3.2", "Gemfile ruby", "", {"DATABASE_URL"}},
      {"rust-axum", "rust", "cargo", "axum", "server", 3000, "1.85", "default", "", {"PINGER_TOKEN"}},
      {"static-site", "static", "none", "html", "static", 8080, "1.28", "default", "", {}},
  };
  return t;
}

TEST(DetectComponent, EveryFixtureStack) {
  for (const Expect& e : Table()) {
    SCOPED_TRACE(e.fixture);
    MemoryFileSystem fs = Fixture(e.fixture);
    std::optional<Component> c = DetectComponent(fs, ".");
    ASSERT_TRUE(c.has_value());
    EXPECT_EQ(c->stack, e.stack);
    EXPECT_EQ(c->manager, e.manager);
    EXPECT_EQ(c->framework, e.framework);
    EXPECT_EQ(c->kind, e.kind);
    EXPECT_EQ(c->port, e.port);
    EXPECT_EQ(c->version, e.version);
    EXPECT_EQ(c->version_from, e.version_from);
    if (*e.entry) {
      EXPECT_EQ(c->entry, e.entry);
    }
    EXPECT_EQ(c->env, e.env);
    EXPECT_FALSE(c->has_dockerfile);
  }
}

TEST(DetectComponent, DetailsThatChangeTheImage) {
  MemoryFileSystem fs = Fixture("python-flask-poetry");
  auto flask = DetectComponent(fs, ".");
  ASSERT_TRUE(flask);
  EXPECT_EQ(flask->server, "gunicorn");
  EXPECT_FALSE(flask->server_listed);  // so the image installs a pinned gunicorn
  fs = Fixture("python-django-uv");
  auto django = DetectComponent(fs, ".");
  ASSERT_TRUE(django);
  EXPECT_TRUE(django->server_listed);
  fs = Fixture("java-gradle");
  auto gradle = DetectComponent(fs, ".");
  ASSERT_TRUE(gradle);
  EXPECT_TRUE(gradle->wrapper);
  fs = Fixture("java-maven-spring");
  auto maven = DetectComponent(fs, ".");
  ASSERT_TRUE(maven);
  EXPECT_EQ(maven->name, "catalog");  // not the parent's artifactId
  EXPECT_EQ(gradle->name, "ledger");
  fs = Fixture("ruby-rails");
  auto rails = DetectComponent(fs, ".");
  ASSERT_TRUE(rails);
  EXPECT_EQ(rails->probe, "/up");  // routes.rb mounts rails/health
}

TEST(DetectComponent, NothingToDetect) {
  MemoryFileSystem fs;
  fs.Add("README.md", "# hi\n");
  EXPECT_FALSE(DetectComponent(fs, ".").has_value());
  // A broken manifest still detects the stack and says what to check.
  fs.Add("web/package.json", "{not json");
  auto c = DetectComponent(fs, "web");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->stack, "node");
  EXPECT_FALSE(c->checks.empty());
}

TEST(DetectComponents, MonorepoFindsEachComponentAndItsDockerfile) {
  MemoryFileSystem fs;
  fs.Add("backend/requirements.txt", "flask\n");
  fs.Add("backend/Dockerfile", "FROM python:3.12\n");
  fs.Add("frontend/package.json", R"({"scripts": {"build": "vite build"}, "devDependencies": {"vite": "5"}})");
  fs.Add("frontend/node_modules/x/package.json", "{}");
  auto all = DetectComponents(fs, ".");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].dir, "backend");
  EXPECT_TRUE(all[0].has_dockerfile);
  EXPECT_EQ(all[1].dir, "frontend");
  EXPECT_EQ(all[1].kind, "static");
}

TEST(DetectComponents, StaticFilesInsideAComponentAreNotASite) {
  MemoryFileSystem fs;
  fs.Add("web/package.json", R"({"dependencies": {"react-scripts": "5"}, "scripts": {"build": "react-scripts build"}})");
  fs.Add("web/public/index.html", "<div id=root></div>\n");
  fs.Add("docs/index.html", "<h1>docs</h1>\n");
  auto all = DetectComponents(fs, ".");
  ASSERT_EQ(all.size(), 1u);  // docs/ is skipped as documentation, web/public is part of web/
  EXPECT_EQ(all[0].dir, "web");
  // An old go directive only raises the default toolchain.
  MemoryFileSystem go;
  go.Add("go.mod", "module example.com/x\n\ngo 1.13\n");
  go.Add("main.go", "package main\n");
  auto c = DetectComponent(go, ".");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->version, "1.24");
  EXPECT_EQ(c->entry, ".");
}

TEST(VersionFloor, Specs) {
  EXPECT_EQ(VersionFloor(">=3.10,<4", 2), "3.10");
  EXPECT_EQ(VersionFloor("^20.11", 1), "20");
  EXPECT_EQ(VersionFloor("v18.17.0", 1), "18");
  EXPECT_EQ(VersionFloor("lts/*", 1), "");
  EXPECT_EQ(VersionFloor("3.11.9", 2), "3.11");
}

// ---- init: golden output, re-checked ----------------------------------------------------------

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Golden(const std::string& path, const std::string& actual) {
  if (const char* u = std::getenv("SHIPSHAPE_UPDATE_SNAPSHOTS"); u && *u == '1') {
    std::string dir = path.substr(0, path.rfind('/'));
    std::system(("mkdir -p '" + dir + "'").c_str());
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  EXPECT_EQ(ReadFile(path), actual) << "golden " << path << " (SHIPSHAPE_UPDATE_SNAPSHOTS=1 refreshes)";
}

/// Findings at warning or above in `path` of `fs`.
std::vector<std::string> Serious(const MemoryFileSystem& fs, const std::string& path) {
  Config config;
  Workspace ws{".", &fs, {}};
  std::vector<std::unique_ptr<SourceFile>> files;
  for (const char* p : {"Dockerfile", ".dockerignore", "compose.yaml", ".env.example"}) {
    auto f = std::make_unique<SourceFile>();
    f->path = p;
    f->text = fs.Read(p, 1 << 20).value_or("");
    f->kind = ClassifyPath(p);
    if (fs.Exists(p)) ws.files.push_back(files.emplace_back(std::move(f)).get());
  }
  SourceFile file;
  file.path = path;
  file.text = fs.Read(path, 1 << 20).value_or("");
  file.kind = ClassifyPath(path);
  std::vector<std::string> out;
  for (const Diagnostic& d : LintFile(file, {&config, &ws, nullptr}))
    if (d.severity >= Severity::kWarning)
      out.push_back(std::string(d.rule->code) + " " + d.message);
  return out;
}

TEST(Init, GoldenPerStackReparsedRecheckedAndIdempotent) {
  for (const Expect& e : Table()) {
    SCOPED_TRACE(e.fixture);
    MemoryFileSystem fs = Fixture(e.fixture);
    InitPlan plan = PlanInit(fs, ".", {.compose = true});
    ASSERT_EQ(plan.components.size(), 1u);
    std::vector<std::string> written;
    for (const PlannedFile& f : plan.files) {
      Golden(kGolden + "/" + e.fixture + "/" + (f.path == ".env.example" ? "env.example" : f.path), f.content);
      fs.Add(f.path, f.content);
      written.push_back(f.path);
    }
    ASSERT_GE(written.size(), 3u);  // Dockerfile, .dockerignore, compose.yaml
    const std::string df = fs.Read("Dockerfile", 1 << 20).value_or("");
    auto parsed = dockerfile::Parse(df);
    EXPECT_TRUE(parsed->ok()) << df;
    EXPECT_GE(parsed->stages.size(), e.kind == std::string("static") && e.stack == std::string("static") ? 1u : 2u);
    EXPECT_EQ(compose::ParseComposeFile(fs.Read("compose.yaml", 1 << 20).value_or(""), "compose.yaml")
                  ->usable(), true);
    auto c = DetectComponent(Fixture(e.fixture), ".");
    for (const std::string& p : written) {
      std::vector<std::string> serious = Serious(fs, p);
      // Go's distroless image and a worker have nothing to probe with: the service has no
      // health check, and DC041 says so (the only finding allowed).
      if (p == "compose.yaml" && HealthcheckCommand(*c).empty())
        std::erase_if(serious, [](const std::string& s) { return s.rfind("DC041 ", 0) == 0; });
      EXPECT_EQ(serious, std::vector<std::string>{}) << p;
    }
    // A second run finds the Dockerfile and the service: nothing more to write.
    InitPlan again = PlanInit(fs, ".", {.compose = true});
    EXPECT_TRUE(again.files.empty());
  }
}

TEST(Init, AddsServiceToExistingComposeWithDependsOn) {
  MemoryFileSystem fs;
  fs.Add("compose.yaml",
         "services:\n  db:\n    image: postgres:17\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n"
         "  api:\n    build: ./api\n");
  fs.Add("api/Dockerfile", "FROM python:3.12\n");
  fs.Add("api/requirements.txt", "flask\n");
  fs.Add("web/package.json", R"({"dependencies": {"express": "4", "pg": "8"}})");
  fs.Add("web/index.js", "require('pg'); process.env.DATABASE_URL;\n");
  InitPlan plan = PlanInit(fs, ".", {.compose = true});
  const PlannedFile* compose = nullptr;
  for (const PlannedFile& f : plan.files)
    if (f.path == "compose.yaml") compose = &f;
  ASSERT_NE(compose, nullptr);
  EXPECT_TRUE(compose->replace);
  EXPECT_EQ(compose->content.substr(0, compose->before.size()), compose->before);  // only appended
  EXPECT_NE(compose->content.find("  web:\n    build:\n      context: ./web\n"), std::string::npos)
      << compose->content;
  EXPECT_NE(compose->content.find("depends_on:\n      db:\n        condition: service_healthy"),
            std::string::npos)
      << compose->content;
  EXPECT_EQ(compose->content.find("api-app"), std::string::npos);  // api has its Dockerfile
}

}  // namespace
}  // namespace shipshape::generate
