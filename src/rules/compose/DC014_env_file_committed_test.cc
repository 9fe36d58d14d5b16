// DC014 env-file-committed
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC014.snap.
#include "rules/cases.h"
#include "core/git_index.h"
#include "core/workspace.h"
#include "envfile/envfile.h"
#include "rules/compose/secret_env.h"
#include "rules/secrets.h"

namespace shipshape {
namespace {

void Elsewhere(MemoryFileSystem& fs) {
  fs.Add("config/mysql.env", "MYSQL_PASSWORD=k3str4-real\n");
  fs.Add("deploy/.gitignore", "/../config/mysql.env\n");
  fs.Add("config/.gitignore", "/mysql.env\n");
}

void Committed(MemoryFileSystem& fs) {
  fs.Add("app.env", "DB_HOST=db\nDB_PASSWORD=k3str4-real\n");
  fs.Add("config.env", "LOG_LEVEL=info\n");
  fs.Add("secret.env", "API_TOKEN=tok_123456789\n");
  fs.Add(".gitignore", "secret.env\n");
  fs.Add(".env.example", "API_TOKEN=abc123abc123\n");
}

const RuleCases kCases("DC014", {
    WithFiles(Committed, Bad("services:\n  api:\n    image: api:1\n    env_file: app.env\n")),
    WithFiles(Committed, Bad("services:\n  api:\n    image: api:1\n    env_file:\n      - path: ./app.env\n        required: false\n")),
    WithFiles(Committed, Good("services:\n  api:\n    image: api:1\n    env_file: [config.env, secret.env]\n")),
    WithFiles(Committed, Good("services:\n  api:\n    image: api:1\n    env_file: .env.example\n")),
    Good("services:\n  api:\n    image: api:1\n    env_file: app.env\n"),
    WithFiles(Elsewhere, Good("services:\n  db:\n    image: mysql:8.4\n    env_file: ../config/mysql.env\n"))});

}  // namespace
}  // namespace shipshape
