// DF005 constant-platform-flag
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF005.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF005", {
    Bad("FROM --platform=linux/amd64 node:22\n", "FROM node:22\n"),
    Bad("from --platform=linux/arm64/v8 alpine:3.20 as base\n",
        "from alpine:3.20 as base\n"),
    Good("FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n"),
    Good("FROM --platform=linux/arm64 alpine:3.20 AS build-arm64\n"),
    Good("FROM node:22\n")});

}  // namespace
}  // namespace shipshape
