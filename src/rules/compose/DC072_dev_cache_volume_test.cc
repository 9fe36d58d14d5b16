// DC072 dev-cache-volume
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC072.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC072", {
    Bad("services:\n  web:\n    image: myorg/web:2.1\n    volumes:\n      - /app/node_modules\n"),
    Bad("services:\n  api:\n    image: a:1\n    volumes:\n      - poetry-cache:/root/.cache/pypoetry\nvolumes:\n  poetry-cache:\n"),
    Good("services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n"),
    crules::InFile("compose.override.yaml", Good("services:\n  web:\n    image: a:1\n    volumes:\n      - /app/node_modules\n"))});

}  // namespace
}  // namespace shipshape
