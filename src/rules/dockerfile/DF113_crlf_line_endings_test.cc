// DF113 crlf-line-endings
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF113.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF113", {
    Bad("FROM alpine:3.20\r\nRUN true\r\n", "FROM alpine:3.20\nRUN true\n"),
    Bad("FROM alpine:3.20\nRUN a \\\r\n  b\r\n", "FROM alpine:3.20\nRUN a \\\n  b\n"),
    Good("FROM alpine:3.20\nRUN true\n"),
    Good("# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nRUN dir\r\n")});

}  // namespace
}  // namespace shipshape
