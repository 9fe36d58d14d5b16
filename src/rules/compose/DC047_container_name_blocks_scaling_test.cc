// DC047 container-name-blocks-scaling
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC047.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC047", {
    Bad("services:\n  web:\n    image: nginx:1.27\n    container_name: web\n",
        "services:\n  web:\n    image: nginx:1.27\n"),
    Bad("services:\n  web:\n    image: nginx:1.27\n    container_name: web\n    deploy:\n      replicas: 3\n",
        "services:\n  web:\n    image: nginx:1.27\n    deploy:\n      replicas: 3\n"),
    Bad("services:\n  web:\n    # fixed name\n    container_name: \"web\"\n    image: nginx:1.27\n",
        "services:\n  web:\n    # fixed name\n    image: nginx:1.27\n"),
    // Another name may be a hostname used elsewhere: reported, not fixed.
    Bad("services:\n  web:\n    image: nginx:1.27\n    container_name: my-web\n",
        "services:\n  web:\n    image: nginx:1.27\n    container_name: my-web\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n    hostname: web\n")});

}  // namespace
}  // namespace shipshape
