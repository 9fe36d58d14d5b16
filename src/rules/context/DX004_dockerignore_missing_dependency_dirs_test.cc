// DX004 dockerignore-missing-dependency-dirs
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX004.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX004", {
    At(".dockerignore",
       Bad(".git\n", ".git\n\n# Dependencies installed on the host (the image installs "
                     "its own)\n**/node_modules\n"),
       {{"package.json", "{}"}}),
    At(".dockerignore",
       Bad(".git\n", ".git\n\n# Dependencies installed on the host (the image installs "
                     "its own)\n.venv\n"),
       {{"requirements.txt", "flask\n"}}),
    At("app/.dockerignore",
       Bad("", "# Dependencies installed on the host (the image installs its own)\n"
               "vendor/bundle\n.bundle\n"),
       {{"app/Gemfile", "source 'https://rubygems.org'\n"}, {"app/.bundle/config", "x"}}),
    At(".dockerignore", Good("node_modules\n"), {{"package.json", "{}"}}),
    At(".dockerignore", Good(""), {{"main.go", "package main\n"}}),
    At(".dockerignore", Good("")),
    At(".dockerignore", Good(".git\n"),
       {{"composer.json", "{}"}, {"Dockerfile", "FROM php:8\nCOPY vendor/ /app/vendor/\n"}}),
    // No `composer install` in the image: the host's vendor/ is what it runs.
    At(".dockerignore", Good(".git\n"),
       {{"composer.json", "{}"}, {"Dockerfile", "FROM php:8-apache\nCOPY . /var/www/html/\n"}}),
    At(".dockerignore",
       Bad(".git\n", ".git\n\n# Dependencies installed on the host (the image installs "
                     "its own)\n**/node_modules\n"),
       {{"package.json", "{}"},
        {"Dockerfile", "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n"}})});

}  // namespace
}  // namespace shipshape
