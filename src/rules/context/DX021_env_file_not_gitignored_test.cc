// DX021 env-file-not-gitignored
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX021.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX021", {
    At(".env", Bad("DB_PASSWORD=s3cret\n")),
    At(".env", Bad("SECRET_KEY=\n"), {{".gitignore", "node_modules/\n"}}),
    At(".env", Bad("DB_PASSWORD=x\n"), {{".gitignore", ".env\n!.env\n"}}),
    At(".env", Bad("DATABASE_URL=postgres://shop:hunter2@db/shop\n")),
    // Shared settings only (as committed by temporalio/docker-compose, instana/robot-shop).
    At(".env", Good("COMPOSE_PROJECT_NAME=shop\nTAG=2.1.0\nPOSTGRES_USER=app\n")),
    At(".env.production", Bad("DB_PASSWORD=Xk29mQv7\n"), {{".gitignore", "dist/\n"}}),
    At(".env", Good("DB_PASSWORD=x\n"), {{".gitignore", ".env\n"}}),
    At(".env", Good("DB_PASSWORD=x\n"), {{".gitignore", "*.env\n"}}),
    At("app/.env", Good("DB_PASSWORD=x\n"), {{".gitignore", "**/.env\n"}}),
    At("app/.env", Good("DB_PASSWORD=x\n"), {{"app/.gitignore", "/.env\n"}}),
    At(".env.example", Good("DB_PASSWORD=\n")),
    At(".env.production", Good("NODE_ENV=production\n"))});

}  // namespace
}  // namespace shipshape
