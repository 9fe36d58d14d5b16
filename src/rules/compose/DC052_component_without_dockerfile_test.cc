// DC052 component-without-dockerfile
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC052.snap.
#include "rules/cases.h"
#include "compose/compose.h"
#include "core/workspace.h"
#include "generate/init_plan.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

void Tree(MemoryFileSystem& fs) {
  fs.Add("backend/Dockerfile", "FROM python:3.12\n");
  fs.Add("backend/requirements.txt", "flask\n");
  fs.Add("frontend/package.json", R"({"scripts": {"build": "vite build"}, "devDependencies": {"vite": "5"}})");
  fs.Add("frontend/index.html", "<!doctype html>\n");
}

const RuleCases kCases("DC052", {
    WithFiles(Tree, Bad("services:\n  api:\n    build: ./backend\n",
                        "services:\n  api:\n    build: ./backend\n  frontend:\n    build:\n"
                        "      context: ./frontend\n    ports:\n      - \"127.0.0.1:8080:8080\"\n"
                        "    healthcheck:\n      test:\n        - CMD\n        - \"wget\"\n"
                        "        - \"-q\"\n        - \"--spider\"\n        - \"http://127.0.0.1:8080/\"\n"
                        "      interval: 30s\n      timeout: 5s\n      retries: 3\n      start_period: 20s\n"
                        "    restart: unless-stopped\n    security_opt:\n      - no-new-privileges:true\n"
                        "    cap_drop:\n      - ALL\n    logging:\n      driver: json-file\n      options:\n"
                        "        max-size: 10m\n        max-file: \"3\"\n    deploy:\n      resources:\n        limits:\n"
                        "          cpus: \"1.0\"\n          memory: 512M\n")),
    // Only a database for development: the app is not meant to run in Compose.
    WithFiles(Tree, Good("services:\n  db:\n    image: postgres:17\n")),
    WithFiles(Tree, Good("services:\n  api:\n    build: ./backend\n  web:\n    build: ./frontend\n")),
    Good("services:\n  api:\n    build: ./backend\n")});

}  // namespace
}  // namespace shipshape
