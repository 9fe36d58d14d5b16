// DR018 running-host-pid-namespace
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR018.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR018", {
    Bad(R"({"Name":"/a","HostConfig":{"PidMode":"host"}})"),
    Good(R"({"Name":"/a","HostConfig":{"PidMode":"private"}})"),
    Good(R"({"Name":"/a","HostConfig":{"PidMode":"container:db"}})"),
    Good(R"({"Name":"/a","HostConfig":{}})")});

}  // namespace
}  // namespace shipshape
