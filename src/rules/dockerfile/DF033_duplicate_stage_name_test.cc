// DF033 duplicate-stage-name
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF033.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF033", {
    Bad("FROM node:22 AS build\nFROM golang:1.23 AS build\n"),
    Bad("FROM node:22 AS Build\nFROM golang:1.23 AS build\n"),
    Good("FROM node:22 AS web\nFROM golang:1.23 AS api\n")});

}  // namespace
}  // namespace shipshape
