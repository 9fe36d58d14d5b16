// DC010 env-hardcoded-secret
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC010.snap.
#include "rules/cases.h"
#include "core/workspace.h"
#include "rules/compose/secret_env.h"

namespace shipshape {
namespace {

void ExistingEnv(MemoryFileSystem& fs) { fs.Add(".env", "POSTGRES_PASSWORD=other\n"); }

const RuleCases kCases("DC010", {
    Bad("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: s3cr3t-Passw0rd\n",
        "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: \"${POSTGRES_PASSWORD}\"\n"),
    Bad("services:\n  api:\n    image: app:1\n    environment:\n      - API_TOKEN=tok_8f3kd93ndk2\n      - DEBUG=false\n",
        "services:\n  api:\n    image: app:1\n    environment:\n      - API_TOKEN=${API_TOKEN}\n      - DEBUG=false\n"),
    Bad("services:\n  api:\n    image: app:1\n    environment:\n      AWS_KEY: AKIAIOSFODNN7ABCDEFG\n",
        "services:\n  api:\n    image: app:1\n    environment:\n      AWS_KEY: \"${AWS_KEY}\"\n"),
    Bad("services:\n  api:\n    image: app:1\n    environment: [\"SECRET_KEY=abc123def456\"]\n",
        "services:\n  api:\n    image: app:1\n    environment: [\"SECRET_KEY=${SECRET_KEY}\"]\n"),
    Bad("services:\n  a:\n    image: x:1\n    environment:\n      DB_PASSWORD: first-pass-1\n  b:\n    image: x:1\n"
        "    environment:\n      DB_PASSWORD: second-pass-2\n",
        "services:\n  a:\n    image: x:1\n    environment:\n      DB_PASSWORD: \"${A_DB_PASSWORD}\"\n  b:\n    image: x:1\n"
        "    environment:\n      DB_PASSWORD: \"${B_DB_PASSWORD}\"\n"),
    WithFiles(ExistingEnv,
              Bad("services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=hunter2-xyz\n",
                  "services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=${DB_POSTGRES_PASSWORD}\n")),
    Good("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n"),
    Good("services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=\n      - POSTGRES_USER=app\n"),
    Good("services:\n  db:\n    image: mysql:8\n    environment:\n      MYSQL_ALLOW_EMPTY_PASSWORD: \"yes\"\n      MYSQL_PASSWORD_FILE: /run/secrets/db\n"),
    Bad("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: password\n"),
    Good("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: <your-password>\n"),
    Good("services:\n  api:\n    image: app:1\n    environment:\n      DATABASE_URL: postgres://u:p4ssw0rd@db/app\n")});

}  // namespace
}  // namespace shipshape
