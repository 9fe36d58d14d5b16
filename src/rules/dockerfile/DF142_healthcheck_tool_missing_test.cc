// DF142 healthcheck-tool-missing
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF142.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF142", {
    Bad("FROM node:20-alpine\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\n",
        "FROM node:20-alpine\nRUN apk add --no-cache curl\n"
        "HEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\n"),
    Bad("FROM python:3.12-slim\nUSER app\nHEALTHCHECK CMD [\"wget\", \"-q\", \"--spider\", \"http://x/\"]\n",
        "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y "
        "--no-install-recommends wget \\\n    && rm -rf /var/lib/apt/lists/*\nUSER app\n"
        "HEALTHCHECK CMD [\"wget\", \"-q\", \"--spider\", \"http://x/\"]\n"),
    Bad("FROM golang:1.22 AS b\nRUN go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\n"
        "HEALTHCHECK CMD /app -health\n"),
    Bad("FROM scratch\nCOPY app /app\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://x/\"]\n"),
    Good("FROM golang:1.22 AS b\nRUN go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\n"
         "HEALTHCHECK CMD [\"/app\", \"-health\"]\n"),
    Bad("FROM gcr.io/distroless/static-debian12\nHEALTHCHECK CMD /app -health\n"),
    Good("FROM node:20-alpine\nRUN apk add --no-cache curl=8.9.1-r0\n"
         "HEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\n"),
    Good("FROM node:20-alpine\nHEALTHCHECK CMD wget -q --spider http://localhost:3000/\n"),
    Good("FROM nginx:1.27-alpine\nHEALTHCHECK CMD curl -f http://localhost/\n"),
    Good("FROM node:20\nHEALTHCHECK CMD curl -f http://localhost:3000/\n"),
    Good("FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"
         "HEALTHCHECK CMD curl -f http://localhost/\n"),
    Good("FROM alpine:3.20\nHEALTHCHECK NONE\n"),
    Good("FROM debian:12 AS deps\nRUN apt-get update && apt-get download curl\n"
         "FROM debian:12-slim\nCOPY --from=deps /*.deb /tmp/\nRUN dpkg -i /tmp/*.deb\n"
         "HEALTHCHECK CMD curl -f http://localhost/\n")});

}  // namespace
}  // namespace shipshape
