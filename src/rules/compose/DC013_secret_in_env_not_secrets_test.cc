// DC013 secret-in-env-not-secrets
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC013.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC013", {
    Bad("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n"),
    Bad("services:\n  db:\n    image: mysql:8.4\n    environment:\n      - MYSQL_ROOT_PASSWORD=${ROOT_PW}\n"),
    Good("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/pw\n"),
    Good("services:\n  app:\n    image: myorg/app:1\n    environment:\n      APP_PASSWORD: ${APP_PASSWORD}\n"),
    Good("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n")});

}  // namespace
}  // namespace shipshape
