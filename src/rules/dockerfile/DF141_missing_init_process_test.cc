// DF141 missing-init-process
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF141.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF141", {
    Bad("FROM node:20-alpine\nCOPY . /app\nCMD [\"node\", \"/app/server.js\"]\n",
        "FROM node:20-alpine\nCOPY . /app\nRUN apk add --no-cache tini\n"
        "ENTRYPOINT [\"/sbin/tini\", \"--\"]\nCMD [\"node\", \"/app/server.js\"]\n"),
    Bad("FROM python:3.12-slim\nUSER app\nENTRYPOINT [\"python\", \"-m\", \"app\"]\n",
        "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y "
        "--no-install-recommends tini \\\n    && rm -rf /var/lib/apt/lists/*\nUSER app\n"
        "ENTRYPOINT [\"/usr/bin/tini\", \"--\", \"python\", \"-m\", \"app\"]\n"),
    Bad("FROM node:20\nCMD [\"sh\", \"-c\", \"npm run migrate && npm start\"]\n"),
    Bad("FROM node:20\nCMD npm start\n"),
    Bad("FROM alpine:3.20\nCMD /app/one & /app/two; wait\n"),
    Good("FROM node:20-alpine\nRUN apk add --no-cache dumb-init\n"
         "ENTRYPOINT [\"dumb-init\", \"--\"]\nCMD [\"node\", \"dist/index.js\"]\n"),
    Good("FROM node:20\nENTRYPOINT [\"/usr/local/bin/docker-entrypoint.sh\"]\n"
         "CMD [\"node\", \"server.js\"]\n"),
    Good("FROM golang:1.22 AS build\nRUN go build -o /app .\n"
         "FROM gcr.io/distroless/static\nCOPY --from=build /app /app\nCMD [\"/app\"]\n"),
    Good("FROM nginx:1.27\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n"),
    Bad("FROM node:20\nCMD [\"sh\", \"-c\", \"exec node server.js\"]\n"),
    Good("FROM nginx:1.27\nCMD [\"sh\", \"-c\", \"exec nginx -g 'daemon off;'\"]\n"),
    Good("FROM node:20\n"),
    Good("FROM alpine:3.20\nCMD [\"/bin/sh\", \"-c\", \"/app/docker-entrypoint.sh\"]\n"),
    Good("FROM python:3.12\nRUN pip install locust\nENTRYPOINT locust --headless 2>&1\n")});

}  // namespace
}  // namespace shipshape
