// DF067 node-package-unpinned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF067.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF067", {
    Bad("FROM node:20\nRUN npm install -g pm2\n"),
    Bad("FROM node:20\nRUN npm i express@4 @types/node\n"),
    Bad("FROM node:20\nRUN yarn global add typescript\n"),
    Good("FROM node:20\nRUN npm install\n"),
    Good("FROM node:20\nRUN npm ci --omit=dev\n"),
    Good("FROM node:20\nRUN npm install -g pm2@5.4.2 @scope/x@1.0.0 ./local x.tgz git+https://h/r.git#v1\n"),
    Good("FROM node:20\nRUN npm install --prefix /app\n"),
    Good("FROM node:20\nRUN npm install -g \"$PKG\"\n")});

}  // namespace
}  // namespace shipshape
