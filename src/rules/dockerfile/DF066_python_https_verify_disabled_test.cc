// DF066 python-https-verify-disabled
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF066.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF066", {
    Bad("FROM python:3.12\nENV PYTHONHTTPSVERIFY=0\n"),
    Bad("FROM python:3.12\nRUN PYTHONHTTPSVERIFY=0 python fetch.py\n"),
    Bad("FROM python:3.12\nRUN export PYTHONHTTPSVERIFY=0 && python fetch.py\n"),
    Good("FROM python:3.12\nENV PYTHONHTTPSVERIFY=1\n"),
    Good("FROM python:3.12\nRUN echo PYTHONHTTPSVERIFY=0\n")});

}  // namespace
}  // namespace shipshape
