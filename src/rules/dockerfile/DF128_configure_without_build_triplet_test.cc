// DF128 configure-without-build-triplet
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF128.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF128", {
    Bad("FROM debian:12\nRUN gnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\" && ./configure --prefix=/usr\n",
        "FROM debian:12\nRUN gnuArch=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\" && ./configure --build=\"$gnuArch\" --prefix=/usr\n"),
    Bad("FROM debian:12\nRUN apt-get install -y dpkg-dev && ./configure && make\n",
        "FROM debian:12\nRUN apt-get install -y dpkg-dev && ./configure --build=\"$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)\" && make\n"),
    Bad("FROM alpine:3.20\nRUN ./configure --prefix=/usr && make\n"),
    Good("FROM debian:12\nRUN ./configure --build=\"$gnuArch\" && make\n"),
    Good("FROM debian:12\nRUN ./configure --build=x86_64-linux-gnu && make\n"),
    Good("FROM debian:12\nRUN pip install configure\n")});

}  // namespace
}  // namespace shipshape
