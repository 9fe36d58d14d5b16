// DR004 running-privileged-container
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR004.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR004", {
    Bad(R"({"Name":"/a","HostConfig":{"Privileged":true}})"),
    Good(R"({"Name":"/a","HostConfig":{"Privileged":false}})"),
    Good(R"({"Name":"/a","HostConfig":{}})")});

}  // namespace
}  // namespace shipshape
