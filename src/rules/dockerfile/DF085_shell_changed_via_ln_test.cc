// DF085 shell-changed-via-ln
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF085.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF085", {
    Bad("FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n"),
    Bad("FROM debian:12\nRUN rm /bin/sh && ln -s /bin/bash /bin/sh\n"),
    Good("FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\n"),
    Good("FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/sh2\n"),
    Good("FROM busybox:1.36\nRUN [\"/busybox/ln\", \"-s\", \"/busybox/sh\", \"/bin/sh\"]\n")});

}  // namespace
}  // namespace shipshape
