// DF065 pip-trusted-host
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF065.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF065", {
    Bad("FROM python:3.12\nRUN pip install --trusted-host pypi.org flask==3.0.0\n",
        "FROM python:3.12\nRUN pip install flask==3.0.0\n"),
    Bad("FROM python:3.12\nRUN pip install --trusted-host=pypi.org flask==3.0.0\n",
        "FROM python:3.12\nRUN pip install flask==3.0.0\n"),
    Bad("FROM python:3.12\nENV PIP_TRUSTED_HOST=pypi.internal\n"),
    Bad("FROM python:3.12\nRUN pip config set global.trusted-host pypi.internal\n"),
    Good("FROM python:3.12\nRUN pip install flask==3.0.0\n"),
    Good("FROM python:3.12\nENV PIP_INDEX_URL=https://pypi.internal/simple\n")});

}  // namespace
}  // namespace shipshape
