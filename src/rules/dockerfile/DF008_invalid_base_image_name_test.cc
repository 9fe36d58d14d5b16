// DF008 invalid-base-image-name
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF008.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF008", {
    Bad("ARG TAG\nFROM alpine:${TAG}\n"), Bad("ARG IMAGE\nFROM $IMAGE\n"),
    Bad("FROM Alpine:3.20\n"),
    Good("ARG TAG=3.20\nFROM alpine:${TAG}\n"), Good("FROM scratch\n"),
    Good("ARG IMAGE=alpine:3.20\nFROM $IMAGE AS base\nFROM base\n"),
    Good("FROM ${MISSING}\n")});

}  // namespace
}  // namespace shipshape
