// DF120 invalid-definition-description
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF120.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF120", {
    Bad("# The Go version\nARG GO_VERSION=1.23\nFROM golang:${GO_VERSION}\n"),
    Bad("FROM alpine:3.20\n# builds the app\nFROM alpine:3.20 AS build\n"),
    Good("# GO_VERSION is the toolchain\nARG GO_VERSION=1.23\nFROM golang:${GO_VERSION}\n"),
    Good("# hadolint ignore=DL3006\nFROM alpine AS base\n"),
    Good("ARG A=1\n\n# unrelated\n\nFROM alpine:3.20\n")});

}  // namespace
}  // namespace shipshape
