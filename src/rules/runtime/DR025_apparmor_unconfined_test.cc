// DR025 apparmor-unconfined
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR025.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR025", {
    Bad(R"({"Name":"/a","AppArmorProfile":"unconfined","HostConfig":{"SecurityOpt":["apparmor=unconfined"]}})"),
    Bad(R"({"Name":"/a","HostConfig":{"SecurityOpt":["apparmor:unconfined"]}})"),
    Bad(R"({"Name":"/a","AppArmorProfile":"unconfined","HostConfig":{"Privileged":false}})"),
    Good(R"({"Name":"/a","AppArmorProfile":"docker-default","HostConfig":{"SecurityOpt":null}})"),
    Good(R"({"Name":"/a","AppArmorProfile":"","HostConfig":{"SecurityOpt":null}})"),
    Good(R"({"Name":"/a","AppArmorProfile":"unconfined","HostConfig":{"Privileged":true}})")});

}  // namespace
}  // namespace shipshape
