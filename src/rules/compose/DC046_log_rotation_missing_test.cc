// DC046 log-rotation-missing
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC046.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC046", {
    Bad("services:\n  api:\n    image: myorg/api:1.4\n"),
    Bad("services:\n  api:\n    image: myorg/api:1.4\n    logging:\n      driver: json-file\n",
        "services:\n  api:\n    image: myorg/api:1.4\n    logging:\n      driver: json-file\n      options:\n"
        "        max-size: \"10m\"\n        max-file: \"3\"\n"),
    Bad("services:\n  api:\n    image: myorg/api:1.4\n    logging:\n      options:\n        max-file: \"5\"\n",
        "services:\n  api:\n    image: myorg/api:1.4\n    logging:\n      options:\n        max-file: \"5\"\n"
        "        max-size: \"10m\"\n"),
    Good("services:\n  api:\n    image: myorg/api:1.4\n    logging:\n      driver: local\n"),
    Good("services:\n  api:\n    image: myorg/api:1.4\n    logging:\n      options:\n        max-size: 50m\n"),
    Good("x-log: &log\n  logging:\n    driver: syslog\nservices:\n  a:\n    <<: *log\n    image: x:1\n")});

}  // namespace
}  // namespace shipshape
