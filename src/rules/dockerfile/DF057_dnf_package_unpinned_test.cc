// DF057 dnf-package-unpinned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF057.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF057", {
    Bad("FROM fedora:40\nRUN dnf install -y httpd\n"),
    Bad("FROM fedora:40\nRUN microdnf install -y tar\n"),
    Bad("FROM fedora:40\nRUN dnf in -y httpd\n"),
    Bad("FROM fedora:40\nRUN dnf module install -y nodejs\n"),
    Bad("FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf module install -y nodejs\n"),
    Good("FROM fedora:40\nRUN dnf module install -y nodejs:18 && dnf clean all\n"),
    Good("FROM fedora:40\nRUN dnf install -y \"git-core-${GIT_VER}\" openssl-1:3.2.2\n"),
    Good("FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n"),
    Good("FROM fedora:40\nRUN dnf install -y @development-tools nodejs:18\n")});

}  // namespace
}  // namespace shipshape
