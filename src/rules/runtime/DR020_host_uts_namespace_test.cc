// DR020 running-host-uts-namespace
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR020.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR020", {
    Bad(R"({"Name":"/a","HostConfig":{"UTSMode":"host"}})"),
    Good(R"({"Name":"/a","HostConfig":{"UTSMode":""}})"),
    Good(R"({"Name":"/a","HostConfig":{}})")});

}  // namespace
}  // namespace shipshape
