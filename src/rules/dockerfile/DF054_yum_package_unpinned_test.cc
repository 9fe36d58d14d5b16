// DF054 yum-package-unpinned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF054.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF054", {
    Bad("FROM centos:7\nRUN yum install -y httpd\n"),
    Bad("FROM centos:7\nRUN yum install -y httpd-2.4.6 mod_ssl\n"),
    Bad("FROM centos:7\nRUN yum module install -y nodejs\n"),
    Good("FROM centos:7\nRUN yum module install -y nodejs:18\n"),
    Good("FROM centos:7\nRUN yum install -y httpd-2.4.6\n"),
    Good("FROM centos:7\nRUN yum install -y /tmp/x.rpm @development\n")});

}  // namespace
}  // namespace shipshape
