// DF068 npm-install-instead-of-ci
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF068.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF068", {
    Bad("FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm install\n",
        "FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\n"),
    Bad("FROM node:20\nCOPY package*.json ./\nRUN npm install --omit=dev\n"),
    Good("FROM node:20\nCOPY package.json ./\nRUN npm install\n"),
    Good("FROM node:20\nCOPY package-lock.json ./\nRUN npm ci\n"),
    Good("FROM node:20\nCOPY package-lock.json ./\nRUN npm install -g pm2@5\n")});

}  // namespace
}  // namespace shipshape
