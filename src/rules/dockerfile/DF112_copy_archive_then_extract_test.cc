// DF112 copy-archive-then-extract
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF112.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF112", {
    Bad("FROM alpine:3.20\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n"),
    Bad("FROM alpine:3.20\nCOPY dist/site.tar /tmp/\nRUN cd /srv && tar xf /tmp/site.tar\n"),
    Bad("FROM alpine:3.20\nCOPY build/release-1.2.tar /opt/app.tar\nRUN tar -xf /opt/app.tar\n"),
    Bad("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY out\\site.tar.gz C:\\site.tar.gz\n"
        "RUN tar -xzf C:\\site.tar.gz\n"),
    Good("FROM alpine:3.20\nCOPY app.tar.gz /srv/\nRUN ls /srv\n"),
    Good("FROM alpine:3.20\nCOPY app.tar.gz /tmp/\nRUN tar -czf /backup.tgz /etc\n"),
    Good("FROM alpine:3.20\nADD app.tar.gz /opt/\n")});

}  // namespace
}  // namespace shipshape
