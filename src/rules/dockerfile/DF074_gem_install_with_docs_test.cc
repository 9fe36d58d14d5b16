// DF074 gem-install-with-docs
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF074.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF074", {
    Bad("FROM debian:12\nRUN gem install bundler:2.5.16\n",
        "FROM debian:12\nRUN gem install --no-document bundler:2.5.16\n"),
    Bad("FROM debian:12\nRUN gem update --system\n",
        "FROM debian:12\nRUN gem update --no-document --system\n"),
    Good("FROM debian:12\nRUN gem install -N bundler:2.5.16\n"),
    Good("FROM ruby:3.3\nRUN gem install bundler:2.5.16\n"),
    Good("FROM debian:12\nRUN echo 'gem: --no-document' > /etc/gemrc\nRUN gem install x:1\n")});

}  // namespace
}  // namespace shipshape
