// DF095 gpg-without-batch
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF095.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF095", {
    Bad("FROM debian:12\nRUN gpg --keyserver hkps://keys.openpgp.org --recv-keys ABC\n",
        "FROM debian:12\nRUN gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys ABC\n"),
    Bad("FROM debian:12\nRUN gpg --verify a.asc a.tgz\n",
        "FROM debian:12\nRUN gpg --batch --verify a.asc a.tgz\n"),
    Good("FROM debian:12\nRUN gpg --batch --verify a.asc a.tgz\n"),
    Good("FROM debian:12\nRUN gpg --dearmor -o /usr/share/keyrings/k.gpg k.asc\n"),
    Good("FROM debian:12\nRUN gpg --version\n")});

}  // namespace
}  // namespace shipshape
