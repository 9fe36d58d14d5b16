// DR005 added-capabilities
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR005.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR005", {
    Bad(R"({"Name":"/a","HostConfig":{"CapAdd":["SYS_ADMIN"]}})"),
    Bad(R"({"Name":"/a","HostConfig":{"CapAdd":["ALL"]}})"),
    Bad(R"({"Name":"/a","HostConfig":{"CapAdd":["CHOWN","cap_net_admin"]}})"),
    Good(R"({"Name":"/a","HostConfig":{"CapAdd":null}})"),
    Good(R"({"Name":"/a","HostConfig":{"CapAdd":["NET_BIND_SERVICE"],"CapDrop":["ALL"]}})"),
    Good(R"({"Name":"/a","HostConfig":{"CapAdd":["CAP_CHOWN"]}})"),
    Good(R"({"Name":"/a","HostConfig":{}})")});

}  // namespace
}  // namespace shipshape
