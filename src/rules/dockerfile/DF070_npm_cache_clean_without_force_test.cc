// DF070 npm-cache-clean-without-force
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF070.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF070", {
    Bad("FROM node:20\nRUN npm ci && npm cache clean\n",
        "FROM node:20\nRUN npm ci && npm cache clean --force\n"),
    Bad("FROM node:20\nRUN npm cache clean || true\n",
        "FROM node:20\nRUN npm cache clean --force || true\n"),
    Good("FROM node:20\nRUN npm cache clean --force\n"),
    Good("FROM node:20\nRUN npm cache clean -f\n"),
    Good("FROM node:20\nRUN npm cache verify\n")});

}  // namespace
}  // namespace shipshape
