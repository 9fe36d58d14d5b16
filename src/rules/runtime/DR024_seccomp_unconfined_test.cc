// DR024 seccomp-unconfined
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR024.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR024", {
    Bad(R"({"Name":"/a","HostConfig":{"SecurityOpt":["seccomp=unconfined"]}})"),
    Bad(R"({"Name":"/a","HostConfig":{"SecurityOpt":["no-new-privileges","seccomp:unconfined"]}})"),
    Good(R"({"Name":"/a","HostConfig":{"SecurityOpt":["seccomp=/etc/docker/seccomp.json"]}})"),
    Good(R"({"Name":"/a","HostConfig":{"SecurityOpt":null}})")});

}  // namespace
}  // namespace shipshape
