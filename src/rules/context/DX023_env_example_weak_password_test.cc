// DX023 env-example-weak-password
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX023.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX023", {
    At(".env.example", Bad("POSTGRES_PASSWORD=postgres\n", "POSTGRES_PASSWORD=\n")),
    At(".env.sample", Bad("DB_PASS='changeme'\n", "DB_PASS=\n")),
    At(".env.template",
       Bad("export ADMIN_PASSWORD=admin # default\n",
           "export ADMIN_PASSWORD=\"\" # default\n")),
    At(".env.dist", Bad("A=1\r\nJWT_SECRET=secret\r\n", "A=1\r\nJWT_SECRET=\r\n")),
    At(".env.example", Bad("REDIS_PASSWORD=secret_redis\n", "REDIS_PASSWORD=\n")),
    At(".env.example", Good("POSTGRES_PASSWORD=\n")),
    At(".env.example", Good("REDIS_PASSWORD=k7_Vq2_secret_Zx91_mLp4\n")),
    At(".env.example", Good("POSTGRES_USER=postgres\n")),
    At(".env.example", Good("DB_PASSWORD=${DB_PASSWORD}\n")),
    At(".env.example", Good("DB_PASSWORD_FILE=/run/secrets/db\n")),
    At(".env", Good("POSTGRES_PASSWORD=postgres\n"))});

}  // namespace
}  // namespace shipshape
