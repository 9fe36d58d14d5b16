// DR007 writable-root-filesystem
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR007.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR007", {
    Bad(R"({"Name":"/a","HostConfig":{"ReadonlyRootfs":false}})"),
    Bad(R"({"Name":"/a","HostConfig":{}})"),
    Good(R"({"Name":"/a","HostConfig":{"ReadonlyRootfs":true}})")});

}  // namespace
}  // namespace shipshape
