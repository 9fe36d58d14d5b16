#include "rules/secrets.h"

#include <gtest/gtest.h>

#include <string>

#include "core/diagnostic.h"

namespace shipshape::secrets {
namespace {

TEST(SecretName, BuildKitTokens) {
  for (const char* n : {"API_KEY", "apikey", "DB_PASSWORD", "GITHUB_TOKEN", "AUTH", "secret_MESSAGE",
                        "AWS_SECRET_ACCESS_KEY", "MYSQL_ROOT_PASSWORD", "PGPASSWORD", "SMTP_PASS",
                        "NPM_AUTH_TOKEN", "dbPassword", "ENCRYPTION_KEY", "PRIVATE_KEY",
                        "client-secret", "DJANGO_SECRET_KEY"})
    EXPECT_TRUE(LooksLikeSecretName(n)) << n;
}

TEST(SecretName, AllowedDescriptions) {
  for (const char* n : {"PUBLIC_KEY", "PASSWORD_FILE", "TOKEN_VERSION", "GPG_KEY", "GPG_KEYS",
                        "AWS_ACCESS_KEY_ID", "AUTH_URL", "AUTH_ENABLED", "TOKEN_TTL", "PWD",
                        "KEYCLOAK_VERSION", "MONKEY", "TOKENIZERS_PARALLELISM", "PATH",
                        "SECRET_NAME", "PASSWORD_MIN_LENGTH", "NODE_VERSION", "AUTHOR"})
    EXPECT_FALSE(LooksLikeSecretName(n)) << n;
}

TEST(KnownSecrets, FindsFormatsAndPositions) {
  const std::string gh = "ghp_" + std::string("A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8");
  std::string text = "RUN git clone https://x:" + gh + "@github.com/o/r";
  auto m = FindKnownSecrets(text);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(text.substr(m[0].start, m[0].end - m[0].start), gh);

  text = "ENV AWS_KEY=AKIAZ2XQ3R5TLMN7PQ8W";
  m = FindKnownSecrets(text);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].kind, "AWS access key ID");
  EXPECT_EQ(text.substr(m[0].start, m[0].end - m[0].start), "AKIAZ2XQ3R5TLMN7PQ8W");

  text = "ENV DATABASE_URL=postgres://app:s3cr3tPw@db:5432/app";
  m = FindKnownSecrets(text);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(text.substr(m[0].start, m[0].end - m[0].start), "s3cr3tPw");

  text = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n";
  m = FindKnownSecrets(text);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].start, 0u);
  EXPECT_EQ(m[0].end, text.size() - 1);
}

TEST(KnownSecrets, IgnoresVariablesAndExamples) {
  EXPECT_TRUE(FindKnownSecrets("postgres://app:${DB_PASSWORD}@db/app").empty());
  EXPECT_TRUE(FindKnownSecrets("postgres://app:$PW@db/app").empty());
  EXPECT_TRUE(FindKnownSecrets("AKIAIOSFODNN7EXAMPLE").empty());
  EXPECT_TRUE(FindKnownSecrets("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx").empty());
  EXPECT_TRUE(FindKnownSecrets("https://<user>:<password>@host").empty());
  EXPECT_TRUE(FindKnownSecrets("image: nginx:1.25@sha256:abcdef").empty());
  EXPECT_TRUE(FindKnownSecrets("http://localhost:8080/health").empty());
}

TEST(Entropy, Values) {
  EXPECT_NEAR(ShannonEntropy("aaaa"), 0.0, 1e-9);
  EXPECT_NEAR(ShannonEntropy("abcd"), 2.0, 1e-9);
  EXPECT_TRUE(LooksHighEntropy("q8Zr2LmX9vT4wK7pN3sJ"));
  EXPECT_TRUE(LooksHighEntropy("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"));
  EXPECT_FALSE(LooksHighEntropy("my-long-config-name-here"));
  EXPECT_FALSE(LooksHighEntropy("/usr/local/bin:/usr/bin"));
  EXPECT_FALSE(LooksHighEntropy("1.2.3.4.5.6.7.8.9.10"));
  EXPECT_FALSE(LooksHighEntropy("${SOME_VARIABLE_NAME}"));
  EXPECT_FALSE(LooksHighEntropy("short1A"));
}

TEST(NonSecret, Values) {
  for (const char* v : {"", "true", "0", "/run/secrets/db", "$DB_PASSWORD", "${TOKEN}",
                        "changeme", "<your-token>", "\"\"", "https://example.org/x", "xxxxxx"})
    EXPECT_TRUE(IsNonSecretValue(v)) << v;
  for (const char* v : {"hunter2hunter2", "s3cr3t!", "postgres://u:pw1234@db/x"})
    EXPECT_FALSE(IsNonSecretValue(v)) << v;
}

/// The parts of `text` FindSecretsToMask masks, in order.
std::vector<std::string> Masked(std::string_view text) {
  std::vector<std::string> out;
  for (const SecretMatch& m : FindSecretsToMask(text))
    out.emplace_back(text.substr(m.start, m.end - m.start));
  return out;
}
using Parts = std::vector<std::string>;

TEST(SecretsToMask, CommandLinePasswords) {
  EXPECT_EQ(Masked("RUN curl -fsSL -u admin:hunter2 https://x/y"), Parts{"hunter2"});
  EXPECT_EQ(Masked("RUN curl --user=deploy:t0ps3cret https://x"), Parts{"t0ps3cret"});
  EXPECT_EQ(Masked("RUN curl -uadmin:1234 https://x"), Parts{"1234"});
  EXPECT_EQ(Masked("RUN mysql -uroot -pPASSW0RD db < x.sql"), Parts{"PASSW0RD"});
  EXPECT_EQ(Masked("test: [\"CMD\", \"mysqladmin\", \"ping\", \"-papp\"]"), Parts{"app"});
  EXPECT_EQ(Masked("sshpass -p test ssh host"), Parts{"test"});
  EXPECT_EQ(Masked("redis-cli -a admin ping"), Parts{"admin"});
  EXPECT_EQ(Masked("docker login -u me -p s3cr3t registry"), Parts{"s3cr3t"});
  EXPECT_EQ(Masked("RUN echo 'root:toor' | chpasswd"), Parts{"toor"});
  EXPECT_EQ(Masked("wget --http-password=1234 https://x"), Parts{"1234"});
  EXPECT_EQ(Masked("vault login --token s.Abc123"), Parts{"s.Abc123"});
  // Not credentials: user:group, ports, prompts, variables, the password on stdin.
  EXPECT_EQ(Masked("RUN docker run -u 1000:1000 img"), Parts{});
  EXPECT_EQ(Masked("RUN curl -u admin https://x"), Parts{});
  EXPECT_EQ(Masked("RUN mysql -u root -p -h db -P 3306"), Parts{});
  EXPECT_EQ(Masked("RUN psql -p 5432 -U app"), Parts{});
  EXPECT_EQ(Masked("RUN curl -u \"admin:$PASSWORD\" https://x"), Parts{});
  EXPECT_EQ(Masked("RUN mysql -p${MYSQL_PASSWORD} db"), Parts{});
  EXPECT_EQ(Masked("echo \"$PW\" | docker login --password-stdin -u me"), Parts{});
  EXPECT_EQ(Masked("RUN curl -u a:b https://x; mysql -u root -p"), Parts{"b"});
}

TEST(SecretsToMask, ValuesOfSecretNamedKeys) {
  EXPECT_EQ(Masked("      POSTGRES_PASSWORD: test\n"), Parts{"test"});
  EXPECT_EQ(Masked("      - POSTGRES_PASSWORD=pass word\n"), Parts{"pass word"});
  EXPECT_EQ(Masked("      - \"API_TOKEN=1234\"\n"), Parts{"1234"});
  EXPECT_EQ(Masked("ENV DB_PASSWORD=admin DB_HOST=db\n"), Parts{"admin"});
  EXPECT_EQ(Masked("ENV DB_PASSWORD admin and more\n"), Parts{"admin and more"});
  EXPECT_EQ(Masked("ARG NPM_TOKEN=\"app\"\n"), Parts{"app"});
  EXPECT_EQ(Masked("export SECRET_KEY='a b'; run\n"), Parts{"a b"});
  EXPECT_EQ(Masked("{\"password\":\"test\",\"user\":\"bob\"}"), Parts{"test"});
  EXPECT_EQ(Masked("  api_key: app # comment\n"), Parts{"app"});
  EXPECT_EQ(Masked("x:\n  private_key: |\n    line one\n    line two\n  other: 1\n"),
            Parts{"    line one\n    line two"});
  // References, booleans, descriptions of secrets and the secrets section are no values to hide.
  EXPECT_EQ(Masked("  DB_PASSWORD: ${DB_PASSWORD}\n  TOKEN: $TOKEN\n"), Parts{});
  EXPECT_EQ(Masked("  PASSWORD_FILE: /run/secrets/db\n  auth: true\n"), Parts{});
  EXPECT_EQ(Masked("    secrets: [db_password]\n    secrets:\n      - db_password\n"), Parts{});
  EXPECT_EQ(Masked("if [ \"$PASSWORD\" = x ]; then\n"), Parts{});
  EXPECT_EQ(Masked("  image: postgres:latest\n  container_name: test-db\n"), Parts{});
  // A default is a literal credential.
  EXPECT_EQ(Masked("  DB_PASSWORD: ${DB_PASSWORD:-test}\n"), Parts{"${DB_PASSWORD:-test}"});
}

TEST(SecretsToMask, PrivateKeyWithoutEndLine) {
  const std::string body = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0t";
  // The whole block when it is terminated.
  std::string text = "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\n";
  EXPECT_EQ(Masked(text), Parts{text.substr(0, text.size() - 1)});
  // Unterminated, in a YAML block: the header and the base64 lines under it, not the next key.
  text = "    key: |\n      -----BEGIN PRIVATE KEY-----\n      " + body + "\n      " + body +
         "==\n  next: value\n";
  Parts parts = Masked(text);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_NE(parts[0].find(body + "=="), std::string::npos);
  EXPECT_EQ(parts[0].find("next"), std::string::npos);
  // Unterminated on one Dockerfile line: up to the redirection.
  text = "RUN echo \"-----BEGIN RSA PRIVATE KEY-----\\n" + body + "\\n\" > /k\nRUN ls\n";
  parts = Masked(text);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_NE(parts[0].find(body), std::string::npos);
  EXPECT_EQ(parts[0].find('>'), std::string::npos);
  // Many unterminated headers are scanned once each (no search to the end per header).
  std::string many;
  for (int i = 0; i < 2000; ++i) many += "-----BEGIN EC PRIVATE KEY-----\n" + body + "\nRUN x\n";
  EXPECT_EQ(FindSecretsToMask(many).size(), 2000u);
}

TEST(SecretsToMask, EnvFileValues) {
  const std::string text =
      "# comment\nDB_PASSWORD=test\nexport A='x'\nB: y\nDB PASSWORD secret\nC=\"multi\nline\"\nD=\n";
  std::vector<std::string> parts;
  for (const SecretMatch& m : FindEnvFileValues(text))
    parts.emplace_back(text.substr(m.start, m.end - m.start));
  EXPECT_EQ(parts, (Parts{"test", "'x'", "y", "PASSWORD secret", "\"multi\nline\""}));
}

TEST(SecretsToMask, DisplaySafeValue) {
  EXPECT_EQ(DisplaySafeValue("DB_PASSWORD", "test"), "****");
  EXPECT_EQ(DisplaySafeValue("APP_PORT", "8080"), "8080");
  EXPECT_EQ(DisplaySafeValue("TAG", "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39"),
            "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39");
  EXPECT_EQ(DisplaySafeValue("DATABASE_URL", "postgres://u:test1234@db/x"),
            "postgres://u:********@db/x");
  EXPECT_EQ(DisplaySafeValue("CONFIG", "AKIAQ3EGRXBTZ7KJ4W2N"), "****");
  EXPECT_EQ(DisplaySafeValue("EMPTY_PASSWORD", ""), "");
}

TEST(SecretsToMask, MaskKeepsLengthAndLines) {
  const std::string text = "  PASSWORD: |\n    abc\n    def\n";
  const std::string masked = MaskSecretsIn(text);
  EXPECT_EQ(masked, "  PASSWORD: |\n*******\n*******\n");
}

TEST(MaskSecretTest, RevealsNothingOfTheValue) {
  EXPECT_EQ(::shipshape::MaskSecret("ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"), "****");
  EXPECT_EQ(::shipshape::MaskSecret("Su8kLm2Qx9Vb"), "****");
  EXPECT_EQ(::shipshape::MaskSecret("test"), "****");
  EXPECT_EQ(::shipshape::MaskSecret(""), "****");
}

}  // namespace
}  // namespace shipshape::secrets
