// DF026 secret-in-arg-or-env
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF026.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF026", {
    Bad("FROM node:22\nARG NPM_TOKEN\nRUN npm ci\n"),
    Bad("FROM postgres:16\nENV POSTGRES_PASSWORD=changeme\n"),
    Bad("FROM node:22\nARG GITHUB_TOKEN\nENV GITHUB_TOKEN=$GITHUB_TOKEN\n"),
    Good("FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db\n"),
    Good("FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n"),
    Good("FROM alpine:3.20\nENV AUTH_ENABLED=true PUBLIC_KEY=abc\n"),
    Good("FROM alpine:3.20 AS unused\nARG API_TOKEN\nFROM alpine:3.20\nRUN true\n"),
    Bad("ARG DEPLOY_KEY\nFROM alpine:3.20\n"),
    Good("ARG DEPLOY_KEY\nFROM alpine:3.20 AS unused\nARG DEPLOY_KEY\nFROM alpine:3.20\n"),
    Good("FROM alpine:3.20\nENV APP_PASSWORD=\"\"\n"),
    Good("FROM swift:6\nARG SWIFT_SIGNING_KEY=A62AE125BBBFBB96A6E042EC925CC1CCED3D1561\n"
         "ENV SWIFT_SIGNING_KEY=$SWIFT_SIGNING_KEY\n")});

}  // namespace
}  // namespace shipshape
