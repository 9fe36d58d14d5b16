// DF073 gem-package-unpinned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF073.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF073", {
    Bad("FROM ruby:3.3\nRUN gem install bundler\n"),
    Bad("FROM ruby:3.3\nRUN gem install --no-document rails:7.1 puma\n"),
    Good("FROM ruby:3.3\nRUN gem install bundler:2.5.16\n"),
    Good("FROM ruby:3.3\nRUN gem install bundler -v 2.5.16\n"),
    Good("FROM ruby:3.3\nRUN gem install ./pkg/x-1.0.gem\n"),
    Good("FROM ruby:3.3\nRUN gem install nokogiri:1.16.7 -- --use-system-libraries\n")});

}  // namespace
}  // namespace shipshape
