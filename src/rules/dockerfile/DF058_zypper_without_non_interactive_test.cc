// DF058 zypper-without-non-interactive
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF058.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF058", {
    Bad("FROM opensuse/leap:15.6\nRUN zypper install curl\n",
        "FROM opensuse/leap:15.6\nRUN zypper install -y curl\n"),
    Bad("FROM opensuse/leap:15.6\nRUN zypper in curl\n",
        "FROM opensuse/leap:15.6\nRUN zypper in -y curl\n"),
    Good("FROM opensuse/leap:15.6\nRUN zypper -n install curl\n"),
    Good("FROM opensuse/leap:15.6\nRUN zypper --non-interactive in curl\n"),
    Good("FROM opensuse/leap:15.6\nRUN zypper install --no-confirm curl\n"),
    Good("FROM opensuse/leap:15.6\nRUN zypper refresh\n")});

}  // namespace
}  // namespace shipshape
