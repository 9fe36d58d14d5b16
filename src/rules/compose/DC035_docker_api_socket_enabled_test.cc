// DC035 docker-api-socket-enabled
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC035.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC035", {
    Bad("services:\n  b:\n    image: docker:27-cli\n    use_api_socket: true\n"),
    Bad("services:\n  b:\n    image: docker:27-cli\n    use_api_socket: yes\n"),
    Good("services:\n  b:\n    image: docker:27-cli\n    use_api_socket: false\n"),
    Good("services:\n  b:\n    image: docker:27-cli\n")});

}  // namespace
}  // namespace shipshape
