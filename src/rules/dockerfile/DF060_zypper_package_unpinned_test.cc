// DF060 zypper-package-unpinned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF060.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF060", {
    Bad("FROM opensuse/leap:15.6\nRUN zypper -n install curl\n"),
    Bad("FROM opensuse/leap:15.6\nRUN zypper -n in curl git=2.43\n"),
    Good("FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0\n"),
    Good("FROM opensuse/leap:15.6\nRUN zypper -n install \"curl>=8\"\n")});

}  // namespace
}  // namespace shipshape
