// DF098 cache-mount-recommended
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF098.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF098", {
    Bad("# syntax=docker/dockerfile:1\nFROM python:3.12\nRUN pip install -r requirements.txt\n"),
    Bad("FROM node:20\nCOPY --link . /app\nRUN npm ci\n"),
    Good("FROM python:3.12\nRUN pip install -r requirements.txt\n"),
    Good("# syntax=docker/dockerfile:1\nFROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r r.txt\n"),
    Good("# syntax=docker/dockerfile:1\nFROM python:3.12\nRUN echo hi\n")});

}  // namespace
}  // namespace shipshape
