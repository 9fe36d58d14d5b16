// DC048 obsolete-version-field
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC048.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC048", {
    Bad("version: \"3.8\"\nservices:\n  web:\n    image: nginx:1.27\n", "services:\n  web:\n    image: nginx:1.27\n"),
    Bad("# stack\nversion: '2.4'  # legacy\r\nservices:\r\n  web:\r\n    image: nginx:1.27\r\n",
        "# stack\nservices:\r\n  web:\r\n    image: nginx:1.27\r\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n"),
    crules::InFile("docker-stack.yml", Good("version: \"3.8\"\nservices:\n  web:\n    image: nginx:1.27\n")),
    Good("version: \"3.8\"\nservices:\n  web:\n    image: nginx:1.27\n    deploy:\n      placement:\n"
         "        constraints: [node.role == manager]\n"),
    Good("name: app\nservices:\n  web:\n    image: nginx:1.27\n    labels:\n      version: \"1\"\n")});

}  // namespace
}  // namespace shipshape
