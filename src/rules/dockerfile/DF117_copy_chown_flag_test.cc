// DF117 copy-chown-flag
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF117.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF117", {
    Bad("FROM node:22\nCOPY --chown=node:node . /app\nUSER node\n"),
    Bad("FROM node:22\nADD --chown=1000 app.tgz /app/\n"),
    Good("FROM node:22\nCOPY . /app\n"), Good("FROM node:22\nCOPY --chown=root:root . /app\n"),
    Good("FROM node:22 AS build\nCOPY --chown=node . /src\nFROM node:22\nCOPY --from=build /src/dist /app\n")});

}  // namespace
}  // namespace shipshape
