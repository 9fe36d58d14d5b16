// Issue 16, "Observed breakages": each test is a small stack that `fix --unsafe` broke before, run
// through every rule (default configuration plus preview) to a fixpoint, asserting that the stack
// keeps working: one-shot jobs get no restart policy or healthcheck, Swarm stacks keep `version`
// and get no `pids_limit`/`restart`, no logging driver is written over the daemon's, databases are
// not pinned below what runs, `.dockerignore` lands in the real build context, `.gitignore` fixes
// obey git, and secrets move only to a `.env` every reader loads.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "compose/service_role.h"
#include "core/git_index.h"
#include "fix/fixer.h"
#include "lint/linter.h"
#include "rules/registry.h"
#include "rules/secrets.h"

namespace shipshape {
namespace {

// A stack: files in memory, the workspace over them, and the loaded Docker files.
struct Stack {
  MemoryFileSystem fs;
  Workspace ws;
  std::vector<std::unique_ptr<SourceFile>> files;
  Config config;

  Stack() {
    ws.root = ".";
    ws.fs = &fs;
    config.preview = true;
  }
  const SourceFile& Add(const std::string& path, const std::string& text, FileKind kind) {
    fs.Add(path, text);
    auto f = std::make_unique<SourceFile>();
    f->path = path;
    f->text = text;
    f->kind = kind;
    files.push_back(std::move(f));
    ws.files.push_back(files.back().get());
    return *files.back();
  }
  const SourceFile& Compose(const std::string& path, const std::string& text) {
    return Add(path, text, FileKind::kCompose);
  }
  LintOptions Opts(const Rule* only = nullptr) const {
    LintOptions o;
    o.config = &config;
    o.workspace = &ws;
    o.only = only;
    return o;
  }
  FixOutcome FixAll(const SourceFile& f) const { return FixToFixpoint(f, Opts(), Applicability::kUnsafe); }
  std::vector<Diagnostic> Lint(const SourceFile& f, std::string_view code) const {
    std::vector<Diagnostic> out;
    const Rule* r = FindRule(code);
    EXPECT_NE(r, nullptr) << code;
    for (Diagnostic& d : LintFile(f, Opts(r)))
      if (d.rule == r) out.push_back(std::move(d));
    return out;
  }
};

// The YAML block of service `name` in `text` (to its next sibling at the same indent).
std::string ServiceBlock(const std::string& text, const std::string& name) {
  const size_t at = text.find("\n  " + name + ":");
  if (at == std::string::npos) return {};
  size_t end = at + 1;
  while (true) {
    end = text.find('\n', end);
    if (end == std::string::npos || end + 3 > text.size()) return text.substr(at);
    if (text[end + 1] != ' ' && text[end + 1] != '\n') return text.substr(at, end - at);
    if (text[end + 1] == ' ' && text[end + 2] == ' ' && text[end + 3] != ' ') return text.substr(at, end - at);
    ++end;
  }
}

// A git index (version 2) listing `paths`, as git writes it: the bytes ParseGitIndex reads.
std::string GitIndexOf(std::vector<std::string> paths) {
  std::sort(paths.begin(), paths.end());
  auto be32 = [](uint32_t v) {
    std::string s(4, '\0');
    for (int i = 0; i < 4; ++i) s[i] = static_cast<char>((v >> (24 - 8 * i)) & 0xff);
    return s;
  };
  std::string out = "DIRC" + be32(2) + be32(static_cast<uint32_t>(paths.size()));
  for (const std::string& p : paths) {
    std::string entry(60, '\0');  // stat data and the object id
    entry += static_cast<char>((p.size() >> 8) & 0x0f);
    entry += static_cast<char>(p.size() & 0xff);
    entry += p;
    const size_t padded = (entry.size() + 8) & ~static_cast<size_t>(7);
    entry.resize(padded, '\0');
    out += entry;
  }
  return out + std::string(20, '\0');  // trailing checksum (not verified)
}

// ---- Service classification ----------------------------------------------------------------

TEST(SafeFixRoles, OneShotJobsSidecarsAndServers) {
  const std::string text =
      "services:\n"
      "  data:\n    image: busybox:1.37\n    command: /bin/true\n    volumes: [app:/srv]\n"
      "  sut:\n    build: .\n    command: ./run-tests.sh\n"
      "  migrate:\n    image: myorg/api:1\n    command: [\"python\", \"manage.py\", \"migrate\"]\n"
      "  cypress:\n    image: cypress/included:13.6.0\n"
      "  seed:\n    image: myorg/api:1\n    command: node seed.js\n"
      "  web:\n    image: myorg/api:1\n    command: sh -c \"python manage.py migrate && python manage.py runserver 0.0.0.0:8000\"\n"
      "    depends_on:\n      seed:\n        condition: service_completed_successfully\n"
      "  test-db:\n    image: postgres:16\n"
      "  vpn-client:\n    image: myorg/vpn:1\n    network_mode: \"service:web\"\n"
      "  worker:\n    image: myorg/api:1\n    command: celery -A app worker\n"
      "  once:\n    image: myorg/api:1\n    restart: \"no\"\n"
      "  worker-migrations:\n    image: myorg/api:1\n    entrypoint: worker-migrations\n    restart: unless-stopped\n"
      "volumes:\n  app:\n";
  std::unique_ptr<compose::ComposeFile> f = compose::ParseComposeFile(text, "compose.yaml");
  auto role = [&](const char* name) { return compose::ClassifyService(*f, *f->FindService(name)).role; };
  using compose::ServiceRole;
  for (const char* job : {"data", "sut", "migrate", "cypress", "seed", "once"})
    EXPECT_EQ(role(job), ServiceRole::kOneShot) << job;
  for (const char* server : {"web", "test-db", "worker", "worker-migrations"}) EXPECT_EQ(role(server), ServiceRole::kServer) << server;
  EXPECT_EQ(role("vpn-client"), ServiceRole::kSidecar);
  EXPECT_NE(compose::ClassifyService(*f, *f->FindService("seed")).why.find("service_completed_successfully"),
            std::string::npos);
}

TEST(SafeFixRoles, FileRoles) {
  std::unique_ptr<compose::ComposeFile> plain =
      compose::ParseComposeFile("services:\n  a:\n    image: x:1\n", "compose.yaml");
  EXPECT_EQ(compose::ClassifyFile(*plain, "compose.yaml").role, compose::FileRole::kProduction);
  EXPECT_EQ(compose::ClassifyFile(*plain, "docker-compose.test.yml").role, compose::FileRole::kTest);
  EXPECT_EQ(compose::ClassifyFile(*plain, "tests/e2e/compose.yaml").role, compose::FileRole::kTest);
  EXPECT_EQ(compose::ClassifyFile(*plain, ".github/ci/compose.yml").role, compose::FileRole::kTest);
  EXPECT_EQ(compose::ClassifyFile(*plain, "specific/compose.yaml").role, compose::FileRole::kProduction);
  EXPECT_EQ(compose::ClassifyFile(*plain, "docker-stack.yml").role, compose::FileRole::kSwarmStack);
  EXPECT_EQ(compose::ClassifyFile(*plain, "example-voting-app-stack.yml").role, compose::FileRole::kSwarmStack);
  std::unique_ptr<compose::ComposeFile> placed = compose::ParseComposeFile(
      "version: \"3.8\"\nservices:\n  a:\n    image: x:1\n    deploy:\n      placement:\n        constraints: "
      "[node.role == manager]\n",
      "prod.yml");
  compose::FileRoleInfo info = compose::ClassifyFile(*placed, "prod.yml");
  EXPECT_EQ(info.role, compose::FileRole::kSwarmStack);
  EXPECT_NE(info.why.find("placement"), std::string::npos) << info.why;
}

// Before: `restart: unless-stopped` and healthchecks on `/bin/true` data containers, `sut`,
// migration jobs and Cypress: they restarted forever and never became healthy.
TEST(SafeFixBreakage, OneShotJobsGetNoRestartOrHealthcheck) {
  Stack st;
  const SourceFile& f = st.Compose(
      "compose.yaml",
      "services:\n"
      "  data:\n    image: busybox:1.37\n    command: /bin/true\n"
      "  sut:\n    image: myorg/tests:1\n    command: ./run-tests.sh\n"
      "  migrate:\n    image: myorg/api:1\n    command: [\"python\", \"manage.py\", \"migrate\"]\n"
      "  e2e:\n    image: cypress/included:13.6.0\n"
      "  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/pg\n");
  FixOutcome out = st.FixAll(f);
  for (const char* job : {"data", "sut", "migrate", "e2e"}) {
    const std::string block = ServiceBlock(out.text, job);
    ASSERT_FALSE(block.empty()) << job << "\n" << out.text;
    EXPECT_EQ(block.find("restart:"), std::string::npos) << block;
    EXPECT_EQ(block.find("healthcheck:"), std::string::npos) << block;
    EXPECT_EQ(block.find("pids_limit"), std::string::npos) << block;
    EXPECT_EQ(block.find("resources:"), std::string::npos) << block;
  }
  // The database is a server: it still gets them.
  const std::string db = ServiceBlock(out.text, "db");
  EXPECT_NE(db.find("restart: unless-stopped"), std::string::npos) << out.text;
  EXPECT_NE(db.find("pg_isready"), std::string::npos) << out.text;
}

// Before: a stack file lost `version:` and gained `pids_limit`, which Swarm rejects.
TEST(SafeFixBreakage, SwarmStackKeepsVersionAndGetsNoPidsLimitOrRestart) {
  Stack st;
  const SourceFile& f = st.Compose(
      "example-voting-app-stack.yml",
      "version: \"3.8\"\nservices:\n  vote:\n    image: myorg/vote:1\n    ports:\n      - \"5000:80\"\n"
      "    deploy:\n      replicas: 2\n      update_config:\n        parallelism: 2\n"
      "    depends_on:\n      - db\n"
      "  db:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n"
      "  visualizer:\n    image: dockersamples/visualizer:stable\n    deploy:\n      placement:\n"
      "        constraints: [node.role == manager]\n");
  FixOutcome out = st.FixAll(f);
  EXPECT_EQ(out.text.rfind("version: \"3.8\"\n", 0), 0u) << out.text;
  EXPECT_EQ(out.text.find("pids_limit"), std::string::npos) << out.text;
  EXPECT_EQ(out.text.find("restart:"), std::string::npos) << out.text;
  EXPECT_EQ(out.text.find("mem_limit"), std::string::npos) << out.text;
  // Options `docker stack deploy` ignores are not offered as fixes either.
  EXPECT_EQ(out.text.find("security_opt"), std::string::npos) << out.text;
  EXPECT_EQ(out.text.find("cap_drop"), std::string::npos) << out.text;
  // Swarm's schema takes `depends_on` as a list only.
  EXPECT_NE(out.text.find("depends_on:\n      - db\n"), std::string::npos) << out.text;
  // Limits go where Swarm reads them.
  EXPECT_NE(out.text.find("resources:"), std::string::npos) << out.text;
  std::vector<Diagnostic> pids = st.Lint(f, "DC050");
  ASSERT_FALSE(pids.empty());
  EXPECT_NE(pids[0].message.find("deploy.resources.limits.pids"), std::string::npos) << pids[0].message;
}

// Real case (BretFisher/udemy-docker-mastery swarm-stack-3): the base file of a
// `docker stack deploy -c docker-compose.yml -c docker-compose.prod.yml` has no Swarm key of its
// own; its directory says Swarm, and so do secrets created with `docker secret create`. It gained
// `pids_limit` and `restart:`, and `docker stack deploy` then refused the stack.
TEST(SafeFixBreakage, SwarmByDirectoryOrExternalSecrets) {
  Stack st;
  const SourceFile& base = st.Compose("swarm-stack-3/docker-compose.yml",
                                      "version: '3.1'\n\nservices:\n\n  drupal:\n    image: custom-drupal:latest\n\n"
                                      "  postgres:\n    image: postgres:12.1\n");
  FixOutcome out = st.FixAll(base);
  EXPECT_EQ(out.text.rfind("version: '3.1'\n", 0), 0u) << out.text;
  EXPECT_EQ(out.text.find("pids_limit"), std::string::npos) << out.text;
  EXPECT_EQ(out.text.find("restart:"), std::string::npos) << out.text;
  // `version: '3.1'` is what `docker stack deploy` validates against: no `tmpfs` (3.6) and no
  // healthcheck `start_period` (3.4), which it refused.
  EXPECT_EQ(out.text.find("tmpfs"), std::string::npos) << out.text;
  EXPECT_EQ(out.text.find("start_period"), std::string::npos) << out.text;
  std::unique_ptr<compose::ComposeFile> prod = compose::ParseComposeFile(
      "version: '3.1'\nservices:\n  postgres:\n    image: postgres:12.1\n    secrets: [psql-pw]\n"
      "secrets:\n  psql-pw:\n    external: true\n",
      "docker-compose.prod.yml");
  EXPECT_EQ(compose::ClassifyFile(*prod, "docker-compose.prod.yml").role, compose::FileRole::kSwarmStack);
  std::unique_ptr<compose::ComposeFile> dev = compose::ParseComposeFile(
      "services:\n  web:\n    image: nginx:1.27\nsecrets:\n  pw:\n    file: ./pw.txt\n", "compose.yaml");
  EXPECT_EQ(compose::ClassifyFile(*dev, "stacks-of-apps/compose.yaml").role, compose::FileRole::kProduction);
}

// Before: log rotation wrote `driver: json-file` over a host's journald/gelf/loki default.
// In a CI file a published database port is info and gets no loopback fix: a CI job may reach it
// from another host (a `docker:dind` service).
TEST(SafeFixBreakage, CiFilesKeepTheirPorts) {
  Stack st;
  const SourceFile& f = st.Compose("ci/docker-compose.yml",
                                   "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"5432:5432\"\n");
  std::vector<Diagnostic> d = st.Lint(f, "DC060");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].severity, Severity::kInfo);
  EXPECT_NE(d[0].message.find("assumed a test/CI file"), std::string::npos) << d[0].message;
  EXPECT_FALSE(d[0].fix.has_value());
  EXPECT_NE(st.FixAll(f).text.find("- \"5432:5432\""), std::string::npos);
}

TEST(SafeFixBreakage, LogRotationNeverWritesADriver) {
  Stack st;
  const SourceFile& f = st.Compose("compose.yaml",
                                   "services:\n  api:\n    image: myorg/api:1.4\n"
                                   "  web:\n    image: myorg/web:1\n    logging:\n      driver: json-file\n");
  FixOutcome out = st.FixAll(f);
  const std::string api = ServiceBlock(out.text, "api");
  EXPECT_EQ(api.find("logging"), std::string::npos) << out.text;
  EXPECT_NE(ServiceBlock(out.text, "web").find("max-size: \"10m\""), std::string::npos) << out.text;
  std::vector<Diagnostic> d = st.Lint(f, "DC046");
  ASSERT_EQ(d.size(), 2u);
  ASSERT_TRUE(d[0].fix.has_value());
  EXPECT_EQ(d[0].fix->applicability, Applicability::kDisplayOnly);
  EXPECT_NE(d[0].fix->title.find("daemon"), std::string::npos) << d[0].fix->title;
}

// Before: `FROM postgres` and `image: mysql` were pinned to a major below today's `latest`.
TEST(SafeFixBreakage, StatefulImagesAreNotPinnedBelowWhatRuns) {
  Stack st;
  const SourceFile& c = st.Compose("compose.yaml",
                                   "services:\n  db:\n    image: postgres\n  cache:\n    image: redis:latest\n"
                                   "  web:\n    image: httpd\n");
  FixOutcome out = st.FixAll(c);
  EXPECT_NE(out.text.find("image: postgres\n"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("image: redis:latest\n"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("image: httpd:2.4\n"), std::string::npos) << out.text;
  const SourceFile& df = st.Add("db/Dockerfile", "FROM mysql\nCOPY init.sql /docker-entrypoint-initdb.d/\n",
                                FileKind::kDockerfile);
  EXPECT_EQ(st.FixAll(df).text.rfind("FROM mysql\n", 0), 0u);
  std::vector<Diagnostic> d = st.Lint(df, "DF001");
  ASSERT_EQ(d.size(), 1u);
  ASSERT_TRUE(d[0].fix.has_value());
  EXPECT_EQ(d[0].fix->applicability, Applicability::kDisplayOnly);
}

// Before: DF114 wrote `.dockerignore` beside the Dockerfile while Compose builds it from `../`,
// and reported it missing for contexts that had one.
TEST(SafeFixBreakage, DockerignoreGoesToTheComposeBuildContext) {
  {
    Stack st;
    st.Compose("docker-compose.yml",
               "services:\n  ui:\n    build:\n      context: .\n      dockerfile: keep-ui/Dockerfile\n");
    st.fs.Add(".dockerignore", ".git\nnode_modules\n");
    const SourceFile& df = st.Add("keep-ui/Dockerfile", "FROM node:22\nCOPY . /app\n", FileKind::kDockerfile);
    EXPECT_TRUE(st.Lint(df, "DF114").empty()) << "the context has a .dockerignore";
  }
  {
    Stack st;
    st.Compose("docker-compose.yml",
               "services:\n  ui:\n    build:\n      context: .\n      dockerfile: keep-ui/Dockerfile\n");
    st.fs.Add("keep-ui/.dockerignore", "node_modules\n");  // never read: not the context
    const SourceFile& df = st.Add("keep-ui/Dockerfile", "FROM node:22\nCOPY . /app\n", FileKind::kDockerfile);
    std::vector<Diagnostic> d = st.Lint(df, "DF114");
    ASSERT_EQ(d.size(), 1u);
    ASSERT_TRUE(d[0].fix.has_value());
    ASSERT_EQ(d[0].fix->file_writes.size(), 1u);
    EXPECT_EQ(d[0].fix->file_writes[0].path, "../.dockerignore");
  }
  {
    Stack st;  // context `keep-ui/` from a Compose file one level up: that directory
    st.Compose("deploy/compose.yaml", "services:\n  ui:\n    build: ../keep-ui/\n");
    const SourceFile& df = st.Add("keep-ui/Dockerfile", "FROM node:22\nCOPY . /app\n", FileKind::kDockerfile);
    std::vector<Diagnostic> d = st.Lint(df, "DF114");
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].fix->file_writes[0].path, ".dockerignore");
    st.fs.Add("keep-ui/.dockerignore", ".git\n");
    EXPECT_TRUE(st.Lint(df, "DF114").empty());
  }
}

// Before: `.gitignore` fixes listed tracked files (which stay committed) and wrote `/../x`.
TEST(SafeFixBreakage, GitignoreFixesFollowGit) {
  {
    Stack st;
    st.fs.Add(".git/index", GitIndexOf({"compose.yaml", "app.env"}));
    st.fs.Add(".gitignore", "app.env\n");  // listed, but tracked: still committed
    st.fs.Add("app.env", "DB_PASSWORD=k3str4-real\n");
    const SourceFile& c = st.Compose("compose.yaml", "services:\n  api:\n    image: api:1\n    env_file: app.env\n");
    std::vector<Diagnostic> d = st.Lint(c, "DC014");
    ASSERT_EQ(d.size(), 1u);
    EXPECT_NE(d[0].message.find("git tracks it"), std::string::npos) << d[0].message;
    ASSERT_TRUE(d[0].fix.has_value());
    EXPECT_EQ(d[0].fix->applicability, Applicability::kDisplayOnly);
    EXPECT_TRUE(d[0].fix->file_writes.empty());
    EXPECT_NE(d[0].fix->title.find("git rm --cached app.env"), std::string::npos);
  }
  {
    Stack st;  // an env file in a sibling directory: the entry goes to that directory's .gitignore
    st.fs.Add("config/mysql.env", "MYSQL_PASSWORD=k3str4-real\n");
    const SourceFile& c =
        st.Compose("deploy/compose.yaml", "services:\n  db:\n    image: mysql:8.4\n    env_file: ../config/mysql.env\n");
    std::vector<Diagnostic> d = st.Lint(c, "DC014");
    ASSERT_EQ(d.size(), 1u);
    ASSERT_EQ(d[0].fix->file_writes.size(), 1u);
    EXPECT_EQ(d[0].fix->file_writes[0].path, "../config/.gitignore");
    EXPECT_EQ(d[0].fix->file_writes[0].content, "/mysql.env\n");
    // Written, the entry does ignore it: the finding is gone.
    st.fs.Add("config/.gitignore", "/mysql.env\n");
    EXPECT_TRUE(st.Lint(c, "DC014").empty());
  }
  {
    Stack st;  // outside the scanned tree: not this repository's to ignore
    st.fs.Add("../mysql.env", "MYSQL_PASSWORD=k3str4-real\n");
    const SourceFile& c = st.Compose("compose.yaml", "services:\n  db:\n    image: mysql:8.4\n    env_file: ../mysql.env\n");
    EXPECT_TRUE(st.Lint(c, "DC014").empty());
  }
  {
    Stack st;  // DX021: a tracked .env gets advice, not an ignore line
    st.fs.Add(".git/index", GitIndexOf({".env"}));
    const SourceFile& env = st.Add(".env", "DB_PASSWORD=s3cret-value\n", FileKind::kEnv);
    std::vector<Diagnostic> d = st.Lint(env, "DX021");
    ASSERT_EQ(d.size(), 1u);
    EXPECT_NE(d[0].message.find("tracked by git"), std::string::npos) << d[0].message;
    EXPECT_EQ(d[0].fix->applicability, Applicability::kDisplayOnly);
    EXPECT_TRUE(d[0].fix->file_writes.empty());
  }
}

std::vector<Fix::FileWrite> EnvWrites(const std::vector<Diagnostic>& d) {
  std::vector<Fix::FileWrite> out;
  for (const Diagnostic& x : d)
    if (x.fix)
      for (const Fix::FileWrite& w : x.fix->file_writes)
        if (w.path == ".env") out.push_back(w);
  return out;
}

// Before: two files of one directory set NEXTAUTH_SECRET to different values and the move made
// them share one `.env` key.
TEST(SafeFixBreakage, SecretsOfSiblingFilesAreNamedApart) {
  Stack st;
  const SourceFile& front =
      st.Compose("docker-compose.yml", "services:\n  app:\n    image: f:1\n    environment:\n      NEXTAUTH_SECRET: "
                                       "front-9f8e7d6c5b4a\n");
  const SourceFile& back = st.Compose(
      "docker-compose.prod.yml", "services:\n  app:\n    image: b:1\n    environment:\n      NEXTAUTH_SECRET: "
                                 "back-0a1b2c3d4e5f\n");
  std::vector<Fix::FileWrite> a = EnvWrites(st.Lint(front, "DC010"));
  std::vector<Fix::FileWrite> b = EnvWrites(st.Lint(back, "DC010"));
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  auto key = [](const Fix::FileWrite& w) { return w.content.substr(0, w.content.find('=')); };
  EXPECT_NE(key(a[0]), key(b[0])) << a[0].content << b[0].content;
  EXPECT_EQ(key(a[0]), "DOCKER_COMPOSE_APP_NEXTAUTH_SECRET");
  EXPECT_EQ(key(b[0]), "DOCKER_COMPOSE_PROD_APP_NEXTAUTH_SECRET");
}

// Before: a file `extends`-ed from another directory had its value moved to its own `.env`,
// which the extending project never reads: the value became empty.
TEST(SafeFixBreakage, SecretsReadByAnotherProjectStayInPlace) {
  Stack st;
  const SourceFile& base = st.Compose(
      "common/services.yml", "services:\n  api:\n    image: api:1\n    environment:\n      API_TOKEN: tok-9f8e7d6c5b4a39281\n");
  st.Compose("app/compose.yaml",
             "services:\n  api:\n    extends:\n      file: ../common/services.yml\n      service: api\n");
  std::vector<Diagnostic> d = st.Lint(base, "DC010");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_FALSE(d[0].fix.has_value());
  EXPECT_NE(d[0].message.find("left in place"), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].message.find("app"), std::string::npos) << d[0].message;
}

// Before: a tracked `.env` was appended to (the secret committed), and a CI project lost a value
// its untracked `.env` never carries into a fresh checkout.
TEST(SafeFixBreakage, SecretsNeverGoToATrackedEnvOrLeaveCiFiles) {
  {
    Stack st;
    st.fs.Add(".git/index", GitIndexOf({".env", "compose.yaml"}));
    st.fs.Add(".env", "TZ=UTC\n");
    const SourceFile& c = st.Compose(
        "compose.yaml", "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2-xyz\n");
    std::vector<Diagnostic> d = st.Lint(c, "DC010");
    ASSERT_EQ(d.size(), 1u);
    EXPECT_FALSE(d[0].fix.has_value());
    EXPECT_NE(d[0].message.find("tracked by git"), std::string::npos) << d[0].message;
    EXPECT_EQ(d[0].message.find("hunter2"), std::string::npos);
  }
  {
    Stack st;
    const SourceFile& c = st.Compose(
        "ci/docker-compose.yml",
        "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2-xyz\n");
    std::vector<Diagnostic> d = st.Lint(c, "DC010");
    ASSERT_EQ(d.size(), 1u);
    EXPECT_FALSE(d[0].fix.has_value());
    EXPECT_NE(d[0].message.find("test/CI"), std::string::npos) << d[0].message;
  }
  {
    Stack st;  // an untracked .env in the project directory: moved as before
    st.fs.Add(".git/index", GitIndexOf({"compose.yaml"}));
    const SourceFile& c = st.Compose(
        "compose.yaml", "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2-xyz\n");
    EXPECT_EQ(EnvWrites(st.Lint(c, "DC010")).size(), 1u);
  }
}

// Before: `read_only` + a tmpfs over Elasticsearch's config directory, and Kibana read-only
// though it writes `data/uuid` at start.
TEST(SafeFixBreakage, ReadOnlyNeedsFactsAboutWritableAndConfigPaths) {
  Stack st;
  const SourceFile& c = st.Compose(
      "compose.yaml",
      "services:\n  es:\n    image: elasticsearch:8.15.0\n    volumes:\n      - es:/usr/share/elasticsearch/data\n"
      "  kibana:\n    image: kibana:8.15.0\n  app:\n    image: myorg/app:1\nvolumes:\n  es:\n");
  std::vector<Diagnostic> d = st.Lint(c, "DC034");
  ASSERT_EQ(d.size(), 3u);
  for (const Diagnostic& x : d) EXPECT_FALSE(x.fix.has_value()) << x.message;
  EXPECT_NE(d[0].message.find("/usr/share/elasticsearch/config"), std::string::npos) << d[0].message;
  EXPECT_NE(d[1].message.find("/usr/share/kibana/data"), std::string::npos) << d[1].message;
  EXPECT_NE(d[2].message.find("not known"), std::string::npos) << d[2].message;
  FixOutcome out = st.FixAll(c);
  EXPECT_EQ(out.text.find("read_only"), std::string::npos) << out.text;
}

// ---- The git index reader -------------------------------------------------------------------

TEST(GitIndex, ReadsWhatGitWrote) {
  // `git init; echo a > a; mkdir d; echo b > d/.env; git add .` (git 2.39, index version 2).
  const unsigned char kIndex[] = {
      0x44, 0x49, 0x52, 0x43, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x6b, 0x15, 0xc6, 0x5b, 0x09, 0x36,
      0xc2, 0x8d, 0x6b, 0x15, 0xc6, 0x5b, 0x09, 0x36, 0xc2, 0x8d, 0x00, 0x00, 0xfe, 0x00, 0x00, 0xa7, 0x40, 0xec,
      0x00, 0x00, 0x81, 0xa4, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x78, 0x98,
      0x19, 0x22, 0x61, 0x3b, 0x2a, 0xfb, 0x60, 0x25, 0x04, 0x2f, 0xf6, 0xbd, 0x87, 0x8a, 0xc1, 0x99, 0x4e, 0x85,
      0x00, 0x01, 0x61, 0x00, 0x6b, 0x15, 0xc6, 0x5b, 0x09, 0x36, 0xc2, 0x8d, 0x6b, 0x15, 0xc6, 0x5b, 0x09, 0x36,
      0xc2, 0x8d, 0x00, 0x00, 0xfe, 0x00, 0x00, 0xa7, 0x40, 0xee, 0x00, 0x00, 0x81, 0xa4, 0x00, 0x00, 0x00, 0x00,
      0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x61, 0x78, 0x07, 0x98, 0x22, 0x8d, 0x17, 0xaf, 0x2d, 0x34,
      0xfc, 0xe4, 0xcf, 0xbd, 0xf3, 0x55, 0x56, 0x83, 0x24, 0x72, 0x00, 0x06, 0x64, 0x2f, 0x2e, 0x65, 0x6e, 0x76,
      0x00, 0x00, 0x00, 0x00, 0x50, 0x6d, 0xe2, 0xd9, 0x00, 0x71, 0xef, 0xb7, 0x67, 0x6d, 0xdf, 0xce, 0x3f, 0x17,
      0x43, 0xa9, 0xab, 0x39, 0x90, 0xda};
  std::optional<std::vector<std::string>> paths =
      ParseGitIndex(std::string_view(reinterpret_cast<const char*>(kIndex), sizeof kIndex));
  ASSERT_TRUE(paths.has_value());
  EXPECT_EQ(*paths, (std::vector<std::string>{"a", "d/.env"}));
  EXPECT_EQ(ParseGitIndex(GitIndexOf({"x/y.env", "compose.yaml"})),
            (std::vector<std::string>{"compose.yaml", "x/y.env"}));
}

TEST(GitIndex, VersionFourAndBadInput) {
  // Version 4: "app/.env" then "app/compose.yaml" stored as (strip 4, "compose.yaml").
  std::string v4 = std::string("DIRC") + std::string("\0\0\0\x04", 4) + std::string("\0\0\0\x02", 4);
  auto entry = [](std::string_view tail, unsigned char strip) {
    std::string e(60, '\0');
    e += '\0';
    e += static_cast<char>(tail.size());
    e += static_cast<char>(strip);
    e += tail;
    e += '\0';
    return e;
  };
  v4 += entry("app/.env", 0) + entry("compose.yaml", 4);
  EXPECT_EQ(ParseGitIndex(v4), (std::vector<std::string>{"app/.env", "app/compose.yaml"}));
  EXPECT_FALSE(ParseGitIndex("").has_value());
  EXPECT_FALSE(ParseGitIndex("DIRC\0\0\0\x09").has_value());
  EXPECT_FALSE(ParseGitIndex(std::string("DIRC\0\0\0\x02\xff\xff\xff\xff", 12)).has_value());
  std::string cut = GitIndexOf({"a/b"});
  EXPECT_FALSE(ParseGitIndex(std::string_view(cut).substr(0, 40)).has_value());
}

TEST(GitIndex, TracksThroughTheWorkspace) {
  MemoryFileSystem fs;
  fs.Add("repo/.git/index", GitIndexOf({"app/.env"}));
  fs.Add("repo/app/.env", "A=1\n");
  fs.Add("repo/app/other.env", "A=1\n");
  Workspace ws;
  ws.root = "repo";
  ws.fs = &fs;
  EXPECT_EQ(GitTracks(ws, "repo/app/.env"), true);
  EXPECT_EQ(GitTracks(ws, "repo/app/other.env"), false);
  MemoryFileSystem bare;
  bare.Add("x/.env", "A=1\n");
  Workspace none;
  none.root = "x";
  none.fs = &bare;
  EXPECT_EQ(GitTracks(none, "x/.env"), std::nullopt);
}


// ---- Precision from real repositories (issue 16) --------------------------------------------

// Client keys shipped to browsers (PostHog `phc_`, Stripe `pk_`, Pusher/Soketi app keys) are
// configuration; their secret counterparts stay credentials.
TEST(SafeFixPrecision, PublicClientKeysAreNotSecrets) {
  Stack st;
  const SourceFile& c = st.Compose(
      "compose.yaml",
      "services:\n  web:\n    image: acme/web:1.4\n    environment:\n"
      "      POSTHOG_KEY: phc_4kQz8Vt2LmX9sR1wYb6NcJ3pHf7GdE0aUo5TiKy\n"
      "      STRIPE_PUBLISHABLE_KEY: pk_live_51HxQ2mK8vT3nR7wYb6NcJ3pHf\n"
      "      PUSHER_APP_KEY: 9f8e7d6c5b4a39281706\n"
      "      SOKETI_DEFAULT_APP_KEY: app-key\n"
      "      PUSHER_APP_SECRET: 1a2b3c4d5e6f7a8b9c0d\n");
  std::vector<Diagnostic> d = st.Lint(c, "DC010");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("PUSHER_APP_SECRET"), std::string::npos) << d[0].message;
  EXPECT_TRUE(secrets::IsPublicClientKey("NEXT_PUBLIC_POSTHOG_KEY", "phc_abcdefghijklmnop"));
  EXPECT_TRUE(secrets::IsPublicClientKey("REVERB_APP_KEY", "x"));
  EXPECT_FALSE(secrets::IsPublicClientKey("POSTHOG_PERSONAL_API_KEY", "phx_abcdefghijklmnop"));
  EXPECT_FALSE(secrets::IsPublicClientKey("STRIPE_SECRET_KEY", "sk_live_abcdefghijklmnop"));
}

// A committed env file: a weak default stays info, a generated 128-hex Rails secret is an error.
TEST(SafeFixPrecision, TrackedEnvFileSeverityFollowsTheValue) {
  const std::string compose = "services:\n  web:\n    image: acme/rails:7\n    env_file: app.env\n";
  {
    Stack st;
    st.fs.Add(".git/index", GitIndexOf({"compose.yaml", "app.env"}));
    st.fs.Add("app.env", "SECRET_KEY_BASE=" + std::string(
        "9c1e4f7a2b5d8e0f3a6c9b2e5f8a1d4c7b0e3f6a9c2d5e8b1f4a7c0d3e6f9a2b"
        "5c8e1f4a7d0b3e6c9f2a5d8b1e4c7f0a3d6b9e2c5f8a1d4e7b0c3f6a9d2e5b8c") + "\n");
    const SourceFile& c = st.Compose("compose.yaml", compose);
    std::vector<Diagnostic> d = st.Lint(c, "DC014");
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].severity, Severity::kError) << d[0].message;
    EXPECT_NE(d[0].message.find("rotate"), std::string::npos) << d[0].message;
  }
  {
    Stack st;
    st.fs.Add(".git/index", GitIndexOf({"compose.yaml", "app.env"}));
    st.fs.Add("app.env", "DB_PASSWORD=password\nPOSTHOG_API_KEY=phc_4kQz8Vt2LmX9sR1wYb6NcJ3pHf7GdE0aUo5TiKy\n");
    const SourceFile& c = st.Compose("compose.yaml", compose);
    std::vector<Diagnostic> d = st.Lint(c, "DC014");
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].severity, Severity::kInfo) << d[0].message;
    EXPECT_EQ(d[0].message.find("POSTHOG"), std::string::npos) << d[0].message;
  }
}


// Real case (sameersbn/docker-gitlab): the secret move created `.env.example` holding only the
// moved name; DX025 only judges a template once it exists, so the next `fix` added the required
// `GITLAB_HOST`: a second run changed something. The new template documents them at once.
TEST(SafeFixBreakage, NewEnvTemplateDocumentsRequiredVariables) {
  Stack st;
  st.fs.Add(".gitignore", ".env\n");
  const SourceFile& c = st.Compose(
      "docker-compose.yml",
      "services:\n  gitlab:\n    image: sameersbn/gitlab:17.5.1\n    environment:\n"
      "      - GITLAB_HOST=${GITLAB_HOST:?Variable not set}\n      - GITLAB_SECRETS_DB_KEY_BASE=long-and-random-alphanumeric-string\n");
  std::vector<Diagnostic> d = st.Lint(c, "DC010");
  ASSERT_EQ(d.size(), 1u);
  ASSERT_TRUE(d[0].fix.has_value());
  std::string example;
  for (const auto& w : d[0].fix->file_writes)
    if (w.path == ".env.example") example = w.content;
  EXPECT_NE(example.find("GITLAB_HOST="), std::string::npos) << example;
  EXPECT_NE(example.find("GITLAB_SECRETS_DB_KEY_BASE=\n"), std::string::npos) << example;
  // With a template already there, DX025 keeps it complete: the move adds only its own line.
  st.fs.Add(".env.example", "GITLAB_HOST=\n");
  d = st.Lint(c, "DC010");
  ASSERT_EQ(d.size(), 1u);
  for (const auto& w : d[0].fix->file_writes) {
    if (w.path == ".env.example") {
      EXPECT_EQ(w.content, "GITLAB_SECRETS_DB_KEY_BASE=\n");
    }
  }
}


// DF121 reads the `.npmrc` a build really copies: from the Compose build context, not from the
// Dockerfile's directory (a registry-only file is configuration, one with a token is a secret).
TEST(SafeFixPrecision, NpmrcReadFromTheComposeBuildContext) {
  for (bool token : {false, true}) {
    Stack st;
    st.Compose("compose.yaml", "services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/web.Dockerfile\n");
    st.fs.Add(".npmrc", token ? "//npm.acme.dev/:_authToken=3f9c2a7e-51b0-4d3e-9a8f-6c1d2e4b7a90\n"
                              : "@acme:registry=https://npm.acme.dev/\nfund=false\n");
    const SourceFile& df = st.Add("docker/web.Dockerfile", "FROM node:22\nCOPY .npmrc package.json /app/\n",
                                  FileKind::kDockerfile);
    EXPECT_EQ(st.Lint(df, "DF121").size(), token ? 1u : 0u) << "token: " << token;
  }
}


// deviantony/docker-elk: `extensions/filebeat/filebeat-compose.yml` is used with
// `-f docker-compose.yml -f extensions/filebeat/filebeat-compose.yml`, so its
// `context: extensions/filebeat/` resolves from the root file's directory; DC005 said it did not
// exist. A context missing from every candidate directory is still reported.
TEST(SafeFixPrecision, OverrideFileContextsResolveFromTheProjectDirectory) {
  Stack st;
  st.Compose("docker-compose.yml", "services:\n  elasticsearch:\n    image: elasticsearch:8.15.0\n");
  st.fs.Add("extensions/filebeat/Dockerfile", "FROM docker.elastic.co/beats/filebeat:8.15.0\n");
  const SourceFile& ext = st.Compose("extensions/filebeat/filebeat-compose.yml",
                                     "services:\n  filebeat:\n    build:\n      context: extensions/filebeat/\n");
  EXPECT_TRUE(st.Lint(ext, "DC005").empty());
  const SourceFile& typo = st.Compose("extensions/other/other-compose.yml",
                                      "services:\n  other:\n    build:\n      context: extensions/nope/\n");
  EXPECT_EQ(st.Lint(typo, "DC005").size(), 1u);
}

}  // namespace
}  // namespace shipshape
