// DF007 undefined-arg-in-from
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF007.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF007", {
    Bad("ARG NODE_VERSION=22\nFROM node:${NODE_VERSON}\n",
        "ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}\n"),
    Bad("FROM $IMAGE\n"),
    Bad("FROM alpine:3.20\nARG TAG=1\nFROM alpine:$TAG\n"),
    Good("ARG TAG=3.20\nFROM alpine:$TAG\n"),
    Good("FROM --platform=$BUILDPLATFORM golang:1.23\n"),
    Good("ARG BASE\nFROM ${BASE:-alpine:3.20}\n")});

}  // namespace
}  // namespace shipshape
