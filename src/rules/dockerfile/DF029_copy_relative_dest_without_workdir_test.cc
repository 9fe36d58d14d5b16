// DF029 copy-relative-dest-without-workdir
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF029.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF029", {
    Bad("FROM python:3.12\nCOPY requirements.txt .\n"),
    Bad("FROM python:3.12\nADD [\"a.txt\", \"app/\"]\nWORKDIR /app\n"),
    Good("FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\n"),
    Good("FROM python:3.12 AS base\nWORKDIR /app\nFROM base\nCOPY . .\n"),
    Good("FROM python:3.12\nCOPY app.py /app/\n"), Good("FROM scratch\nCOPY app .\n")});

}  // namespace
}  // namespace shipshape
