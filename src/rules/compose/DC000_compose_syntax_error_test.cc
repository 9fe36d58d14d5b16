// DC000 compose-syntax-error
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC000.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC000", {
    Bad("services:\n  web:\n    image: \"nginx:1.27\n"), Bad("- a\n- b\n"), Bad(""),
    Bad("a: &a [*a]\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n")});

}  // namespace
}  // namespace shipshape
