// DF064 pip-package-unpinned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF064.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF064", {
    Bad("FROM python:3.12\nRUN pip install flask gunicorn==22.0.0\n"),
    Bad("FROM python:3.12\nRUN python -m pip install --no-cache-dir -i https://pypi.org/simple requests\n"),
    Bad("FROM python:3.12\nRUN uv pip install --system httpx\n"),
    Good("FROM python:3.12\nRUN pip install 'flask>=3,<4' gunicorn==22.0.0 attrs~=23.1\n"),
    Good("FROM python:3.12\nRUN pip install -r requirements.txt flask\n"),
    Good("FROM python:3.12\nRUN pip install -c constraints.txt flask\n"),
    Good("FROM python:3.12\nRUN pip install . ./lib /tmp/x.whl dist/x.tar.gz\n"),
    Good("FROM python:3.12\nRUN pip install git+https://github.com/a/b.git@v1.2\n"),
    Good("FROM python:3.12\nRUN pip install git+ssh://git@github.com/a/b.git@4f2c1e0#egg=b\n"),
    Bad("FROM python:3.12\nRUN pip install git+https://github.com/a/b.git#egg=b\n"),
    Bad("FROM python:3.12\nRUN pip install git+ssh://git@github.com/a/b.git\n"),
    Good("FROM python:3.12\nRUN pip install -e . --upgrade pip setuptools wheel\n"),
    Good("FROM python:3.12\nRUN pip install \"$PKG\"\n")});

}  // namespace
}  // namespace shipshape
