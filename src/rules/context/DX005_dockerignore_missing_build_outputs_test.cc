// DX005 dockerignore-missing-build-outputs
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX005.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX005", {
    At(".dockerignore",
       Bad(".git\n", ".git\n\n# Build outputs (rebuilt inside the image)\ntarget\n"),
       {{"pom.xml", "<project/>"}}),
    At(".dockerignore",
       Bad("node_modules\n",
           "node_modules\n\n# Build outputs (rebuilt inside the image)\ndist\n"),
       {{"package.json", "{}"}}),
    At(".dockerignore",
       Bad("", "# Build outputs (rebuilt inside the image)\n**/bin\n**/obj\n"),
       {{"Api.csproj", "<Project/>"}}),
    At(".dockerignore", Good(".git\n"),
       {{"pom.xml", "<project/>"},
        {"Dockerfile", "FROM eclipse-temurin:21\nCOPY target/*.jar /app.jar\n"}}),
    At(".dockerignore", Good("target/\n"), {{"Cargo.toml", "[package]\n"}}),
    At(".dockerignore", Good("")),
    At(".dockerignore", Good("dist\n"), {{"package.json", "{}"}}),
    // Nothing is built in the image: it serves the host's build output.
    At(".dockerignore", Good(".git\n"),
       {{"package.json", "{}"}, {"Dockerfile", "FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n"}}),
    At(".dockerignore",
       Bad(".git\n", ".git\n\n# Build outputs (rebuilt inside the image)\ndist\n"),
       {{"package.json", "{}"},
        {"Dockerfile", "FROM node:22 AS build\nCOPY . .\nRUN npm ci && npm run build\n"}})});

}  // namespace
}  // namespace shipshape
