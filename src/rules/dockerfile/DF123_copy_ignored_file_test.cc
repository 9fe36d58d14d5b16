// DF123 copy-ignored-file
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF123.snap.
#include "rules/cases.h"
#include "core/workspace.h"
#include "dockerfile/dockerfile.h"
#include "patterns/dockerignore.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void PerDockerfile(MemoryFileSystem& fs) {
  fs.Add(".dockerignore", "config/\n");
  fs.Add("Dockerfile.dockerignore", "build/\n");
}

void IgnoreWithException(MemoryFileSystem& fs) { fs.Add(".dockerignore", "config/\n!config/app.yaml\n"); }

void IgnoreConfig(MemoryFileSystem& fs) { fs.Add(".dockerignore", "# local\nconfig/\n*.log\n**/secret.txt\n"); }

const RuleCases kCases("DF123", {
    WithFiles(IgnoreConfig, Bad("FROM alpine:3.20\nCOPY config/app.yaml /etc/app/\n")),
    WithFiles(IgnoreConfig, Bad("FROM alpine:3.20\nCOPY ./debug.log /x/\n")),
    WithFiles(IgnoreConfig, Bad("FROM alpine:3.20\nCOPY a/b/secret.txt /x\n")),
    WithFiles(PerDockerfile, Bad("FROM alpine:3.20\nCOPY build/out /app/\n")),
    WithFiles(PerDockerfile, Good("FROM alpine:3.20\nCOPY config/app.yaml /etc/app/\n")),
    WithFiles(IgnoreConfig, Good("FROM alpine:3.20\nCOPY configs/app.yaml /etc/app/\n"
                                 "COPY . /src\nCOPY --from=x config/a /b\n")),
    WithFiles(IgnoreWithException, Good("FROM alpine:3.20\nCOPY config/app.yaml /etc/\n")),
    Good("FROM alpine:3.20\nCOPY config/app.yaml /etc/app/\n")});

}  // namespace
}  // namespace shipshape
