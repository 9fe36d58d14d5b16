// DF078 python-installer-cache-kept
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF078.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF078", {
    Bad("FROM python:3.12\nRUN uv pip install --system -r requirements.txt\n",
        "FROM python:3.12\nRUN uv pip install --no-cache --system -r requirements.txt\n"),
    Bad("FROM python:3.12\nRUN uv sync --frozen\n",
        "FROM python:3.12\nRUN uv sync --no-cache --frozen\n"),
    Bad("FROM python:3.12\nRUN poetry install --no-root\n",
        "FROM python:3.12\nRUN poetry install --no-cache --no-root\n"),
    Good("FROM python:3.12\nRUN uv pip install --no-cache --system x==1\n"),
    Good("FROM python:3.12\nENV UV_NO_CACHE=1\nRUN uv sync\n"),
    Good("FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/uv uv sync\n"),
    Good("FROM python:3.12\nRUN poetry install && rm -rf ~/.cache/pypoetry\n"),
    Good("FROM python:3.12 AS b\nRUN uv sync\nFROM python:3.12-slim\nCOPY --from=b /app /app\n")});

}  // namespace
}  // namespace shipshape
