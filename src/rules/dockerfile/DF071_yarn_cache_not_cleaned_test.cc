// DF071 yarn-cache-not-cleaned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF071.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF071", {
    Bad("FROM node:20\nRUN yarn install --frozen-lockfile\n",
        "FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n"),
    Bad("FROM node:20\nRUN yarn && yarn build\n",
        "FROM node:20\nRUN yarn && yarn build && yarn cache clean\n"),
    Good("FROM node:20\nRUN yarn install && yarn cache clean\n"),
    Good("FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n"),
    Good("FROM node:20 AS b\nRUN yarn install\nFROM nginx:1.27\nCOPY --from=b /a /a\n"),
    Good("FROM node:20\nRUN yarn build\n"),
    Good("FROM node:20\nRUN yarn --version && npm --version\n")});

}  // namespace
}  // namespace shipshape
