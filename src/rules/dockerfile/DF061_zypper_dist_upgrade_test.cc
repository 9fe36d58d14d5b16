// DF061 zypper-dist-upgrade
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF061.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF061", {
    Bad("FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade\n"),
    Bad("FROM opensuse/leap:15.6\nRUN zypper --non-interactive dup && zypper clean\n"),
    Good("FROM opensuse/leap:15.6\nRUN zypper -n update\n"),
    Good("FROM opensuse/leap:15.6\nRUN echo zypper dup\n")});

}  // namespace
}  // namespace shipshape
