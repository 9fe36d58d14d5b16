// DF019 shell-form-cmd
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF019.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF019", {
    Bad("FROM node:22\nCMD node server.js\n", "FROM node:22\nCMD [\"node\", \"server.js\"]\n"),
    Bad("FROM alpine:3.20\nENTRYPOINT /usr/bin/app --serve\n",
        "FROM alpine:3.20\nENTRYPOINT [\"/usr/bin/app\", \"--serve\"]\n"),
    Bad("FROM alpine:3.20\nCMD /app \\\n  --port 80\n",
        "FROM alpine:3.20\nCMD [\"/app\", \"--port\", \"80\"]\n"),
    Bad("FROM node:22\nCMD node server.js --port $PORT\n"),
    Bad("FROM node:22\nCMD npm run migrate && npm start\n"),
    Bad("FROM node:22\nCMD ['node', 'server.js']\n"),
    Good("FROM node:22\nCMD [\"node\", \"server.js\"]\n"),
    Good("FROM node:22\nSHELL [\"/bin/bash\", \"-c\"]\nCMD node server.js\n"),
    Good("FROM node:22\nCMD exec node server.js\n")});

}  // namespace
}  // namespace shipshape
