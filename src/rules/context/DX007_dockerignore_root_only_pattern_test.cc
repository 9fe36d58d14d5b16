// DX007 dockerignore-root-only-pattern
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX007.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX007", {
    At(".dockerignore", Bad("*.pyc\n", "**/*.pyc\n")),
    At(".dockerignore", Bad("node_modules\n__pycache__\n.DS_Store\n",
                            "node_modules\n**/__pycache__\n**/.DS_Store\n")),
    At(".dockerignore", Bad("*.py[cod]\r\n", "**/*.py[cod]\r\n")),
    At(".dockerignore", Good("**/*.pyc\n")),
    At(".dockerignore", Good("/__pycache__\n")),
    At(".dockerignore", Good("build/*.pyc\n")),
    At(".dockerignore", Good("node_modules\n*.log\n")),
    At(".dockerignore", Good("*.pyc\n**/*.pyc\n"))});

}  // namespace
}  // namespace shipshape
