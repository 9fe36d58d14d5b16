// DC065 duplicate-container-name
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC065.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC065", {
    Bad("services:\n  a:\n    image: a:1\n    container_name: app\n  b:\n    image: b:1\n    container_name: app\n"),
    Bad("services:\n  a:\n    image: a:1\n    container_name: x\n  b:\n    image: b:1\n    container_name: \"x\"\n"),
    Good("services:\n  a:\n    image: a:1\n    container_name: app\n  b:\n    image: b:1\n    container_name: app2\n")});

}  // namespace
}  // namespace shipshape
