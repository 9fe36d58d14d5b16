// DF014 sensitive-volume
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF014.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF014", {
    Bad("FROM alpine:3.20\nVOLUME /sys/fs/cgroup\n"),
    Bad("FROM alpine:3.20\nVOLUME [\"/data\", \"/dev\"]\n"),
    Good("FROM alpine:3.20\nVOLUME /data\n"), Good("FROM alpine:3.20\nVOLUME /devdata\n")});

}  // namespace
}  // namespace shipshape
