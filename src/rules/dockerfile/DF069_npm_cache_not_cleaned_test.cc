// DF069 npm-cache-not-cleaned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF069.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF069", {
    Bad("FROM node:20\nRUN npm ci --omit=dev\n",
        "FROM node:20\nRUN npm ci --omit=dev && npm cache clean --force\n"),
    Bad("FROM node:20\nRUN npm install && npm run build\n",
        "FROM node:20\nRUN npm install && npm run build && npm cache clean --force\n"),
    Good("FROM node:20\nRUN npm ci && npm cache clean --force\n"),
    Good("FROM node:20\nRUN --mount=type=cache,target=/root/.npm npm ci\n"),
    Good("FROM node:20\nRUN npm ci && rm -rf ~/.npm\n"),
    Good("FROM node:20 AS build\nRUN npm ci\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n")});

}  // namespace
}  // namespace shipshape
