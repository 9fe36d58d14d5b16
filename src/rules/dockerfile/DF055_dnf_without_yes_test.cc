// DF055 dnf-without-yes
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF055.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF055", {
    Bad("FROM fedora:40\nRUN dnf install httpd\n",
        "FROM fedora:40\nRUN dnf install -y httpd\n"),
    Bad("FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install shadow-utils\n",
        "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y shadow-utils\n"),
    Bad("FROM fedora:40\nRUN dnf module install nodejs:18\n",
        "FROM fedora:40\nRUN dnf module -y install nodejs:18\n"),
    Bad("FROM fedora:40\nRUN dnf in httpd\n", "FROM fedora:40\nRUN dnf in -y httpd\n"),
    Bad("FROM fedora:40\nRUN dnf up-min\n", "FROM fedora:40\nRUN dnf up-min -y\n"),
    Bad("FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf rei tar\n",
        "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf rei -y tar\n"),
    Good("FROM fedora:40\nRUN dnf up -y\n"),
    Good("FROM fedora:40\nRUN dnf install -y httpd\n"),
    Good("FROM fedora:40\nRUN dnf -y upgrade\n"),
    Good("FROM fedora:40\nRUN dnf clean all\n")});

}  // namespace
}  // namespace shipshape
