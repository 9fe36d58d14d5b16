// DF028 relative-workdir
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF028.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF028", {
    Bad("FROM node:22\nWORKDIR app\n"),
    Bad("FROM node:22\nWORKDIR /srv\nWORKDIR app/../web\n",
        "FROM node:22\nWORKDIR /srv\nWORKDIR /srv/web\n"),
    Bad("FROM node:22 AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\n",
        "FROM node:22 AS base\nWORKDIR /srv\nFROM base\nWORKDIR /srv/app\n"),
    Bad("FROM scratch\nWORKDIR data\n", "FROM scratch\nWORKDIR /data\n"),
    Good("FROM node:22\nWORKDIR /app\n"), Good("FROM node:22\nWORKDIR $HOME/app\n"),
    Good("FROM node:22\nARG DIR=/opt/app\nWORKDIR ${DIR}\n")});

}  // namespace
}  // namespace shipshape
