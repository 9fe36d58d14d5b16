// DR006 missing-no-new-privileges
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR006.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR006", {
    Bad(R"({"Name":"/a","HostConfig":{"SecurityOpt":null}})"),
    Bad(R"({"Name":"/a","HostConfig":{"SecurityOpt":["label=disable"]}})"),
    Bad(R"({"Name":"/a","HostConfig":{"SecurityOpt":["no-new-privileges:false"]}})"),
    Bad(R"({"Name":"/a","HostConfig":{}})"),
    Good(R"({"Name":"/a","HostConfig":{"SecurityOpt":["no-new-privileges"]}})"),
    Good(R"({"Name":"/a","HostConfig":{"SecurityOpt":["no-new-privileges:true"]}})"),
    Good(R"({"Name":"/a","HostConfig":{"SecurityOpt":["apparmor=docker-default","no-new-privileges=true"]}})")});

}  // namespace
}  // namespace shipshape
