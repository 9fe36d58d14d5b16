// DF115 missing-multi-stage-build
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF115.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF115", {
    Bad("FROM golang:1.23\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n",
        "FROM golang:1.23 AS build\nCOPY . .\nRUN go build -o /app .\n\n"
        "FROM gcr.io/distroless/base-debian12:nonroot\nCOPY --from=build /app /app\nCMD [\"/app\"]\n"
        "USER nonroot:nonroot\n"),
    Bad("FROM maven:3.9-eclipse-temurin-21\nWORKDIR /src\nCOPY . .\nRUN mvn package -DskipTests\n"
        "EXPOSE 8080\nCMD [\"java\", \"-jar\", \"target/app.jar\"]\n",
        "FROM maven:3.9-eclipse-temurin-21 AS build\nWORKDIR /src\nCOPY . .\nRUN mvn package -DskipTests\n\n"
        "FROM eclipse-temurin:21-jre\nWORKDIR /src\nCOPY --from=build /src/target/app.jar /src/target/app.jar\n"
        "EXPOSE 8080\nCMD [\"java\", \"-jar\", \"target/app.jar\"]\n"),
    Bad("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nRUN npm install -g serve\n"
        "EXPOSE 3000\nCMD [\"serve\", \"-s\", \"dist\", \"-l\", \"3000\"]\n",
        "FROM node:22 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nRUN npm install -g serve\n\n"
        "FROM nginxinc/nginx-unprivileged:1.28-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n"
        "USER 101\nEXPOSE 8080\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n"),
    Bad("FROM python:3.12\nWORKDIR /app\nRUN apt-get update && apt-get install -y gcc\n"
        "COPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nUSER 1000\n"
        "CMD [\"gunicorn\", \"app:app\"]\n",
        "FROM python:3.12 AS build\nENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH\n"
        "RUN python -m venv /opt/venv\nWORKDIR /app\nRUN apt-get update && apt-get install -y gcc\n"
        "COPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nUSER 1000\n\n"
        "FROM python:3.12-slim\nENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH\nWORKDIR /app\n"
        "COPY --from=build /opt/venv /opt/venv\nCOPY --from=build /app /app\nUSER 1000\n"
        "CMD [\"gunicorn\", \"app:app\"]\n"),
    // Refused: libpq-dev's library would be missing at runtime.
    Bad("FROM python:3.12\nWORKDIR /app\nRUN apt-get install -y gcc libpq-dev\nCOPY . .\n"
        "CMD [\"python\", \"app.py\"]\n"),
    Bad("FROM python:3.12\nRUN apt-get update && apt-get install -y gcc\nEXPOSE 8000\n"),

    Good("FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\n"
         "COPY --from=build /app /app\nCMD [\"/app\"]\n"),
    Good("FROM alpine:3.20\nRUN apk add --virtual .b gcc && make && apk del .b\nCMD [\"/app\"]\n"),
    Bad("FROM rust:1.80\nRUN <<EOF\nset -e\ncargo build --release\nEOF\nCMD [\"/app\"]\n"),
    Good("FROM debian:12\nRUN apt-get install -y make\nCMD [\"bash\"]\n")});

}  // namespace
}  // namespace shipshape
