// DR003 running-container-runs-as-root
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR003.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR003", {
    Bad(R"({"Name":"/a","Config":{"User":""}})"),
    Bad(R"({"Name":"/a","Config":{"User":"root"}})"),
    Bad(R"({"Name":"/a","Config":{"User":"0"}})"),
    Bad(R"({"Name":"/a","Config":{"User":"0:1000"}})"),
    Bad(R"({"Name":"/a","Config":{"User":"root:root"}})"),
    Bad(R"({"Name":"/a","Config":{}})"),
    Good(R"({"Name":"/a","Config":{"User":"1000"}})"),
    Good(R"({"Name":"/a","Config":{"User":"node"}})"),
    Good(R"({"Name":"/a","Config":{"User":"1000:0"}})"),
    Good(R"({"Name":"/a","Config":{"User":"nobody:nogroup"}})")});

}  // namespace
}  // namespace shipshape
