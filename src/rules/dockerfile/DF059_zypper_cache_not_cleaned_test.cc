// DF059 zypper-cache-not-cleaned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF059.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF059", {
    Bad("FROM opensuse/leap:15.6\nRUN zypper -n install curl\n",
        "FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all\n"),
    Bad("FROM opensuse/leap:15.6\nRUN zypper -n up\n",
        "FROM opensuse/leap:15.6\nRUN zypper -n up && zypper clean --all\n"),
    Good("FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean\n"),
    Good("FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper cc -a\n"),
    Good("FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl\n")});

}  // namespace
}  // namespace shipshape
