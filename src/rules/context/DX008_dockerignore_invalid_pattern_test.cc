// DX008 dockerignore-invalid-pattern
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX008.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX008", {
    At(".dockerignore", Bad("logs/[0-9\n")),
    At(".dockerignore", Bad("node_modules\n!\n")),
    At(".dockerignore", Bad("a[]b\n")),
    At(".dockerignore", Bad("tmp\\\n")),
    At(".dockerignore", Bad("[z-a]*\n")),
    At(".dockerignore", Good("logs/[0-9]*\n")),
    At(".dockerignore", Good("\\[literal\\]\n")),
    At(".dockerignore", Good("# [not a pattern\n")),
    At(".dockerignore", Good("a]b\n"))});

}  // namespace
}  // namespace shipshape
