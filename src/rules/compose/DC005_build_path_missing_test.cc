// DC005 build-path-missing
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC005.snap.
#include "rules/cases.h"
#include "core/workspace.h"
#include "generate/init_plan.h"
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

void Tree(MemoryFileSystem& fs) {
  fs.Add("app/Dockerfile", "FROM alpine:3.20\n");
  fs.Add("api/Dockerfile.prod", "FROM alpine:3.20\n");
  fs.Add("lower/dockerfile", "FROM alpine:3.20\n");
  fs.Add("notadir", "x");
  fs.Add("web/package.json", R"({"dependencies": {"express": "4"}})");
  fs.Add("web/server.js", "require('express')().listen(3000);\n");
}

const RuleCases kCases("DC005", {
    WithFiles(Tree, Bad("services:\n  api:\n    build: ./backend\n")),
    WithFiles(Tree, Bad("services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Dockerfile\n")),
    WithFiles(Tree, Bad("services:\n  api:\n    build: notadir\n")),
    // The fix writes web/Dockerfile.backup (and web/.dockerignore); the file is unchanged.
    WithFiles(Tree, Bad("services:\n  web:\n    build:\n      context: ./web\n      dockerfile: Dockerfile.backup\n",
                        "services:\n  web:\n    build:\n      context: ./web\n      dockerfile: Dockerfile.backup\n")),
    WithFiles(Tree, Good("services:\n  app:\n    build: ./app\n")),
    WithFiles(Tree, Good("services:\n  api:\n    build:\n      context: api\n      dockerfile: Dockerfile.prod\n")),
    WithFiles(Tree, Good("services:\n  x:\n    build: lower\n")),
    WithFiles(Tree, Good("services:\n  x:\n    build: https://github.com/docker/buildx.git#master\n")),
    WithFiles(Tree, Good("services:\n  x:\n    build: ${CTX}\n")),
    Good("services:\n  api:\n    build: ./backend\n")});

}  // namespace
}  // namespace shipshape
