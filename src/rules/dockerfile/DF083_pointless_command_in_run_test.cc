// DF083 pointless-command-in-run
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF083.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF083", {
    Bad("FROM debian:12\nRUN service nginx start\n"),
    Bad("FROM debian:12\nRUN apt-get install -y vim && vim /etc/x\n"),
    Bad("FROM debian:12\nRUN ps aux\n"),
    Good("FROM debian:12\nRUN apt-get install -y vim procps\n"),
    Good("FROM debian:12\nRUN service mysql start && mysql -e 'CREATE DATABASE app' && service mysql stop\n"),
    Good("FROM debian:12\nRUN (server &) && sleep 2 && kill %1\n")});

}  // namespace
}  // namespace shipshape
