// DR019 running-host-ipc-namespace
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR019.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR019", {
    Bad(R"({"Name":"/a","HostConfig":{"IpcMode":"host"}})"),
    Good(R"({"Name":"/a","HostConfig":{"IpcMode":"private"}})"),
    Good(R"({"Name":"/a","HostConfig":{"IpcMode":"shareable"}})"),
    Good(R"({"Name":"/a","HostConfig":{}})")});

}  // namespace
}  // namespace shipshape
