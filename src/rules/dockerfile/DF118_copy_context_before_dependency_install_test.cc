// DF118 copy-context-before-dependency-install
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF118.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF118", {
    Bad("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n"),
    Bad("FROM python:3.12\nWORKDIR /app\nCOPY . /app\nRUN pip install -r requirements.txt\n"),
    Good("FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n"),
    Good("FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n"
         "RUN go mod download && go build\n"),
    Good("FROM node:22\nCOPY . .\nRUN npm run build\n")});

}  // namespace
}  // namespace shipshape
