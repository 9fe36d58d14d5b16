// DF129 usr-src-not-removed
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF129.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF129", {
    Bad("FROM debian:12\nRUN mkdir -p /usr/src/app && tar -xzf a.tgz -C /usr/src/app && make -C /usr/src/app install\n",
        "FROM debian:12\nRUN mkdir -p /usr/src/app && tar -xzf a.tgz -C /usr/src/app && make -C /usr/src/app install && rm -rf /usr/src/app\n"),
    Bad("FROM debian:12\nRUN git clone https://e.com/r /usr/src/r && cd /usr/src/r && ./configure && make install\n",
        "FROM debian:12\nRUN git clone https://e.com/r /usr/src/r && cd /usr/src/r && ./configure && make install && rm -rf /usr/src/r\n"),
    Good("FROM debian:12\nRUN mkdir -p /usr/src/app && make -C /usr/src/app && rm -rf /usr/src/app\n"),
    Good("FROM debian:12\nRUN mkdir -p /usr/src/app\nWORKDIR /usr/src/app\n"),
    Good("FROM debian:12\nRUN tar -xzf a.tgz -C /usr/src/a && make -C /usr/src/a; rm -rf /usr/src/*\n"),
    Good("FROM debian:12 AS b\nRUN mkdir -p /usr/src/a && make -C /usr/src/a\nFROM debian:12\nCOPY --from=b /usr/local /usr/local\n")});

}  // namespace
}  // namespace shipshape
