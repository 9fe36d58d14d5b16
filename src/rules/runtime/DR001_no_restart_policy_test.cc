// DR001 no-restart-policy
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR001.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR001", {
    Bad(R"({"Name":"/web","HostConfig":{"RestartPolicy":{"Name":"no","MaximumRetryCount":0}}})"),
    Bad(R"({"Name":"/web","HostConfig":{"RestartPolicy":{"Name":"","MaximumRetryCount":0}}})"),
    Bad(R"({"Name":"/web","HostConfig":{}})"),
    Good(R"({"Name":"/web","HostConfig":{"RestartPolicy":{"Name":"unless-stopped","MaximumRetryCount":0}}})"),
    Good(R"({"Name":"/web","HostConfig":{"RestartPolicy":{"Name":"always","MaximumRetryCount":0}}})"),
    Good(R"({"Name":"/web","HostConfig":{"RestartPolicy":{"Name":"on-failure","MaximumRetryCount":3}}})"),
    Good(R"({"Name":"/job","HostConfig":{"AutoRemove":true,"RestartPolicy":{"Name":"no"}}})"),
    Good(R"({"Name":"/app-web-run-1","Config":{"Labels":{"com.docker.compose.service":"web","com.docker.compose.oneoff":"True"}},"HostConfig":{"RestartPolicy":{"Name":"no"}}})")});

}  // namespace
}  // namespace shipshape
