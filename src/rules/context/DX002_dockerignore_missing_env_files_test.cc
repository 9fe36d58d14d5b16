// DX002 dockerignore-missing-env-files
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX002.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX002", {
    At(".dockerignore",
       Bad("node_modules\n",
           "node_modules\n\n# Local environment files (may hold secrets); the example "
           "documents the variables\n.env\n.env.*\n!.env.example\n")),
    At(".dockerignore",
       Bad(".env\n",
           ".env\n\n# Local environment files (may hold secrets); the example "
           "documents the variables\n.env.*\n!.env.example\n")),
    // `.env.example` was already excluded: no re-include line.
    At(".dockerignore",
       Bad(".env.*\n",
           ".env.*\n\n# Local environment files (may hold secrets); the example "
           "documents the variables\n.env\n")),
    // Re-included on purpose.
    At(".dockerignore", Good(".env*\n!.env\n")),
    // docker-gitlab: the Dockerfile copies named directories only.
    At(".dockerignore", Good("node_modules\n"),
       {{"Dockerfile", "FROM ubuntu:24.04\nCOPY assets/build/ /build/\nCOPY entrypoint.sh /sbin/\n"}}),
    At(".dockerignore", Bad("node_modules\n"), {{"Dockerfile", "FROM node:22\nCOPY . /app\n"}}),
    At(".dockerignore",
       Bad("", "# Local environment files (may hold secrets); the example documents "
               "the variables\n.env\n.env.*\n!.env.example\n!.env.sample\n"),
       {{".env.sample", "A=\n"}}),
    At(".dockerignore", Good(".env*\n!.env.example\n")),
    At(".dockerignore", Good("**/.env*\n")),
    At(".dockerignore", Good(".env\n.env.*\n")),
    At(".dockerignore", Good("*\n!src/\n")),
    // The Dockerfile copies .env on purpose; .env.* is excluded.
    At(".dockerignore", Good(".env.*\n"), {{"Dockerfile", "FROM nginx\nCOPY .env /srv/\n"}}),
    // Symfony (dunglas/symfony-docker): the committed `.env` holds defaults the app
    // loads; the private overrides are `.env.local` and `.env.*.local`.
    At(".dockerignore", Good("**/*.log\n.env.*.local\n.env.local\n.env.local.php\n.env.test\n"))});

}  // namespace
}  // namespace shipshape
