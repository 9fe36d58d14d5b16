// DR021 running-host-user-namespace
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR021.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR021", {
    Bad(R"({"Name":"/a","HostConfig":{"UsernsMode":"host"}})"),
    Good(R"({"Name":"/a","HostConfig":{"UsernsMode":""}})"),
    Good(R"({"Name":"/a","HostConfig":{}})")});

}  // namespace
}  // namespace shipshape
