// DF082 sudo-in-run
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF082.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF082", {
    Bad("FROM debian:12\nRUN sudo apt-get update\n", "FROM debian:12\nRUN apt-get update\n"),
    Bad("FROM debian:12\nRUN make && sudo -E make install\n",
        "FROM debian:12\nRUN make && make install\n"),
    Bad("FROM debian:12\nUSER app\nRUN sudo apt-get update\n"),
    Bad("FROM debian:12\nRUN sudo -u app make\n"),
    Good("FROM debian:12\nRUN apt-get install -y sudo\n"),
    Good("FROM debian:12\nRUN echo sudo\n")});

}  // namespace
}  // namespace shipshape
