// DF077 python-tool-unpinned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF077.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF077", {
    Bad("FROM python:3.12\nRUN pipx install poetry\n"),
    Bad("FROM python:3.12\nRUN uv tool install ruff\n"),
    Good("FROM python:3.12\nRUN pipx install poetry==1.8.3\n"),
    Good("FROM python:3.12\nRUN uv tool install ruff@0.6.9\n"),
    Good("FROM python:3.12\nRUN pipx install ./tool\n")});

}  // namespace
}  // namespace shipshape
