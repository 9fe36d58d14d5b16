// DF003 base-image-without-digest
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF003.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF003", {
    Bad("FROM python:3.12-slim\n"), Bad("ARG V=3.20\nFROM alpine:${V} AS base\n"),
    Good("FROM python:3.12-slim@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"),
    Good("FROM scratch\n"), Good("FROM python\n"),
    Good("FROM alpine:3.20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS a\nFROM a\n")});

}  // namespace
}  // namespace shipshape
