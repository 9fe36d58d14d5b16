// DF062 rpm-signature-check-disabled
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF062.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF062", {
    Bad("FROM fedora:40\nRUN dnf install -y --nogpgcheck x\n",
        "FROM fedora:40\nRUN dnf install -y x\n"),
    Bad("FROM fedora:40\nRUN rpm -i --nosignature /tmp/x.rpm\n",
        "FROM fedora:40\nRUN rpm -i /tmp/x.rpm\n"),
    Bad("FROM fedora:40\nRUN yum --setopt=sslverify=false install -y x\n",
        "FROM fedora:40\nRUN yum install -y x\n"),
    Good("FROM fedora:40\nRUN dnf install -y x\n"),
    Good("FROM fedora:40\nRUN dnf --setopt=install_weak_deps=False install -y x\n"),
    Good("FROM fedora:40\nRUN rpm --import /tmp/key\n")});

}  // namespace
}  // namespace shipshape
