// Secrets are never printed: the binary scans a small project full of real credentials (Dockerfile
// ARG/ENV, a private key, credentials in URLs and a healthcheck, Compose environment and build
// args, .env files) and every output — each --format, `fix --diff`, `fix --report`, stderr — is
// searched for the secret values. Context rules (.env files) are in preview: every run uses
// --preview. The findings themselves must be there (so a reporter that
// dropped everything would not pass), just never the values.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "report/reporters.h"
#include "testing/spawn.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

/// The credentials in the fixture. Random-looking so that no 8-byte piece of one occurs in the
/// output by chance.
const std::vector<std::string> kSecrets = {
    "ghp_R4nd0mT0k3nV4lu3Xy9Zq8Wv7Ut6Sr5Qp4",        // GitHub token (ARG)
    "Qv7Lm2Xp9Rt4Wz6Kd8Jh3",                         // ENV DB_PASSWORD
    "sk_live_51HxQ2vK8mNpL4tR7wY9zB3cD",              // Stripe key (ENV)
    "AKIAQ3EGRXBTZ7KJ4W2N",                           // AWS access key ID
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8vT3kL9d",       // AWS secret access key
    "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0t",  // private key body
    "s3cretP4ssQm",                                   // postgres://user:...@db/x (Compose)
    "H3althT0kenZ9xWq",                               // healthcheck URL password (Dockerfile)
    "Pg5ecretValue2024xK",                            // POSTGRES_PASSWORD (Compose)
    "npm_Q8wE4rT6yU1iO3pA5sD7fG9hJ2kL0zXc",           // build arg NPM_TOKEN (Compose)
    "Pr0beS3cretK3yVv",                               // Compose healthcheck URL password
    "9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a",           // .env API_SECRET
    "xoxb-2718281828-3141592653-Zq8Wv7Ut6Sr5Qp4Xy9",  // .env.example SLACK_TOKEN
    "Cu7lP4ssW0rdXy",                                 // curl -u user:PASS (Dockerfile)
    "MyS9lP4ssQx7",                                   // mysql -pPASS (Dockerfile)
    "Tm9UZXJtaW5hdGVkS2V5Qm9keUxpbmVPbmU",            // unterminated PEM body (Dockerfile)
    "Env5paceSecretQ9",                               // malformed .env line (space for `=`)
    "Int3rpPassQ8w",                                  // .env DB_PASSWORD, interpolated in Compose
};

const char kDockerfile[] =
    "FROM python:3.12-slim\n"
    "ARG GITHUB_TOKEN=ghp_R4nd0mT0k3nV4lu3Xy9Zq8Wv7Ut6Sr5Qp4\n"
    "ENV DB_PASSWORD=Qv7Lm2Xp9Rt4Wz6Kd8Jh3\n"
    "ENV STRIPE_API_KEY=sk_live_51HxQ2vK8mNpL4tR7wY9zB3cD\n"
    "ENV AWS_ACCESS_KEY_ID=AKIAQ3EGRXBTZ7KJ4W2N AWS_SECRET_ACCESS_KEY=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\n"
    "RUN printf '%s\\n' '-----BEGIN RSA PRIVATE KEY-----' "
    "'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0t' '-----END RSA PRIVATE KEY-----' "
    "> /root/id_rsa\n"
    "ADD app.py /app/\n"
    "HEALTHCHECK CMD curl -f https://admin:H3althT0kenZ9xWq@localhost/health || exit 1\n"
    "ADD requirements.txt /app/\n"
    "RUN curl -fsSL -u deploy:Cu7lP4ssW0rdXy https://example.org/a.tgz -o /a.tgz\n"
    "RUN mysql -uroot -pMyS9lP4ssQx7 -e 'select 1'\n"
    "RUN echo \"-----BEGIN EC PRIVATE KEY-----\\nTm9UZXJtaW5hdGVkS2V5Qm9keUxpbmVPbmU\" > /k\n"
    "CMD [\"python\", \"/app/app.py\"]\n";

const char kCompose[] =
    "services:\n"
    "  db:\n"
    "    image: postgres:16.4\n"
    "    environment:\n"
    "      POSTGRES_PASSWORD: Pg5ecretValue2024xK\n"
    "      DATABASE_URL: postgres://user:s3cretP4ssQm@db/x\n"
    "  web:\n"
    "    build:\n"
    "      context: .\n"
    "      args:\n"
    "        NPM_TOKEN: npm_Q8wE4rT6yU1iO3pA5sD7fG9hJ2kL0zXc\n"
    "    ports:\n"
    "      - 8080:80\n"
    "      - \"${DB_PASSWORD}:81\"\n"
    "    container_name: ${DB_PASSWORD}\n"
    "    healthcheck:\n"
    "      test: [\"CMD\", \"curl\", \"-f\", \"http://probe:Pr0beS3cretK3yVv@localhost/\"]\n";

/// A temporary project directory and the binary run in it.
class ProjectDir : public ::testing::Test {
 protected:
  void MakeDir() {
    char tmpl[] = "/tmp/shipshape-secrets-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  void Write(const std::string& rel, const std::string& content) {
    std::ofstream(dir_ / rel, std::ios::binary) << content;
  }

  test::SpawnResult Exec(std::vector<std::string> args) {
    test::SpawnOptions so;
    so.argv = {SHIPSHAPE_BINARY};
    so.argv.insert(so.argv.end(), args.begin(), args.end());
    so.env = std::vector<std::string>{"NO_COLOR=1", "PATH=/usr/bin:/bin"};
    so.cwd = dir_.string();
    so.stdout_path = dir_.string() + ".out";
    so.stderr_path = dir_.string() + ".err";
    test::SpawnResult r = test::Spawn(so);
    EXPECT_EQ(r.error, "");
    EXPECT_FALSE(r.timed_out);
    fs::remove(so.stdout_path);
    fs::remove(so.stderr_path);
    return r;
  }

  std::string Read(const std::string& rel) {
    std::ifstream in(dir_ / rel, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }

  fs::path dir_;
};

class SecretsNeverPrinted : public ProjectDir {
 protected:
  void SetUp() override {
    MakeDir();
    Write("Dockerfile", kDockerfile);
    Write("compose.yaml", kCompose);
    Write(".env",
          "API_SECRET=9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a\nDEBUG=1\nDB_PASSWORD=Int3rpPassQ8w\n"
          "DB_PASSWORD Env5paceSecretQ9\n");
    Write(".env.example", "SLACK_TOKEN=xoxb-2718281828-3141592653-Zq8Wv7Ut6Sr5Qp4Xy9\n");
    Write("app.py", "print('hi')\n");
    Write("requirements.txt", "flask==3.0.0\n");
    fs::permissions(dir_ / ".env", fs::perms(0644));
  }

  /// Every secret, and every 8-byte piece of one, that occurs in `output`.
  static std::vector<std::string> Leaks(const std::string& output) {
    std::vector<std::string> leaks;
    for (const std::string& secret : kSecrets) {
      for (size_t i = 0; i + 8 <= secret.size(); ++i) {
        if (output.find(secret.substr(i, 8)) != std::string::npos) {
          leaks.push_back(secret + " (piece '" + secret.substr(i, 8) + "')");
          break;
        }
      }
    }
    return leaks;
  }
};

/// The rules the fixture must trigger: every kind of secret is found by a real rule.
const std::set<std::string> kExpectedRules = {
    "DF026",  // ARG/ENV named like a secret with a literal value
    "DF027",  // credential of a known format (AWS key, token, private key, URL password)
    "DC010",  // Compose environment with a hard-coded secret
    "DC011",  // build arg secret
    "DC012",  // credentials in a URL (environment, healthcheck)
    "DX021",  // .env not gitignored (its line holds the secret)
    "DX022",  // .env readable by others
    "DX024",  // .env.example with a real secret (preview, like every context rule)
};

TEST_F(SecretsNeverPrinted, InAnyFormat) {
  // The fixture really is full of findings about secrets.
  test::SpawnResult json = Exec({"check", "--preview", "--format", "json"});
  ASSERT_EQ(json.code, 1) << json.err;
  std::set<std::string> rules;
  const nlohmann::json j = nlohmann::json::parse(json.out);
  for (const auto& d : j["diagnostics"]) rules.insert(d["rule"].get<std::string>());
  for (const std::string& code : kExpectedRules) EXPECT_TRUE(rules.count(code)) << code;

  for (std::string_view format : FormatNames()) {
    SCOPED_TRACE(std::string(format));
    test::SpawnResult r = Exec({"check", "--preview", "--format", std::string(format)});
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_GT(r.out.size(), 200u);
    // Each format names at least one of the secret rules (so the findings are in there).
    bool named = false;
    for (const std::string& code : kExpectedRules) named |= r.out.find(code) != std::string::npos;
    EXPECT_TRUE(named) << r.out.substr(0, 2000);
    EXPECT_EQ(Leaks(r.out), std::vector<std::string>{}) << r.out;
    EXPECT_EQ(Leaks(r.err), std::vector<std::string>{}) << r.err;
  }
}

TEST_F(SecretsNeverPrinted, InFixDiffAndFixReport) {
  test::SpawnResult diff = Exec({"fix", "--preview", "--diff", "--unsafe"});
  EXPECT_NE(diff.out.find("+COPY app.py /app/"), std::string::npos) << diff.out;
  EXPECT_EQ(Leaks(diff.out), std::vector<std::string>{}) << diff.out;
  EXPECT_EQ(Leaks(diff.err), std::vector<std::string>{}) << diff.err;

  test::SpawnResult fix = Exec({"fix", "--preview", "--unsafe", "--report", "fix.md"});
  EXPECT_EQ(fix.code, 1) << fix.err;
  const std::string report = Read("fix.md");
  EXPECT_NE(report.find("DF027"), std::string::npos) << report;
  EXPECT_EQ(Leaks(report), std::vector<std::string>{}) << report;
  EXPECT_EQ(Leaks(fix.out), std::vector<std::string>{}) << fix.out;
  EXPECT_EQ(Leaks(fix.err), std::vector<std::string>{}) << fix.err;
}

// Short, common secret values: a masker that searched for them as substrings turned service
// `test-db` into `****-db`, image `postgres:latest` into `postgres:la****`, `Dockerfile.test` into
// `Dockerfile.****` and `pgadmin` into `pg****`. Each value must be masked where it is the secret
// (found by a rule, by its form, or interpolated from `.env`) and nowhere else.
const char kShortCompose[] =
    "services:\n"
    "  test-db:\n"
    "    image: postgres:latest\n"
    "    build:\n"
    "      context: .\n"
    "      dockerfile: Dockerfile.test\n"
    "    environment:\n"
    "      POSTGRES_PASSWORD: test\n"
    "      POSTGRES_USER: app_user\n"
    "  pgadmin:\n"
    "    image: dpage/pgadmin4:latest\n"
    "    environment:\n"
    "      PGADMIN_DEFAULT_PASSWORD: admin\n"
    "      API_TOKEN: \"1234\"\n"
    "    healthcheck:\n"
    "      test: [\"CMD\", \"mysqladmin\", \"ping\", \"-papp\"]\n"
    "  web:\n"
    "    image: nginx:latest\n"
    "    container_name: ${WEB_SECRET}\n"
    "  api:\n"
    "    image: nginx:latest\n"
    "    container_name: ${WEB_SECRET}\n";

// A secret interpolated into a port makes the file invalid (so nothing in it is fixed): apart.
const char kEdgeCompose[] =
    "services:\n"
    "  edge:\n"
    "    image: nginx:1.27\n"
    "    ports:\n"
    "      - \"${EDGE_TOKEN}:8080\"\n"
    "    build:\n"
    "      context: ${EDGE_TOKEN}\n";

const char kShortDockerfile[] =
    "FROM postgres:latest\n"
    "ENV DB_PASSWORD=1234\n"
    "RUN curl -u admin:test https://example.org/x -o /x\n"
    "ADD app.py /app/\n";

/// Where each short value is the secret: none of these may appear in any output.
const std::vector<std::string> kShortLeaks = {
    "PASSWORD: test", "PASSWORD: admin", "TOKEN: \"1234\"", "TOKEN: 1234", "-papp",
    "admin:test", "PASSWORD=1234", "`app`", "name `app", "`app:", "1234:8080", "`1234`",
    "PASSWORD admin",
};
/// Unrelated text that merely contains a short value.
const std::vector<std::string> kUnrelated = {"test-db", "postgres:latest", "pgadmin",
                                             "Dockerfile.test"};
/// What a substring masker made of it.
const std::vector<std::string> kMangled = {"****-db", "la****", "pg****", "Dockerfile.****",
                                           "****_user"};

class ShortSecrets : public ProjectDir {
 protected:
  void SetUp() override {
    MakeDir();
    Write("compose.yaml", kShortCompose);
    Write("Dockerfile.test", kShortDockerfile);
    Write(".env", "WEB_SECRET=app\n");
    Write("app.py", "print('hi')\n");
    fs::create_directory(dir_ / "edge");
    Write("edge/compose.yaml", kEdgeCompose);
    // The second line is malformed (a blank for `=`): DX020 quotes it.
    Write("edge/.env", "EDGE_TOKEN=1234\nAPI_PASSWORD admin\n");
  }

  static std::vector<std::string> Found(const std::string& out,
                                        const std::vector<std::string>& needles) {
    std::vector<std::string> found;
    for (const std::string& n : needles)
      if (out.find(n) != std::string::npos) found.push_back(n);
    return found;
  }
};

TEST_F(ShortSecrets, MaskedWhereSecretOnlyInEveryFormat) {
  for (std::string_view format : FormatNames()) {
    SCOPED_TRACE(std::string(format));
    test::SpawnResult r = Exec({"check", "--preview", "--format", std::string(format)});
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_NE(r.out.find("DC010"), std::string::npos) << r.out.substr(0, 3000);
    EXPECT_EQ(Found(r.out, kShortLeaks), std::vector<std::string>{}) << r.out;
    EXPECT_EQ(Found(r.err, kShortLeaks), std::vector<std::string>{}) << r.err;
    EXPECT_EQ(Found(r.out, kMangled), std::vector<std::string>{}) << r.out;
    EXPECT_EQ(Found(r.out, kUnrelated), kUnrelated) << r.out;
  }
}

TEST_F(ShortSecrets, MaskedWhereSecretOnlyInFixDiffAndFixReport) {
  test::SpawnResult diff = Exec({"fix", "--preview", "--diff", "--unsafe"});
  EXPECT_NE(diff.out.find("+COPY app.py /app/"), std::string::npos) << diff.out;
  // The diff shows the lines around the fixes, secrets masked in place.
  EXPECT_NE(diff.out.find("POSTGRES_PASSWORD: "), std::string::npos) << diff.out;
  EXPECT_EQ(Found(diff.out, kShortLeaks), std::vector<std::string>{}) << diff.out;
  EXPECT_EQ(Found(diff.out, kMangled), std::vector<std::string>{}) << diff.out;
  for (const std::string& text : {std::string("test-db:"), std::string("postgres:latest"),
                                  std::string("pgadmin:"), std::string("Dockerfile.test")})
    EXPECT_NE(diff.out.find(text), std::string::npos) << text << "\n" << diff.out;

  test::SpawnResult fix = Exec({"fix", "--preview", "--unsafe", "--report", "fix.md", "--format",
                                "json=fix.json", "--format", "html=fix.html"});
  EXPECT_EQ(fix.code, 1) << fix.err;
  EXPECT_EQ(Found(fix.out + fix.err, kShortLeaks), std::vector<std::string>{}) << fix.err;
  for (const char* name : {"fix.md", "fix.json", "fix.html"}) {
    SCOPED_TRACE(name);
    const std::string report = Read(name);
    EXPECT_GT(report.size(), 200u);
    EXPECT_EQ(Found(report, kShortLeaks), std::vector<std::string>{}) << report;
    EXPECT_EQ(Found(report, kMangled), std::vector<std::string>{}) << report;
    EXPECT_NE(report.find("test-db"), std::string::npos) << report;
  }
}

// `inspect` output: health-check output carries URL passwords, KEY=value secrets and cloud keys.
TEST_F(ProjectDir, InspectMasksHealthCheckOutput) {
  MakeDir();
  Write("inspect.json",
        R"([{"Id":"0123456789abcdef","Name":"/test-db","Config":{"Image":"postgres:latest",)"
        R"("Env":["POSTGRES_PASSWORD=Pg1nspectEnvQ7"],"Cmd":["postgres","--password=Cmd9Pa55wordX"],)"
        R"("Healthcheck":{"Test":["CMD-SHELL","pg_isready"]}},)"
        R"("State":{"Status":"running","Health":{"Status":"unhealthy","FailingStreak":3,)"
        R"("Log":[{"ExitCode":1,"Output":"connect postgres://app:H3althUrlPw9@db/x failed; )"
        R"(PGPASSWORD=H3althKvSecr8 AWS_ACCESS_KEY_ID=AKIAQ3EGRXBTZ7KJ4W2N\ncurl -u ops:H3althCurlQ1 x"}]}},)"
        R"("HostConfig":{"Privileged":true}}])");
  const std::vector<std::string> secrets = {"Pg1nspectEnvQ7", "Cmd9Pa55wordX", "H3althUrlPw9",
                                            "H3althKvSecr8", "AKIAQ3EGRXBTZ7KJ4W2N", "H3althCurlQ1"};
  for (std::string_view format : FormatNames()) {
    SCOPED_TRACE(std::string(format));
    test::SpawnResult r = Exec({"inspect", "inspect.json", "--format", std::string(format)});
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_NE(r.out.find("DR012"), std::string::npos) << r.out.substr(0, 2000);
    EXPECT_NE(r.out.find("test-db"), std::string::npos) << r.out.substr(0, 2000);
    for (const std::string& s : secrets) {
      EXPECT_EQ(r.out.find(s), std::string::npos) << s << "\n" << r.out;
      EXPECT_EQ(r.err.find(s), std::string::npos) << s << "\n" << r.err;
    }
  }
}

// Control characters from YAML keys and file names, in the text formats: a key holding
// `\n::error file=...::` must not become a GitHub workflow command, `\e[8m` must not hide output.
TEST_F(ProjectDir, ControlCharactersAreEscaped) {
  MakeDir();
  Write("compose.yaml",
        "services:\n"
        "  \"web\\n::error file=app.py,line=1::forged\":\n"
        "    image: \"nginx:latest\\e[8m\"\n"
        "    privileged: true\n");
  for (std::string_view format : FormatNames()) {
    SCOPED_TRACE(std::string(format));
    test::SpawnResult r = Exec({"check", "--format", std::string(format)});
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_NE(r.out.find("forged"), std::string::npos) << r.out.substr(0, 2000);
    EXPECT_EQ(r.out.find("\n::"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << r.out;
    EXPECT_EQ(r.err.find("\n::"), std::string::npos) << r.err;
  }
  test::SpawnResult text = Exec({"check"});
  EXPECT_NE(text.out.find("web\\n::error"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace shipshape
