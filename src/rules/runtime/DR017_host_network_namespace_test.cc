// DR017 host-network-namespace
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR017.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR017", {
    Bad(R"({"Name":"/a","HostConfig":{"NetworkMode":"host"}})"),
    Good(R"({"Name":"/a","HostConfig":{"NetworkMode":"bridge"}})"),
    Good(R"({"Name":"/a","HostConfig":{"NetworkMode":"container:4f67c83422ec"}})"),
    Good(R"({"Name":"/a","HostConfig":{}})")});

}  // namespace
}  // namespace shipshape
