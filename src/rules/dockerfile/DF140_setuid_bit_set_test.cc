// DF140 setuid-bit-set
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF140.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF140", {
    Bad("FROM debian:12\nRUN chmod 4755 /usr/local/bin/tool\n"),
    Bad("FROM debian:12\nRUN chmod u+s,g+x /usr/bin/helper\n"),
    Bad("FROM alpine:3.20\nCOPY --chmod=6755 helper /usr/bin/helper\n"),
    Good("FROM debian:12\nRUN chmod 0755 /usr/local/bin/tool && chmod a-s /usr/bin/newgrp\n"),
    Good("FROM debian:12\nRUN chmod 1777 /tmp/shared && chmod o+s /x\n"),
    Good("FROM debian:12 AS build\nRUN chmod 4755 /out/tool\nFROM debian:12\n"
         "COPY --from=build --chmod=0755 /out/tool /usr/bin/tool\n")});

}  // namespace
}  // namespace shipshape
