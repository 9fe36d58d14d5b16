#include "rules/secrets.h"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace shipshape::secrets
