// DC050 pids-limit-missing
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC050.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC050", {
    Bad("services:\n  worker:\n    image: myorg/worker:3.0\n",
        "services:\n  worker:\n    image: myorg/worker:3.0\n    pids_limit: 1024\n"),
    Bad("services:\n  worker:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          memory: 1G\n",
        "services:\n  worker:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          memory: 1G\n    pids_limit: 1024\n"),
    Bad("services:\n  worker:\n    image: a:1\n    pids_limit: -1\n"),
    Good("services:\n  worker:\n    image: a:1\n    pids_limit: 200\n"),
    crules::InFile("docker-stack.yml", Bad("version: \"3.8\"\nservices:\n  worker:\n    image: a:1\n")),
    Good("services:\n  seed:\n    image: a:1\n    command: [\"/bin/true\"]\n"),
    Good("services:\n  worker:\n    image: a:1\n    pids_limit: ${PIDS}\n")});

}  // namespace
}  // namespace shipshape
