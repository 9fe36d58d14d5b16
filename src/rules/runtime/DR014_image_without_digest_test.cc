// DR014 image-without-digest
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR014.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR014", {
    Bad(R"({"Name":"/a","Config":{"Image":"nginx:1.27"},"Image":"sha256:4f67c83422ec0f3e8b7e6b3aa1b1a1e4fd5e5e6f2a3d7e1f0c9b8a7d6e5f4a3b"})"),
    Bad(R"({"Name":"/a","Config":{"Image":"nginx"}})"),
    Good(R"({"Name":"/a","Config":{"Image":"nginx:1.27@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"}})"),
    Good(R"({"Name":"/a","Config":{"Image":"sha256:4f67c83422ec"}})"),
    Good(R"({"Name":"/a","Config":{"Image":"4f67c83422ec"}})")});

}  // namespace
}  // namespace shipshape
