// Golden tests for the generators over synthetic trees, and merge-never-loses-lines properties.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "emit/dockerignore.h"
#include "emit/env_example.h"
#include "generate/stack.h"
#include "fix/fixer.h"
#include "lint/linter.h"
#include "rules/registry.h"
#include "patterns/dockerignore.h"
#include "patterns/gitignore.h"

namespace shipshape::generate {
namespace {

constexpr std::string_view kHeader =
    "# Files left out of the Docker build context: smaller, faster builds and no secrets in\n"
    "# images. Patterns are relative to the context root and anchored there (unlike\n"
    "# .gitignore); `**/` matches at any depth; a later `!` line re-includes.\n";

constexpr std::string_view kAlwaysHead =
    "\n# Version control\n.git\n"
    "\n# Local environment files (may hold secrets); the example documents the variables\n"
    ".env\n.env.*\n!.env.example\n"
    "\n# Private keys\n**/*.pem\n**/*.key\n**/id_rsa*\n**/id_ed25519*\n";

constexpr std::string_view kAlwaysTail =
    "\n# Editor and OS files\n.idea\n.vscode\n**/*.swp\n**/.DS_Store\n**/Thumbs.db\n";

constexpr std::string_view kCompose =
    "\n# Compose files (how to run the image, not part of it)\n"
    "docker-compose*.yml\ndocker-compose*.yaml\ncompose.yml\ncompose.yaml\ncompose.*.yml\n"
    "compose.*.yaml\n";

std::string Join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out += p;
  return out;
}

TEST(GenerateDockerignore, EmptyDirectory) {
  MemoryFileSystem fs;
  Workspace ws{".", &fs, {}};
  EXPECT_EQ(GenerateDockerignore(ws, "nothing-here"),
            Join({kHeader, kAlwaysHead, kAlwaysTail, "\n# Logs\n**/*.log\n", kCompose}));
  // Without a file system: the same always-on sections.
  Workspace bare{".", nullptr, {}};
  EXPECT_EQ(GenerateDockerignore(bare, "."), GenerateDockerignore(ws, "nothing-here"));
}

TEST(GenerateDockerignore, NodeAndPythonWithCopiedDist) {
  MemoryFileSystem fs;
  fs.Add("web/package.json", "{}");
  fs.Add("web/requirements.txt", "flask\n");
  fs.Add("web/.venv/bin/python", "");
  fs.Add("web/Dockerfile", "FROM node:20\nCOPY dist/ /srv/\n");
  Workspace ws{".", &fs, {}};
  // `dist` is left out: the Dockerfile copies it.
  EXPECT_EQ(GenerateDockerignore(ws, "web"),
            Join({kHeader, "# Detected: Node.js, Python.\n", kAlwaysHead,
                  "\n# Dependencies installed on the host (the image installs its own)\n"
                  "**/node_modules\n.venv\n",
                  "\n# Build outputs (rebuilt inside the image)\n**/*.egg-info\n",
                  "\n# Caches and test artifacts\n**/__pycache__\n**/*.py[cod]\n.pytest_cache\n"
                  "coverage\n.coverage\nhtmlcov\n",
                  kAlwaysTail, "\n# Logs\n**/*.log\nnpm-debug.log*\nyarn-error.log*\n", kCompose}));
}

TEST(GenerateDockerignore, MavenJarCopiedFromTarget) {
  MemoryFileSystem fs;
  fs.Add("svc/pom.xml", "<project/>");
  fs.Add("svc/Dockerfile", "FROM eclipse-temurin:21\nCOPY target/app.jar /app.jar\n");
  SourceFile df;
  df.path = "svc/Dockerfile";
  df.kind = FileKind::kDockerfile;
  df.text = "FROM eclipse-temurin:21\nCOPY target/app.jar /app.jar\n";
  Workspace ws{".", &fs, {&df}};
  const std::string out = GenerateDockerignore(ws, "svc");
  EXPECT_NE(out.find("# Detected: Java (Maven).\n"), std::string::npos);
  EXPECT_EQ(out.find("\ntarget\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\n.git\n"), std::string::npos);
  // The generated file never hides what the Dockerfile copies.
  const auto m = dockerignore::Matcher::Parse(out);
  EXPECT_FALSE(m.Excluded("target/app.jar"));
  EXPECT_TRUE(m.Excluded(".env"));
  EXPECT_FALSE(m.Excluded(".env.example"));
  EXPECT_FALSE(m.Excluded("Dockerfile"));
  EXPECT_FALSE(m.Excluded(".dockerignore"));
  EXPECT_TRUE(m.errors().empty());
}

TEST(GenerateDockerignore, EveryStackIsValidAndDeterministic) {
  MemoryFileSystem fs;
  for (const char* f : {"all/package.json", "all/pyproject.toml", "all/go.mod", "all/pom.xml",
                        "all/build.gradle.kts", "all/Gemfile", "all/Cargo.toml", "all/composer.json",
                        "all/App.csproj", "all/.hg/store", "all/venv/bin/python"})
    fs.Add(f, "");
  Workspace ws{".", &fs, {}};
  const std::string a = GenerateDockerignore(ws, "all");
  EXPECT_EQ(a, GenerateDockerignore(ws, "./all/"));
  const auto m = dockerignore::Matcher::Parse(a);
  EXPECT_TRUE(m.errors().empty());
  for (const char* p : {"node_modules/x", "target/classes", "build/libs", ".gradle/caches",
                        "vendor/bundle/ruby", "vendor/autoload.php", "bin/Debug", "obj/Debug",
                        "src/Api/obj/x", ".hg/store", "venv/bin/python", "bin/app", "a/b/c.pyc"})
    EXPECT_TRUE(m.Excluded(p)) << p;
  EXPECT_NE(a.find("# Detected: Node.js, Python, Go, Java (Maven), Java/Kotlin (Gradle), Ruby, "
                   "Rust, PHP (Composer), .NET.\n"),
            std::string::npos);
}

// DF114's fix writes the generated file beside the Dockerfile, at --unsafe only, and only once.
TEST(GenerateDockerignore, MissingDockerignoreFixWritesTheGeneratedFile) {
  MemoryFileSystem fs;
  const std::string df = "FROM node:20\nCOPY . /app\n";
  fs.Add("web/package.json", "{}");
  fs.Add("web/Dockerfile", df);
  Workspace ws{".", &fs, {}};
  SourceFile f;
  f.path = "web/Dockerfile";
  f.text = df;
  f.kind = FileKind::kDockerfile;
  Config config;
  LintOptions opts;
  opts.config = &config;
  opts.workspace = &ws;
  opts.only = FindRule("DF114");
  ASSERT_NE(opts.only, nullptr);
  EXPECT_TRUE(FixToFixpoint(f, opts, Applicability::kSafe).file_writes.empty());
  FixOutcome out = FixToFixpoint(f, opts, Applicability::kUnsafe);
  ASSERT_EQ(out.file_writes.size(), 1u);
  EXPECT_EQ(out.file_writes[0].path, ".dockerignore");
  EXPECT_FALSE(out.file_writes[0].append);
  EXPECT_EQ(out.file_writes[0].content, GenerateDockerignore(ws, "web"));
  EXPECT_NE(out.file_writes[0].content.find("**/node_modules"), std::string::npos);
  EXPECT_EQ(out.text, df);
  const dockerignore::Matcher m = dockerignore::Matcher::Parse(out.file_writes[0].content);
  EXPECT_FALSE(m.Excluded("package.json"));
  EXPECT_FALSE(m.Excluded("Dockerfile"));
  EXPECT_TRUE(m.Excluded(".git/config"));
  // Once the file exists the rule is satisfied and a second run writes nothing.
  fs.Add("web/.dockerignore", out.file_writes[0].content);
  FixOutcome again = FixToFixpoint(f, opts, Applicability::kUnsafe);
  EXPECT_TRUE(again.file_writes.empty());
  EXPECT_TRUE(again.remaining.empty());
}

TEST(DetectStacks, FromNames) {
  struct Case {
    std::vector<std::string> names;
    Stacks want;
  } cases[] = {
      {{"package.json"}, Bit(Stack::kNode)},
      {{"requirements-dev.txt"}, Bit(Stack::kPython)},
      {{"README.txt", "requirements"}, 0},
      {{"Pipfile", "go.mod"}, Bit(Stack::kPython) | Bit(Stack::kGo)},
      {{"gradlew"}, Bit(Stack::kGradle)},
      {{"Web.sln"}, Bit(Stack::kDotnet)},
      {{"Gemfile.lock"}, 0},
  };
  for (const Case& c : cases) EXPECT_EQ(DetectStacksFromNames(c.names), c.want) << c.names[0];
}

TEST(ExplicitContextSources, CopyAddMountAndGit) {
  const std::vector<std::string> dfs = {
      "FROM alpine\nCOPY ./a.txt /x\nCOPY --from=build /out /out\nADD https://e.org/f /f\n"
      "COPY . /src\nADD [\"b c\", \"/d/\"]\nRUN --mount=type=bind,source=.git,target=/g git -C /g log\n"
      "ONBUILD COPY lib/ /lib/\nRUN git rev-parse HEAD\n"};
  EXPECT_EQ(ExplicitContextSources(dfs),
            (std::vector<std::string>{".git", "a.txt", "b c", "lib"}));
  const std::vector<std::string> sources = {"target/app.jar"};
  EXPECT_TRUE(PatternHidesSource("target", sources));
  EXPECT_TRUE(PatternHidesSource("**/target", sources));
  EXPECT_FALSE(PatternHidesSource("dist", sources));
  EXPECT_FALSE(PatternHidesSource("!target", sources));
}

// ---- env example ------------------------------------------------------------------------

TEST(ScanVariables, Forms) {
  auto names = [](std::string_view v) {
    std::string out;
    for (const VariableRef& r : ScanVariables(v))
      out += r.name + "[" + r.op + "|" + r.argument + (r.nested ? "|n" : "") + "] ";
    return out;
  };
  EXPECT_EQ(names("$A ${B} ${C:-d} ${D-e} ${E:?msg} ${F?m} ${G:+x} ${H+y}"),
            "A[|] B[|] C[:-|d] D[-|e] E[:?|msg] F[?|m] G[:+|x] H[+|y] ");
  EXPECT_EQ(names("$$A $${B} ${1} $1 ${} ${X/a/b} ${UNTERMINATED"), "");
  EXPECT_EQ(names("${A:-${B:-${C}}}x$D_1"), "A[:-|${B:-${C}}] B[:-|${C}|n] C[||n] D_1[|] ");
  EXPECT_EQ(names("pre${lower_case}post"), "lower_case[|] ");
}

const char* const kCompose1 =
    "services:\n"
    "  db:\n"
    "    image: \"postgres:${PG_TAG:-16}\"\n"
    "    environment:\n"
    "      POSTGRES_PASSWORD: ${DB_PASSWORD:?set a password}\n"
    "      A: $API_KEY\n"
    "      B: ${ALT:+x}\n"
    "      D: $$ESCAPED\n"
    "      E: ${OUTER:-${INNER}}\n"
    "      ${KEY_IS_NOT_INTERPOLATED}: 1\n"
    "    volumes:\n"
    "      - ${PWD}/data:/data\n";

const char* const kGolden1 =
    "# Variables used by compose.yaml.\n"
    "# Copy this file to .env and fill in the values; docker compose reads .env from this "
    "directory.\n"
    "\n"
    "# Required: no default in the Compose file.\n"
    "API_KEY=\n"
    "# Compose refuses to start without it: set a password\n"
    "DB_PASSWORD=\n"
    "\n"
    "# Optional: the Compose file has a fallback; uncomment to override it.\n"
    "# ALT=\n"
    "# INNER=\n"
    "# OUTER=${INNER}\n"
    "# PG_TAG=16\n";

SourceFile Compose(std::string path, std::string text) {
  SourceFile f;
  f.path = std::move(path);
  f.text = std::move(text);
  f.kind = FileKind::kCompose;
  return f;
}

TEST(GenerateEnvExample, Golden) {
  const SourceFile c = Compose("compose.yaml", kCompose1);
  const SourceFile* files[] = {&c};
  EXPECT_EQ(GenerateEnvExample(files), kGolden1);
  // The output parses as an env file and documents every variable.
  const auto documented = DocumentedVariables(kGolden1);
  for (const char* v : {"API_KEY", "DB_PASSWORD", "ALT", "INNER", "OUTER", "PG_TAG"})
    EXPECT_TRUE(documented.count(v)) << v;
  EXPECT_FALSE(documented.count("PWD"));
  EXPECT_FALSE(documented.count("ESCAPED"));
  EXPECT_FALSE(documented.count("KEY_IS_NOT_INTERPOLATED"));
}

TEST(GenerateEnvExample, SeveralFilesQuotingAndEmpty) {
  const SourceFile a = Compose("x/docker-compose.yml",
                               "services:\n  a:\n    image: app:${TAG}\n    command: \"${CMD:-run --port 80 # x}\"\n");
  const SourceFile b = Compose("x/docker-compose.override.yml",
                               "services:\n  a:\n    environment:\n      - GREETING=${GREETING:-it's}\n      - T=${TAG:-latest}\n");
  const SourceFile* files[] = {&b, &a};
  const std::string out = GenerateEnvExample(files);
  EXPECT_EQ(out,
            "# Variables used by docker-compose.override.yml, docker-compose.yml.\n"
            "# Copy this file to .env and fill in the values; docker compose reads .env from this "
            "directory.\n\n"
            "# Required: no default in the Compose file.\n"
            "TAG=\n\n"
            "# Optional: the Compose file has a fallback; uncomment to override it.\n"
            "# CMD='run --port 80 # x'\n"
            "# GREETING=\"it's\"\n");
  const auto vars = CollectComposeVariables(files);
  ASSERT_EQ(vars.size(), 3u);
  EXPECT_EQ(vars[2].name, "TAG");
  EXPECT_EQ(vars[2].files, (std::vector<std::string>{"x/docker-compose.override.yml", "x/docker-compose.yml"}));
  EXPECT_EQ(*vars[2].default_value, "latest");
  const SourceFile none = Compose("c.yaml", "services:\n  a:\n    image: nginx\n");
  const SourceFile broken = Compose("d.yaml", "services: [\n  ${X}\n");
  const SourceFile* quiet[] = {&none, &broken};
  EXPECT_EQ(GenerateEnvExample(quiet), "");
}

TEST(MergeEnvExample, AppendsOnlyMissingBlocks) {
  const std::string merged = MergeEnvExample("DB_PASSWORD=\n# PG_TAG=15\n", kGolden1);
  EXPECT_EQ(merged,
            "DB_PASSWORD=\n# PG_TAG=15\n\n"
            "# Required: no default in the Compose file.\n"
            "API_KEY=\n\n"
            "# Optional: the Compose file has a fallback; uncomment to override it.\n"
            "# ALT=\n# INNER=\n# OUTER=${INNER}\n");
  EXPECT_EQ(MergeEnvExample(merged, kGolden1), merged);  // Idempotent.
  EXPECT_EQ(MergeEnvExample("", kGolden1), kGolden1);
  EXPECT_EQ(MergeEnvExample("X=1", "\nY=\n"), "X=1\n\nY=\n");
  EXPECT_EQ(MergeEnvExample("X=1\r\n", "\nY=\n"), "X=1\r\n\r\nY=\r\n");
  EXPECT_EQ(MergeEnvExample("X=1\n\n", "\nY=\n"), "X=1\n\nY=\n");
}

TEST(MergeEnvExample, NeverLosesLines) {
  const std::vector<std::string> existing = {
      "",
      "API_KEY=abc\n",
      "# a comment only\n",
      "export DB_PASSWORD=\"x\"\nweird line without equals\n\n\n",
      "A=1\r\nB=2",
      "   # ALT = commented with spaces\nINNER: yaml-style\n",
      "MULTI=\"line one\nOUTER=inside a quote\"\n",
  };
  for (const std::string& e : existing) {
    const std::string merged = MergeEnvExample(e, kGolden1);
    ASSERT_EQ(merged.compare(0, e.size(), e), 0) << "prefix changed for: " << e;
    for (const char* v : {"API_KEY", "DB_PASSWORD", "ALT", "INNER", "OUTER", "PG_TAG"})
      EXPECT_TRUE(DocumentedVariables(merged).count(v)) << v << " missing after merging into: " << e;
    EXPECT_EQ(MergeEnvExample(merged, kGolden1), merged) << e;
  }
}

TEST(DocumentedVariables, Forms) {
  const auto d = DocumentedVariables(
      "A=1\nexport B=2\n# C=3\n#D=\n  ## E = 5\nF: 6\n# Required: not a var\n# G: 7\n"
      "not a var\n=nokey\n");
  EXPECT_EQ(std::vector<std::string>(d.begin(), d.end()),
            (std::vector<std::string>{"A", "B", "C", "D", "E", "F"}));
}

TEST(GitignoreEntries, DefaultAndTemplates) {
  EXPECT_EQ(GitignoreEntries(), (std::vector<std::string>{".env", ".env.*", "!.env.example"}));
  const std::vector<std::string> keep = {".env.sample", ".env.dist"};
  EXPECT_EQ(GitignoreEntries(keep),
            (std::vector<std::string>{".env", ".env.*", "!.env.sample", "!.env.dist"}));
  // The lines do what they say under git's rules.
  std::string text;
  for (const std::string& l : GitignoreEntries()) text += l + "\n";
  const patterns::GitignoreFile m(text);
  EXPECT_EQ(m.Decide(".env", false), 1);
  EXPECT_EQ(m.Decide("sub/.env.local", false), 1);
  EXPECT_EQ(m.Decide(".env.example", false), -1);
}

TEST(IsEnvTemplateName, Names) {
  for (const char* yes : {".env.example", ".env.sample", ".env.template", ".env.dist",
                          "app.env.example", ".env.defaults", ".env.example.local", ".env-example"})
    EXPECT_TRUE(IsEnvTemplateName(yes)) << yes;
  for (const char* no : {".env", ".env.local", ".env.production", "examples.env", ".env.distro"})
    EXPECT_FALSE(IsEnvTemplateName(no)) << no;
}

}  // namespace
}  // namespace shipshape::generate
