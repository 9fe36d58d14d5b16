// DR002 unbounded-restart-on-failure
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR002.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR002", {
    Bad(R"({"Name":"/w","HostConfig":{"RestartPolicy":{"Name":"on-failure","MaximumRetryCount":0}}})"),
    Bad(R"({"Name":"/w","HostConfig":{"RestartPolicy":{"Name":"on-failure"}}})"),
    Good(R"({"Name":"/w","HostConfig":{"RestartPolicy":{"Name":"on-failure","MaximumRetryCount":5}}})"),
    Good(R"({"Name":"/w","HostConfig":{"RestartPolicy":{"Name":"on-failure","MaximumRetryCount":10}}})"),
    Good(R"({"Name":"/w","HostConfig":{"RestartPolicy":{"Name":"always","MaximumRetryCount":0}}})"),
    Good(R"({"Name":"/w","HostConfig":{"RestartPolicy":{"Name":"unless-stopped","MaximumRetryCount":0}}})"),
    Good(R"({"Name":"/w","HostConfig":{"RestartPolicy":{"Name":"no","MaximumRetryCount":0}}})")});

}  // namespace
}  // namespace shipshape
