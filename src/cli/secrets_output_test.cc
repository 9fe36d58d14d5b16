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
    "    healthcheck:\n"
    "      test: [\"CMD\", \"curl\", \"-f\", \"http://probe:Pr0beS3cretK3yVv@localhost/\"]\n";

class SecretsNeverPrinted : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/shipshape-secrets-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    Write("Dockerfile", kDockerfile);
    Write("compose.yaml", kCompose);
    Write(".env", "API_SECRET=9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a\nDEBUG=1\n");
    Write(".env.example", "SLACK_TOKEN=xoxb-2718281828-3141592653-Zq8Wv7Ut6Sr5Qp4Xy9\n");
    Write("app.py", "print('hi')\n");
    Write("requirements.txt", "flask==3.0.0\n");
    fs::permissions(dir_ / ".env", fs::perms(0644));
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

  fs::path dir_;
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
  std::ifstream in(dir_ / "fix.md");
  const std::string report((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(report.find("DF027"), std::string::npos) << report;
  EXPECT_EQ(Leaks(report), std::vector<std::string>{}) << report;
  EXPECT_EQ(Leaks(fix.out), std::vector<std::string>{}) << fix.out;
  EXPECT_EQ(Leaks(fix.err), std::vector<std::string>{}) << fix.err;
}

}  // namespace
}  // namespace shipshape
