// DF056 dnf-cache-not-cleaned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF056.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF056", {
    Bad("FROM fedora:40\nRUN dnf install -y httpd\n",
        "FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n"),
    Bad("FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar \\\n && echo ok\n",
        "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y tar \\\n && echo ok && microdnf clean all\n"),
    Bad("FROM fedora:40\nRUN dnf up -y\n", "FROM fedora:40\nRUN dnf up -y && dnf clean all\n"),
    Bad("FROM fedora:40\nRUN dnf in -y httpd\n",
        "FROM fedora:40\nRUN dnf in -y httpd && dnf clean all\n"),
    Good("FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n"),
    Good("FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd\n"),
    Good("FROM fedora:40\nRUN dnf install -y httpd && rm -rf /var/cache/dnf\n")});

}  // namespace
}  // namespace shipshape
