// DF036 from-as-casing
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF036.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF036", {
    Bad("FROM golang:1.23 as build\n", "FROM golang:1.23 AS build\n"),
    Bad("from golang:1.23 AS build\n", "from golang:1.23 as build\n"),
    Good("FROM golang:1.23 AS build\n"), Good("from golang:1.23 as build\n")});

}  // namespace
}  // namespace shipshape
