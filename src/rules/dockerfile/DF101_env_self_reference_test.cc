// DF101 env-self-reference
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF101.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF101", {
    Bad("FROM alpine:3.20\nENV APP=/srv BIN=$APP/bin\n",
        "FROM alpine:3.20\nENV APP=/srv\nENV BIN=$APP/bin\n"),
    Bad("FROM alpine:3.20\nENV A=1 \\\n    B=2 \\\n    C=${A}${B}\n",
        "FROM alpine:3.20\nENV A=1 \\\n    B=2\nENV C=${A}${B}\n"),
    Bad("FROM alpine:3.20\nENV PATH=/a:$PATH PATH=/b:${PATH}\n",
        "FROM alpine:3.20\nENV PATH=/a:$PATH\nENV PATH=/b:${PATH}\n"),
    Good("FROM alpine:3.20\nENV PATH=/opt/bin:$PATH OTHER=$PATH\n"),
    Good("FROM alpine:3.20\nENV A=1\nENV B=$A\n"),
    Good("FROM alpine:3.20\nARG V=1\nENV V=2 W=$V\n")});

}  // namespace
}  // namespace shipshape
