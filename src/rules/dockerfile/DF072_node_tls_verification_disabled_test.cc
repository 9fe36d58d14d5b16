// DF072 node-tls-verification-disabled
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF072.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF072", {
    Bad("FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n"),
    Bad("FROM node:20\nRUN npm config set strict-ssl false && npm ci\n"),
    Bad("FROM node:20\nRUN yarn config set strict-ssl false\n"),
    Bad("FROM node:20\nENV NPM_CONFIG_STRICT_SSL=false\n"),
    Good("FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n"),
    Good("FROM node:20\nRUN npm config set registry https://r.example\n")});

}  // namespace
}  // namespace shipshape
