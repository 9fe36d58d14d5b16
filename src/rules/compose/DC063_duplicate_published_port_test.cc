// DC063 duplicate-published-port
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC063.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC063", {
    Bad("services:\n  web:\n    image: a:1\n    ports: [\"8080:80\"]\n  admin:\n    image: b:1\n    ports: [\"8080:3000\"]\n"),
    Bad("services:\n  web:\n    image: a:1\n    ports: [\"127.0.0.1:9000-9005:9000-9005\", \"9003:80\"]\n"),
    Good("services:\n  a:\n    image: a:1\n    profiles: [x]\n    ports: [\"80:80\"]\n  b:\n    image: b:1\n    profiles: [y]\n    ports: [\"80:80\"]\n"),
    Good("services:\n  dns:\n    image: a:1\n    ports: [\"53:53/tcp\", \"53:53/udp\"]\n"),
    Good("services:\n  a:\n    image: a:1\n    ports: [\"127.0.0.1:80:80\"]\n  b:\n    image: b:1\n    ports: [\"127.0.0.2:80:80\"]\n")});

}  // namespace
}  // namespace shipshape
