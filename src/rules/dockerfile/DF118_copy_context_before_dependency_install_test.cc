// DF118 copy-context-before-dependency-install
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF118.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF118", {
    Bad("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n",
        "FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json* npm-shrinkwrap.json* .npmrc* ./\n"
        "RUN npm ci\nCOPY . .\n"),
    Bad("FROM python:3.12\nWORKDIR /app\nCOPY . /app\nRUN pip install -r requirements.txt\n"),
    Bad("FROM python:3.12\nWORKDIR /app\n# the app\nCOPY --chown=app . .\nEXPOSE 8000\n"
        "# dependencies\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install -r requirements.txt\n"
        "CMD [\"python\", \"app.py\"]\n",
        "FROM python:3.12\nWORKDIR /app\nCOPY --chown=app requirements.txt ./\n# dependencies\n"
        "RUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install -r requirements.txt\n"
        "# the app\nCOPY --chown=app . .\nEXPOSE 8000\nCMD [\"python\", \"app.py\"]\n"),
    Bad("FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /app .\n",
        "FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum* ./\nRUN go mod download\nCOPY . .\n"
        "RUN go build -o /app .\n"),
    // Refused: the RUN also builds; poetry would install the project itself.
    Bad("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n"),
    Bad("FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry install\n"),
    Good("FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n"),
    Good("FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n"
         "RUN go mod download && go build\n"),
    Good("FROM node:22\nCOPY . .\nRUN npm run build\n")});

}  // namespace
}  // namespace shipshape
