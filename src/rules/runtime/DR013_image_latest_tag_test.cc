// DR013 image-latest-tag
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR013.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR013", {
    Bad(R"({"Name":"/a","Config":{"Image":"nginx"}})"),
    Bad(R"({"Name":"/a","Config":{"Image":"nginx:latest"}})"),
    Bad(R"({"Name":"/a","Config":{"Image":"registry.example.com:5000/team/app"}})"),
    Good(R"({"Name":"/a","Config":{"Image":"nginx:1.27"}})"),
    Good(R"({"Name":"/a","Config":{"Image":"registry.example.com:5000/team/app:2.1"}})"),
    Good(R"({"Name":"/a","Config":{"Image":"nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"}})"),
    Good(R"({"Name":"/a","Config":{"Image":"sha256:4f67c83422ec"}})")});

}  // namespace
}  // namespace shipshape
