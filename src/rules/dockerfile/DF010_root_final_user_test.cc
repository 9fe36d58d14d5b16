// DF010 root-final-user
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF010.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF010", {
    Bad("FROM debian:12\nUSER root\nCMD [\"app\"]\n"),
    Bad("FROM debian:12\nUSER app\nRUN x\nUSER 0:0\n"),
    Bad("FROM debian:12 AS base\nUSER root\nFROM base\nCMD [\"app\"]\n"),
    Good("FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n"),
    Good("FROM debian:12 AS build\nUSER root\nFROM debian:12\nUSER 1000\n"),
    Good("FROM debian:12\nARG RUN_AS=root\nUSER ${RUN_AS}\n"),
    Good("FROM debian:12\nCMD [\"app\"]\n")});

}  // namespace
}  // namespace shipshape
