// DR022 port-published-on-all-interfaces
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR022.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR022", {
    Bad(R"({"Name":"/a","HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"8080"}]}}})"),
    Bad(R"({"Name":"/a","HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"}]}}})"),
    Bad(R"({"Name":"/a","HostConfig":{"PortBindings":{"53/udp":[{"HostIp":"127.0.0.1","HostPort":"53"},{"HostIp":"::","HostPort":"53"}]}}})"),
    Bad(R"({"Name":"/a","HostConfig":{"PortBindings":{"3000/tcp":[{"HostIp":"","HostPort":""}]}}})"),
    Bad(R"({"Name":"/a","HostConfig":{"PortBindings":{},"PublishAllPorts":true}})"),
    Good(R"({"Name":"/a","HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":"127.0.0.1","HostPort":"8080"}]}}})"),
    Good(R"({"Name":"/a","HostConfig":{"PortBindings":{"80/tcp":[{"HostIp":"10.0.0.5","HostPort":"80"}]}}})"),
    Good(R"({"Name":"/a","HostConfig":{"PortBindings":{},"PublishAllPorts":false}})"),
    Good(R"({"Name":"/a","HostConfig":{"PortBindings":null}})")});

}  // namespace
}  // namespace shipshape
