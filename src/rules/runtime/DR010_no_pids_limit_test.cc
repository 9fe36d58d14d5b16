// DR010 no-pids-limit
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR010.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR010", {
    Bad(R"({"Name":"/a","HostConfig":{"PidsLimit":null}})"),
    Bad(R"({"Name":"/a","HostConfig":{"PidsLimit":0}})"),
    Bad(R"({"Name":"/a","HostConfig":{"PidsLimit":-1}})"),
    Bad(R"({"Name":"/a","HostConfig":{}})"),
    Good(R"({"Name":"/a","HostConfig":{"PidsLimit":200}})")});

}  // namespace
}  // namespace shipshape
