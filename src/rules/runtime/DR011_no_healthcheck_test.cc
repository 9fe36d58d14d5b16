// DR011 no-healthcheck
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR011.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR011", {
    Bad(R"({"Name":"/a","Config":{"Image":"nginx:1.27"}})"),
    Bad(R"({"Name":"/a","Config":{"Healthcheck":{"Test":["NONE"]}}})"),
    Bad(R"({"Name":"/a","Config":{"Healthcheck":{"Test":[]}}})"),
    Good(R"({"Name":"/a","Config":{"Healthcheck":{"Test":["CMD-SHELL","curl -f http://localhost/ || exit 1"]}}})"),
    Good(R"({"Name":"/a","Config":{"Healthcheck":{"Test":["CMD","pg_isready"],"Interval":10000000000}}})")});

}  // namespace
}  // namespace shipshape
