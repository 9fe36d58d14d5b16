// DF079 pnpm-store-not-pruned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF079.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF079", {
    Bad("FROM node:20\nRUN pnpm install --frozen-lockfile --prod\n",
        "FROM node:20\nRUN pnpm install --frozen-lockfile --prod && pnpm store prune\n"),
    Bad("FROM node:20\nRUN pnpm add -g serve@14\n",
        "FROM node:20\nRUN pnpm add -g serve@14 && pnpm store prune\n"),
    Good("FROM node:20\nRUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install\n"),
    Good("FROM node:20\nRUN pnpm install && pnpm store prune\n"),
    Good("FROM node:20\nRUN pnpm install --offline\n")});

}  // namespace
}  // namespace shipshape
