// DR012 unhealthy-container
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR012.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR012", {
    Bad(R"({"Name":"/a","State":{"Status":"running","Health":{"Status":"unhealthy","FailingStreak":3,"Log":[{"ExitCode":1,"Output":"curl: (7) Failed to connect"}]}}})"),
    Bad(R"({"Name":"/a","State":{"Health":{"Status":"unhealthy"}}})"),
    Good(R"({"Name":"/a","State":{"Health":{"Status":"healthy","FailingStreak":0}}})"),
    Good(R"({"Name":"/a","State":{"Health":{"Status":"starting"}}})"),
    Good(R"({"Name":"/a","State":{"Status":"running"}})")});

}  // namespace
}  // namespace shipshape
