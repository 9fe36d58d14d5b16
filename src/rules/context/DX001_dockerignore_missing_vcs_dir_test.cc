// DX001 dockerignore-missing-vcs-dir
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX001.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX001", {
    At(".dockerignore", Bad("node_modules\n", "node_modules\n\n# Version control\n.git\n")),
    At(".dockerignore", Bad("", "# Version control\n.git\n")),
    At(".dockerignore", Bad("*.md\r\n", "*.md\r\n\r\n# Version control\r\n.git\r\n")),
    At(".dockerignore", Bad(".git\n!.git\n", ".git\n!.git\n\n# Version control\n.git\n")),
    At(".dockerignore", Bad("node_modules", "node_modules\n\n# Version control\n.git\n")),
    At(".dockerignore", Good(".git\n")),
    At(".dockerignore", Good("/.git/\n")),
    At(".dockerignore", Good("# only the sources\n**\n!src\n")),
    At(".dockerignore", Good(".*\n!.env.example\n")),
    // A subdirectory context without a .git of its own.
    At("backend/.dockerignore", Good("node_modules\n"), {{"backend/package.json", "{}"}}),
    At(".dockerignore", Good(""),
       {{"Dockerfile", "FROM alpine\nCOPY . /src\nRUN cd /src && git describe --tags > VERSION\n"}}),
    // docker/cli: git installed, the whole context bind-mounted for the build scripts.
    At(".dockerignore", Good("/build/\nprofile.out\n"),
       {{"Dockerfile", "FROM golang:1.23-alpine AS build\n"
                       "RUN apk add --no-cache bash file git git-daemon\n"
                       "RUN --mount=type=bind,target=.,ro --mount=type=cache,target=/root/.cache \\\n"
                       "    ./scripts/build/binary\n"}}),
    // Installing git alone does not mean the build reads the repository.
    At(".dockerignore", Bad("node_modules\n", "node_modules\n\n# Version control\n.git\n"),
       {{"Dockerfile", "FROM node:22\nRUN apt-get install -y git\nCOPY . .\n"}})});

}  // namespace
}  // namespace shipshape
