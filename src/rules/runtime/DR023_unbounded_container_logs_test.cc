// DR023 unbounded-container-logs
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR023.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR023", {
    Bad(R"({"Name":"/a","HostConfig":{"LogConfig":{"Type":"json-file","Config":{}}}})"),
    Bad(R"({"Name":"/a","HostConfig":{"LogConfig":{"Type":"json-file","Config":{"max-file":"3"}}}})"),
    Bad(R"({"Name":"/a","HostConfig":{"LogConfig":{"Type":"json-file","Config":{"max-size":"-1"}}}})"),
    Bad(R"({"Name":"/a","HostConfig":{"LogConfig":{"Type":"json-file"}}})"),
    Good(R"({"Name":"/a","HostConfig":{"LogConfig":{"Type":"json-file","Config":{"max-size":"10m","max-file":"3"}}}})"),
    Good(R"({"Name":"/a","HostConfig":{"LogConfig":{"Type":"local","Config":{}}}})"),
    Good(R"({"Name":"/a","HostConfig":{"LogConfig":{"Type":"journald","Config":{}}}})")});

}  // namespace
}  // namespace shipshape
