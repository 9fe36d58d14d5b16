// DF115 missing-multi-stage-build
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF115.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF115", {
    Bad("FROM golang:1.23\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n"),
    Bad("FROM python:3.12\nRUN apt-get update && apt-get install -y gcc\nEXPOSE 8000\n"),
    Good("FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\n"
         "COPY --from=build /app /app\nCMD [\"/app\"]\n"),
    Good("FROM alpine:3.20\nRUN apk add --virtual .b gcc && make && apk del .b\nCMD [\"/app\"]\n"),
    Bad("FROM rust:1.80\nRUN <<EOF\nset -e\ncargo build --release\nEOF\nCMD [\"/app\"]\n"),
    Good("FROM debian:12\nRUN apt-get install -y make\nCMD [\"bash\"]\n")});

}  // namespace
}  // namespace shipshape
