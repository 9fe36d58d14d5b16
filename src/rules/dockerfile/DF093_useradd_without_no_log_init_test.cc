// DF093 useradd-without-no-log-init
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF093.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF093", {
    Bad("FROM debian:12\nRUN useradd -u 1000000 app\n",
        "FROM debian:12\nRUN useradd --no-log-init -u 1000000 app\n"),
    Bad("FROM debian:12\nRUN groupadd -g 123456 g && useradd --uid=123456 -g g app\n",
        "FROM debian:12\nRUN groupadd -g 123456 g && useradd --no-log-init --uid=123456 -g g app\n"),
    Good("FROM debian:12\nRUN useradd -u 1000 app\n"),
    Good("FROM debian:12\nRUN useradd -l -u 1000000 app\n"),
    Good("FROM debian:12\nRUN useradd -u \"$UID\" app\n")});

}  // namespace
}  // namespace shipshape
