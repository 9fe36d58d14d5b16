// DF081 cd-instead-of-workdir
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF081.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF081", {
    Bad("FROM node:20\nRUN cd /app && npm ci\n",
        "FROM node:20\nWORKDIR /app\nRUN npm ci\n"),
    Bad("FROM node:20\nRUN --mount=type=cache,target=/root/.npm cd /app \\\n  && npm ci\n",
        "FROM node:20\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.npm npm ci\n"),
    Bad("FROM node:20\nrun cd /app && npm ci\n", "FROM node:20\nworkdir /app\nrun npm ci\n"),
    Bad("FROM node:20\nRUN npm ci && cd /srv && make\n"),
    Good("FROM node:20\nWORKDIR /app\nRUN npm ci\n"),
    Good("FROM node:20\nRUN (cd /app && npm ci)\n"),
    Good("FROM node:20\nRUN git clone https://x/repo.git && cd repo && make\n"),
    Good("FROM node:20\nRUN mkdir -p /build && cd /build && cmake ..\n"),
    Good("FROM node:20\nRUN curl -fsSL https://x/app-1.2.tar.gz | tar xz && cd app-1.2 && make\n"),
    Good("FROM node:20\nRUN cd \"$(mktemp -d)\" && make\n"),
    Good("FROM node:20\nRUN sh -c 'cd /x && make'\n"),
    Good("FROM node:20\nRUN mkdir /src && cd /src && make && cd / && rm -rf /src\n")});

}  // namespace
}  // namespace shipshape
