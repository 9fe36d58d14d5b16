// DX020 env-syntax-error
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DX020.snap.
#include "rules/cases.h"
#include "rules/context/cases.h"

namespace shipshape {
namespace {

using context::At;

const RuleCases kCases("DX020", {
    At(".env", Bad("DB PASSWORD=secret\n")),
    At(".env", Bad("GREETING=\"hello\n")),
    At("app.env", Bad("A='x' trailing\n")),
    At(".env.local", Bad("A=1\nB!C=2\n")),
    At(".env", Good("A=1\n# comment\nexport B='x y'\nC: 3\nD=\"multi\nline\"\n")),
    At(".env", Good("")),
    At(".dockerignore", Good("DB PASSWORD=secret\n"))});

}  // namespace
}  // namespace shipshape
