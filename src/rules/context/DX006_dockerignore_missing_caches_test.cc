// DX006 dockerignore-missing-caches
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX006.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX006", {
    At(".dockerignore",
       Bad("", "# Caches and test artifacts\n**/__pycache__\n**/*.py[cod]\n.pytest_cache\n"),
       {{"pyproject.toml", "[project]\n"}}),
    At(".dockerignore",
       Bad(".git\nbuild\n", ".git\nbuild\n\n# Caches and test artifacts\n.gradle\n"),
       {{"build.gradle", "plugins {}\n"}}),
    At(".dockerignore",
       Bad("__pycache__\n*.pyc\n.pytest_cache\n",
           "__pycache__\n*.pyc\n.pytest_cache\n\n# Caches and test artifacts\n.mypy_cache\n"),
       {{"setup.py", ""}, {".mypy_cache/3.12/x.json", "{}"}}),
    At(".dockerignore", Good("__pycache__\n*.pyc\n.pytest_cache\n"),
       {{"requirements.txt", "flask\n"}}),
    At(".dockerignore", Good(""), {{"go.mod", "module x\n"}}),
    At(".dockerignore", Good(".*\n**/__pycache__\n**/*.pyc\n"), {{"Pipfile", ""}})});

}  // namespace
}  // namespace shipshape
