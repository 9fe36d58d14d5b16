// DF125 gpg-sks-keyserver
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF125.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF125", {
    Bad("FROM debian:12\nRUN gpg --batch --keyserver ha.pool.sks-keyservers.net --recv-keys ABC\n",
        "FROM debian:12\nRUN gpg --batch --keyserver keyserver.ubuntu.com --recv-keys ABC\n"),
    Bad("FROM debian:12\nRUN gpg --batch --keyserver hkp://p80.pool.sks-keyservers.net:80 --recv-keys ABC\n",
        "FROM debian:12\nRUN gpg --batch --keyserver hkp://keyserver.ubuntu.com:80 --recv-keys ABC\n"),
    Bad("FROM debian:12\nRUN apt-key adv --keyserver pool.sks-keyservers.net --recv-keys ABC\n",
        "FROM debian:12\nRUN apt-key adv --keyserver keyserver.ubuntu.com --recv-keys ABC\n"),
    Good("FROM debian:12\nRUN gpg --batch --keyserver keyserver.ubuntu.com --recv-keys ABC\n"),
    Good("FROM debian:12\nRUN echo ha.pool.sks-keyservers.net\n")});

}  // namespace
}  // namespace shipshape
