// DF130 gem-update-system-leftovers
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF130.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF130", {
    Bad("FROM ruby:3.3\nRUN gem update --system --no-document\n",
        "FROM ruby:3.3\nRUN gem update --system --no-document && rm -rf /root/.gem\n"),
    Good("FROM ruby:3.3\nRUN gem update --system && rm -rf /root/.gem\n"),
    Good("FROM ruby:3.3\nRUN gem update bundler\n")});

}  // namespace
}  // namespace shipshape
