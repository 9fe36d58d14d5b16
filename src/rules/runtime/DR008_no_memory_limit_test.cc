// DR008 no-memory-limit
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR008.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR008", {
    Bad(R"({"Name":"/a","HostConfig":{"Memory":0}})"),
    Bad(R"({"Name":"/a","HostConfig":{}})"),
    Good(R"({"Name":"/a","HostConfig":{"Memory":536870912}})")});

}  // namespace
}  // namespace shipshape
