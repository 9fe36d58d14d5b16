// DC045 resource-limit-conflict
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC045.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC045", {
    Bad("services:\n  api:\n    image: a:1\n    mem_limit: 512m\n    deploy:\n      resources:\n        limits:\n          memory: 1G\n"),
    Bad("services:\n  api:\n    image: a:1\n    cpus: 0.5\n    mem_limit: 512m\n    deploy:\n      resources:\n        limits:\n"
        "          cpus: \"0.5\"\n          memory: 512M\n",
        "services:\n  api:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          cpus: \"0.5\"\n"
        "          memory: 512M\n"),
    Good("services:\n  api:\n    image: a:1\n    mem_limit: 512m\n"),
    Good("services:\n  api:\n    image: a:1\n    mem_limit: ${MEM}\n    deploy:\n      resources:\n        limits:\n          memory: 1G\n")});

}  // namespace
}  // namespace shipshape
