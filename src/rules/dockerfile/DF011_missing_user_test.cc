// DF011 missing-user
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF011.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF011", {
    Bad("FROM node:22-slim\nCOPY . /app\nCMD [\"node\", \"/app/server.js\"]\n",
        "FROM node:22-slim\nCOPY . /app\nUSER 1000:1000\nCMD [\"node\", \"/app/server.js\"]\n"),
    Bad("FROM node:22-alpine\nWORKDIR /usr/src/app\nCOPY . .\nEXPOSE 3000\n"
        "CMD [\"node\", \"server.js\"]\n",
        "FROM node:22-alpine\nWORKDIR /usr/src/app\nCOPY . .\n"
        "RUN chown node:node /usr/src/app\nUSER 1000:1000\nEXPOSE 3000\n"
        "CMD [\"node\", \"server.js\"]\n"),
    Bad("FROM python:3.12 AS base\nEXPOSE 8000\nFROM base\nCMD gunicorn app:app\n",
        "FROM python:3.12 AS base\nEXPOSE 8000\nFROM base\n"
        "RUN groupadd --system --gid 10001 app \\\n    && useradd --system --no-log-init "
        "--uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app\n"
        "USER 10001:10001\nCMD gunicorn app:app\n"),
    Bad("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r req.txt\n\n"
        "# serve\nCMD [\"gunicorn\", \"app:app\"]\n",
        "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r req.txt\n"
        "RUN groupadd --system --gid 10001 app \\\n    && useradd --system --no-log-init "
        "--uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app \\\n"
        "    && chown app:app /app\nUSER 10001:10001\n\n# serve\n"
        "CMD [\"gunicorn\", \"app:app\"]\n"),
    Bad("FROM alpine:3.20\r\nENV APP=/srv/app\r\nWORKDIR $APP\r\nCOPY app .\r\n"
        "ENTRYPOINT [\"./app\"]",
        "FROM alpine:3.20\r\nENV APP=/srv/app\r\nWORKDIR $APP\r\nCOPY app .\r\n"
        "RUN addgroup -S -g 10001 app \\\r\n    && adduser -S -G app -H -s /sbin/nologin "
        "-u 10001 app \\\r\n    && chown app:app /srv/app\r\nUSER 10001:10001\r\n"
        "ENTRYPOINT [\"./app\"]"),
    Bad("FROM rockylinux:9\nrun dnf install -y python3 && dnf clean all\n"
        "cmd [\"python3\", \"-m\", \"http.server\"]\n",
        "FROM rockylinux:9\nrun dnf install -y python3 && dnf clean all\n"
        "run groupadd --system --gid 10001 app \\\n    && useradd --system --no-log-init "
        "--uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app\n"
        "user 10001:10001\ncmd [\"python3\", \"-m\", \"http.server\"]\n"),
    Bad("FROM registry.access.redhat.com/ubi9/ubi\nCOPY app /usr/bin/app\n"
        "CMD [\"app\"]\n",
        "FROM registry.access.redhat.com/ubi9/ubi\nCOPY app /usr/bin/app\n"
        "RUN groupadd --system --gid 10001 app \\\n    && useradd --system --no-log-init "
        "--uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app\n"
        "USER 10001:10001\nCMD [\"app\"]\n"),
    Bad("FROM golang:1.23 AS build\nRUN go build -o /out/app .\n"
        "FROM gcr.io/distroless/static-debian12\nWORKDIR /app\n"
        "COPY --from=build /out/app /app/app\nENTRYPOINT [\"/app/app\"]\n",
        "FROM golang:1.23 AS build\nRUN go build -o /out/app .\n"
        "FROM gcr.io/distroless/static-debian12\nWORKDIR /app\n"
        "COPY --from=build /out/app /app/app\nUSER 65532:65532\n"
        "ENTRYPOINT [\"/app/app\"]\n"),
    // No fix: server images, no shadow-utils, scratch, accounts already made, unknown.
    Bad("FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n"),
    Bad("FROM registry.access.redhat.com/ubi9/ubi-minimal\nCOPY app /app\n"
        "CMD [\"/app\"]\n"),
    Bad("FROM amazonlinux:2023\nCOPY app /app\nCMD [\"/app\"]\n"),
    Bad("FROM scratch\nCOPY app /app\nEXPOSE 8080\nENTRYPOINT [\"/app\"]\n"),
    Bad("FROM debian:12\nRUN useradd -r web\nEXPOSE 80\nCMD [\"/srv/web\"]\n"),
    Bad("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY out /app\n"
        "ENTRYPOINT [\"dotnet\", \"/app/app.dll\"]\n"),
    Good("FROM node:22-slim\nUSER node\nCMD [\"node\", \"server.js\"]\n"),
    Good("FROM debian:12\nCMD [\"bash\"]\n"),
    Good("FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /\nCMD [\"/app\"]\n"),
    Good("FROM debian:12\nRUN apt-get install -y gosu\nENTRYPOINT [\"docker-entrypoint.sh\"]\n"),
    Good("FROM debian:12 AS base\nUSER app\nFROM base\nEXPOSE 80\n"),
    Good("ARG BASE\nFROM $BASE\nEXPOSE 80\n"),
    Good("FROM alpine:3.20\nRUN apk add curl\n"),
    // Issue 16: bases that already run unprivileged or drop privileges themselves.
    Good("FROM quay.io/keycloak/keycloak:26.0\nCOPY themes /opt/keycloak/themes\nEXPOSE 8080\n"),
    Good("FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\nEXPOSE 5432\n"),
    Good("FROM mysql:8.4\nCOPY my.cnf /etc/mysql/conf.d/\n"),
    Good("FROM redis:7.4\nCOPY redis.conf /usr/local/etc/redis/\nCMD [\"redis-server\", \"/usr/local/etc/redis/redis.conf\"]\n"),
    Bad("FROM postgres:16\nCOPY run.sh /run.sh\nENTRYPOINT [\"/run.sh\"]\n")});

}  // namespace
}  // namespace shipshape
