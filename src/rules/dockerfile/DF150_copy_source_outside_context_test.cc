// DF150 copy-source-outside-context
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF150.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF150", {
    Bad("FROM python:3.13-slim\nCOPY ../shared/config.yml /etc/app/\n"),
    Bad("FROM alpine:3.20\nADD ./src/../../lib /lib\n"),
    Bad("FROM alpine:3.20\nCOPY package.json ../yarn.lock /app/\n"),
    Good("FROM alpine:3.20\nCOPY ./src/../config /etc/app/\n"),
    Good("FROM alpine:3.20 AS build\nRUN mkdir -p /a/b\nFROM alpine:3.20\nCOPY --from=build /a/b/../x /x\n"),
    Good("FROM alpine:3.20\nARG DIR=.\nCOPY $DIR/../x /x\n"),
    Good("FROM alpine:3.20\nADD https://example.com/a/../b.tar.gz /b.tar.gz\n")});

}  // namespace
}  // namespace shipshape
