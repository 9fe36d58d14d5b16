// DF063 pip-install-without-no-cache-dir
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF063.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF063", {
    Bad("FROM python:3.12\nRUN pip install -r requirements.txt\n",
        "FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n"),
    Bad("FROM python:3.12\nRUN python3 -m pip install --upgrade pip && pip3 install flask==3.0.0\n",
        "FROM python:3.12\nRUN python3 -m pip install --no-cache-dir --upgrade pip && pip3 install --no-cache-dir flask==3.0.0\n"),
    Bad("FROM python:3.12\nENV PIP_NO_CACHE_DIR=\nRUN pip install x==1\n"),
    Bad("FROM python:3.12\nENV PIP_NO_CACHE_DIR=\"off\"\nRUN pip install x==1\n"),
    Bad("FROM python:3.12\nRUN PIP_NO_CACHE_DIR=False pip install x==1\n"),
    Bad("FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=0 && pip install x==1\n"),
    Bad("FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN PIP_NO_CACHE_DIR=no pip install x==1\n"),
    Good("FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=yes && pip install x==1\n"),
    Good("FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n"),
    Good("FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n"),
    Good("FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=on\nFROM base\nRUN pip install x==1\n"),
    Good("FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install x==1\n"),
    Good("FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install x==1\n"),
    Good("FROM python:3.12\nRUN pip install x==1 && rm -rf /root/.cache\n"),
    Good("FROM python:3.12\nRUN pip install x==1 && pip cache purge\n"),
    Good("FROM python:3.12 AS build\nRUN pip install x==1\nFROM python:3.12-slim\nCOPY --from=build /x /x\n")});

}  // namespace
}  // namespace shipshape
