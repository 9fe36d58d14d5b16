// DC011 build-arg-secret
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC011.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC011", {
    Bad("services:\n  app:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\n",
        "services:\n  app:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: \"${NPM_TOKEN}\"\n"),
    Bad("services:\n  app:\n    build:\n      context: .\n      args:\n        - PIP_PASSWORD=pypi-pass-123\n",
        "services:\n  app:\n    build:\n      context: .\n      args:\n        - PIP_PASSWORD=${PIP_PASSWORD}\n"),
    Good("services:\n  app:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: ${NPM_TOKEN}\n"),
    Good("services:\n  app:\n    build:\n      context: .\n      args:\n        NODE_VERSION: \"20\"\n        PASSWORD_MIN_LENGTH: \"12\"\n")});

}  // namespace
}  // namespace shipshape
