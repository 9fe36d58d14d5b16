// DC061 port-bound-to-all-interfaces
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC061.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC061", {
    Bad("services:\n  grafana:\n    image: grafana/grafana:11.1.0\n    ports:\n      - \"3000:3000\"\n"),
    Bad("services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"0.0.0.0:80:80\"\n      - target: 443\n        published: 443\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"127.0.0.1:8080:80\"\n      - \"[::1]:8443:443\"\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"${BIND}:80:80\"\n")});

}  // namespace
}  // namespace shipshape
