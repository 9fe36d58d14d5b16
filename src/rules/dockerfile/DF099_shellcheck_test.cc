// DF099 shellcheck
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF099.snap.
#include "rules/cases.h"
#include "lint/suppression.h"
#include "rules/dockerfile/run_analysis.h"
#include "rules/dockerfile/shellcheck_bridge.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;
using dockerfile::Instruction;
using dockerfile::Keyword;

void EnableShellcheck(Config& c) { c.shellcheck = true; }

const RuleCases kCases("DF099", {
    WithConfig(EnableShellcheck, Bad("FROM debian:12\nRUN true && \\\n    echo $1\n")),
    WithConfig(EnableShellcheck, Bad("FROM debian:12\nRUN <<EOF\nfor f in $(ls); do echo $f; done\nEOF\n")),
    Good("FROM debian:12\nRUN echo $1\n"),
    WithConfig(EnableShellcheck, Good("FROM debian:12\nRUN echo \"$1\"\n")),
    WithConfig(EnableShellcheck, Good("FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $1\n")),
    WithConfig(EnableShellcheck, Good("FROM debian:12\nRUN [\"sh\", \"-c\", \"echo $1\"]\n"))});

}  // namespace
}  // namespace shipshape
