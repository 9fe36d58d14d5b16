// DX022 env-file-permissions-too-open
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX022.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::WithMode;

const RuleCases kCases("DX022", {
    WithMode(".env", 0644, Bad("DB_PASSWORD=s3cret\n")),
    WithMode(".env", 0640, Bad("API_TOKEN=\n")),
    WithMode(".env", 0644, Good("COMPOSE_PROJECT_NAME=shop\nTAG=2.1.0\n")),
    WithMode("config/prod.env", 0664, Bad("API_TOKEN=Zx81kLq02mVb\n")),
    WithMode(".env", 0600, Good("DB_PASSWORD=s3cret\n")),
    WithMode(".env", 0400, Good("DB_PASSWORD=s3cret\n")),
    WithMode(".env.example", 0644, Good("DB_PASSWORD=\n")),
    WithMode(".env.production", 0644, Good("NODE_ENV=production\n"))});

}  // namespace
}  // namespace shipshape
